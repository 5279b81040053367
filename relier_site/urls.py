from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from relier_site import otp

urlpatterns = [
    # Two-factor login (before the admin include, so these paths are ours).
    path("admin/2fa/configurer/", otp.setup, name=otp.SETUP_URL_NAME),
    path("admin/2fa/verifier/", otp.verify, name=otp.VERIFY_URL_NAME),
    path("admin/2fa/codes-de-secours/", otp.backup_codes, name=otp.BACKUP_CODES_URL_NAME),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("recherche/", home_views.search, name="search"),
    path("guide/export/", include("guide.urls")),  # data·inclusion JSON (URLs with a dot)
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]

handler500 = "home.views.server_error"
