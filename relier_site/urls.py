from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from relier_site import otp
from relier_site.password_reset import password_reset_view

urlpatterns = [
    # Two-factor login (before the admin include, so these paths are ours).
    path("admin/2fa/configurer/", otp.setup, name=otp.SETUP_URL_NAME),
    path("admin/2fa/verifier/", otp.verify, name=otp.VERIFY_URL_NAME),
    path("admin/2fa/codes-de-secours/", otp.backup_codes, name=otp.BACKUP_CODES_URL_NAME),
    # Wagtail's password reset, rate limited per client address (before the admin include).
    path("admin/password_reset/", password_reset_view),
    path("admin/", include(wagtailadmin_urls)),
    # Before the documents include: Wagtail's view, limited, with the return address checked.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        home_views.authenticate_with_document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    # Before wagtail_urls: Wagtail's view, limited, with the return address checked.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        home_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("guide/export/", include("guide.urls")),  # data·inclusion JSON (URLs with a dot)
    path("agenda/", include("events.urls")),  # registration, cancellation, .ics feeds
    path("permanences/", include("appointments.urls")),  # booking, move, cancel, the private feed
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("suivi/", include("referrals.urls")),  # the referrer's follow-up page
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "home.views.server_error"
