"""The public forms' flood limits (relier_site.ratelimit `allowed`, `record`): only
recorded submissions count, by client address and by contact however it is typed."""

import pytest
from django.test import RequestFactory

from relier_site.ratelimit import address_key, allowed, contact_key, record

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]


def request_from(address):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_checking_counts_nothing_and_recording_counts_each_key():
    keys = [(address_key("form", request_from("192.0.2.1")), 2), (contact_key("form", "a@b.fr"), 5)]
    for _ in range(10):
        assert allowed(keys, 3600)

    record(keys, 3600)
    assert allowed(keys, 3600)
    record(keys, 3600)

    assert not allowed(keys, 3600)
    other_address = [(address_key("form", request_from("192.0.2.2")), 2)]
    assert allowed(other_address, 3600)


def test_a_contact_is_the_same_key_however_it_is_typed():
    assert contact_key("form", " Nadia@Example.org ") == contact_key("form", "nadia@example.org")
    assert contact_key("form", "06 12 34 56 78") == contact_key("form", "+33612345678")
    assert contact_key("form", "06.12.34.56.78") == contact_key("form", "0612345678")
    assert contact_key("form", "") == ""

    record([(contact_key("form", "06 12 34 56 78"), 1)], 3600)
    assert not allowed([(contact_key("form", "+33 6 12 34 56 78"), 1)], 3600)


def test_an_absent_contact_is_not_a_key():
    record([("", 1)], 3600)
    assert allowed([("", 1), (contact_key("form", None), 1)], 3600)
