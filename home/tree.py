"""The site's home page: shared by the demo-content command and the tests."""

from django.db import transaction
from wagtail.models import Page, Site

from relier_site.sites import apply_public_url

from .models import HomePage

HOME_TITLE = "Les Centres Relier"


def remove_placeholder():
    """Delete Wagtail's placeholder « Welcome » page (slug `home`, made by its initial
    migration), and with it the Site whose root it is. Nothing else is below it."""
    root = Page.get_first_root_node()
    for placeholder in (
        root.get_children().filter(slug="home").exclude(content_type__model="homepage")
    ):
        placeholder.delete()


@transaction.atomic
def ensure_home_page(**fields):
    """Return the site's HomePage, creating it (and the default Site) when missing.

    Wagtail's initial migration leaves a placeholder "Welcome" page; it is replaced,
    so the HomePage is the root of the default site. Running it twice changes nothing.
    """
    home = HomePage.objects.first()
    if home is None:
        remove_placeholder()
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=fields.pop("title", HOME_TITLE), slug="accueil", **fields)
        )
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=HOME_TITLE,
        )
        # Deleting the placeholder deleted Wagtail's initial Site with it: the new one
        # gets the configured public address (settings.RELIER_PUBLIC_URL), as migrate does.
        apply_public_url()
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
    return home
