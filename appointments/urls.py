"""The public URLs of the permanences, included under /permanences/ by the root URLconf
before Wagtail's pages (signed tokens contain colons; the .ics files have a dot).

The tokened addresses (`gerer/<token>/`, `attente/<token>/`, `orientation/<token>/`)
only land: they answer 303 to the same page without the token
(relier_site.signed_links). No address carries personal data. The
psychologist's private calendar feed (`agenda/<token>.ics`, webcal://) is its own key.
"""

from django.urls import path

from . import feed_views, referral_views, views, waiting_views

app_name = "appointments"
urlpatterns = [
    path("", views.index, name="index"),
    path("<int:type_id>/", views.slots, name="slots"),
    path("<int:type_id>/reserver/", views.book, name="book"),
    # The waiting list: ask to be told of a freed slot, then answer the slot offered.
    path("<int:type_id>/attente/", waiting_views.waiting_request, name="waiting_request"),
    path("attente/merci/", waiting_views.waiting_thanks, name="waiting_thanks"),
    path("attente/ma-demande/", waiting_views.waiting_page, name="waiting_page"),
    path("attente/<str:token>/", waiting_views.waiting_link, name="waiting"),
    # The professional who referred a young person books their first slot.
    path("orientation/", referral_views.types, name="referral_types"),
    path(
        "orientation/confirmation/",
        referral_views.confirmation,
        name="referral_confirmation",
    ),
    path("orientation/<int:type_id>/", referral_views.slots, name="referral_slots"),
    path("orientation/<int:type_id>/reserver/", referral_views.book, name="referral_book"),
    path("orientation/<str:token>/", referral_views.land, name="referral"),
    path("confirmation/", views.confirmation, name="confirmation"),
    path("rendez-vous.ics", views.ics, name="ics"),
    path("gerer/", views.manage_page, name="manage_page"),
    path("gerer/deplacer/", views.move, name="move"),
    path("gerer/deplacer/confirmer/", views.move_confirm, name="move_confirm"),
    path("gerer/deplace/", views.moved, name="moved"),
    path("gerer/annuler/", views.cancel, name="cancel"),
    path("gerer/annule/", views.cancelled, name="cancelled"),
    path("gerer/<str:token>/", views.manage, name="manage"),
    path("agenda/<slug:token>.ics", feed_views.psychologist_feed, name="psychologist_feed"),
]
