"""On an existing site whose /orienter-un-jeune/ and /etre-contacte/ are still the
placeholder « Page standard », the referrals demo turns them in place into the forms."""

import pytest

from home.demo.registry import DemoContext
from home.models import StandardPage
from referrals import demo
from referrals.models import Kind, ReferralFormPage

pytestmark = [pytest.mark.django_db, pytest.mark.one_database]


def test_the_placeholders_of_an_existing_site_are_turned_in_place(home_page):
    placeholders = {}
    for slug, title in (
        ("orienter-un-jeune", "Orienter un jeune"),
        ("programmes", "Programmes"),
        ("ressources", "Ressources"),
        ("etre-contacte", "Être contacté"),
    ):
        page = StandardPage(title=title, slug=slug, show_in_menus=True)
        home_page.add_child(instance=page)
        page.save_revision().publish()
        placeholders[slug] = page.pk
    context = DemoContext(home=home_page)

    demo.load(context)

    children = list(home_page.get_children().order_by("path"))
    assert [c.slug for c in children] == [
        "orienter-un-jeune",
        "programmes",
        "ressources",
        "demander-une-intervention",
        "etre-contacte",
    ]
    for slug, kind in (("orienter-un-jeune", Kind.ORIENTATION), ("etre-contacte", Kind.CONTACT)):
        page = ReferralFormPage.objects.get(slug=slug)
        assert page.pk == placeholders[slug]  # same page: links to it keep working
        assert page.kind == kind and page.live and page.show_in_menus
    assert not StandardPage.objects.filter(slug__in=["orienter-un-jeune", "etre-contacte"]).exists()
    assert sorted(context.result.created) == [
        "/demander-une-intervention/",
        "/etre-contacte/",
        "/orienter-un-jeune/",
    ]
    assert context.result.warnings == []

    again = DemoContext(home=home_page)
    demo.load(again)
    assert again.result.created == []
    assert ReferralFormPage.objects.count() == 3
