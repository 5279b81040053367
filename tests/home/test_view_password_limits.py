"""Wrong passwords of a protected page or document are limited like the staff login: after
VIEW_PASSWORD_FAILURES_PER_ADDRESS wrong passwords from one address on one protected page
(or collection), or VIEW_PASSWORD_FAILURES_PER_RESTRICTION from every address, the form
comes back with « Trop d'essais » (status 429) and even the right password is refused
until the counting window ends."""

from datetime import timedelta

import pytest
from django.db.models import F
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from relier_site.models import RateLimitCounter
from tests.factories import DocumentFactory, StandardPageFactory
from tests.html import visible_text

pytestmark = [pytest.mark.django_db, pytest.mark.both_databases]

PASSWORD = "partenaires-2026"  # noqa: S105 (a test password)
TOO_MANY = "Trop d'essais. Réessayez dans une heure."
ATTACKER = "203.0.113.7"
COLLEAGUE = "198.51.100.20"


def protected_page(home_page, slug):
    page = StandardPageFactory(title=f"Espace {slug}", slug=slug, parent=home_page)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    action = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return {"action": action, "return_url": page.url}


def protected_document(name):
    collection = Collection.get_first_root_node().add_child(name=name)
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = DocumentFactory(title=f"Convention {name}", collection=collection)
    action = f"/documents/authenticate_with_password/{restriction.pk}/"
    return {"action": action, "return_url": document.url}


@pytest.fixture(params=["page", "document"])
def protected(request, home_page):
    """Two protected pages, or two documents in two protected collections."""
    if request.param == "page":
        return [protected_page(home_page, "partenaires"), protected_page(home_page, "equipe")]
    return [protected_document("Partenaires"), protected_document("Équipe")]


def send(client, target, password, address=ATTACKER):
    return client.post(
        target["action"],
        {"password": password, "return_url": target["return_url"]},
        REMOTE_ADDR=address,
    )


def guess(client, target, times, address=ATTACKER):
    return [send(client, target, f"essai-{n}", address).status_code for n in range(times)]


def assert_too_many(response):
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3600"
    text = visible_text(response)
    assert TOO_MANY in text
    assert "Le mot de passe est incorrect" not in text
    assert "Mot de passe demandé" in text  # the form again
    assert 'name="password"' in response.content.decode()


def test_the_fifth_wrong_password_locks_and_the_right_one_is_refused(client, protected):
    target = protected[0]
    assert guess(client, target, 4) == [200] * 4
    assert_too_many(send(client, target, "essai-5"))
    assert_too_many(send(client, target, PASSWORD))
    # Nothing was opened: the protected content still asks for its password.
    assert "Mot de passe demandé" in visible_text(client.get(target["return_url"]))


def test_a_right_password_is_not_counted(client, protected):
    target = protected[0]
    for _ in range(10):
        assert send(client, target, PASSWORD).status_code == 302
    assert guess(client, target, 4) == [200] * 4
    assert send(client, target, PASSWORD).status_code == 302


def test_another_address_still_can(client, protected):
    target = protected[0]
    guess(client, target, 5)
    response = send(client, target, PASSWORD, address=COLLEAGUE)
    assert response.status_code == 302
    assert response.headers["Location"] == target["return_url"]


def test_another_page_or_collection_still_can(client, protected):
    guess(client, protected[0], 5)
    assert send(client, protected[1], PASSWORD).status_code == 302


def test_many_addresses_lock_the_page_for_everyone(client, protected, settings):
    settings.VIEW_PASSWORD_FAILURES_PER_RESTRICTION = 6
    target = protected[0]
    assert guess(client, target, 3, address="192.0.2.1") == [200] * 3
    assert guess(client, target, 2, address="192.0.2.2") == [200] * 2
    assert_too_many(send(client, target, "essai", address="192.0.2.3"))
    assert_too_many(send(client, target, PASSWORD, address=COLLEAGUE))
    assert send(client, protected[1], PASSWORD, address=COLLEAGUE).status_code == 302


def test_after_the_window_the_right_password_works_again(client, protected):
    target = protected[0]
    guess(client, target, 5)
    assert_too_many(send(client, target, PASSWORD))
    # The counting window ends: its counters now belong to the previous hour.
    RateLimitCounter.objects.update(window_start=F("window_start") - timedelta(hours=1))
    response = send(client, target, PASSWORD)
    assert response.status_code == 302
    assert response.headers["Location"] == target["return_url"]


def test_the_limits_are_settings(client, protected, settings):
    settings.VIEW_PASSWORD_FAILURES_PER_ADDRESS = 2
    target = protected[0]
    assert guess(client, target, 1) == [200]
    assert_too_many(send(client, target, "essai"))
