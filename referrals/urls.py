"""Public URLs of the referrals app outside the page tree, included by the root URL
configuration under `suivi/`: the referrer's follow-up page (signed link sent by email,
no account). The tokened address only lands and sends the browser to `/suivi/`."""

from django.urls import path

from . import followup_views

urlpatterns = [
    path("", followup_views.status_page, name="referral_followup_status"),
    path("<str:token>/", followup_views.land, name="referral_followup"),
]
