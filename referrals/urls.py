"""Public URLs of the referrals app outside the page tree, included by the root URL
configuration under `suivi/`: the referrer's follow-up page (signed link sent by email,
no account)."""

from django.urls import path

from . import followup_views

urlpatterns = [
    path("<str:token>/", followup_views.status_page, name="referral_followup"),
]
