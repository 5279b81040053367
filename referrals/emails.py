"""The mails sent when a request arrives (sent by services.py through the outbox).

- to the person (if an address was given) and to the referrer: a confirmation that
  repeats nothing sensitive (reference, what happens next; the layout adds the
  helplines);
- to the routing group (RoutingRule): reference, kind, programme, département, the urgent
  flag and an admin link only; no name, age, contact, message or concerns.
"""

import logging

from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

from relier_site.links import absolute_url
from relier_site.mail import send_templated_mail
from relier_site.roles import ACCOMPAGNEMENT

from .models import Kind, RoutingRule

logger = logging.getLogger(__name__)

# The admin detail view of a request (the triage side's viewset); the admin home until
# it exists.
ADMIN_DETAIL_URL_NAMES = ("referrals_referral:inspect", "referrals_referral:edit")


def subject_key(referral):
    return f"referral:{referral.pk}"


def admin_url(referral):
    for name in ADMIN_DETAIL_URL_NAMES:
        try:
            return absolute_url(reverse(name, args=[referral.pk]))
        except NoReverseMatch:
            continue
    return absolute_url(reverse("wagtailadmin_home"))


def routing_recipients(referral):
    """Addresses notified of `referral`: those of the active rules that match it (their
    group's active members and their own addresses); the Accompagnement role when no
    rule matches."""
    rules = [
        rule
        for rule in RoutingRule.objects.active().select_related("group")
        if rule.matches(
            kind=referral.kind, programme=referral.programme, departement=referral.departement
        )
    ]
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    addresses = []
    group_ids = [rule.group_id for rule in rules if rule.group_id]
    for rule in rules:
        addresses.extend(rule.email_list())
    if not rules:
        addresses.extend(users.filter(groups__name=ACCOMPAGNEMENT).values_list("email", flat=True))
    elif group_ids:
        addresses.extend(users.filter(groups__in=group_ids).values_list("email", flat=True))
    seen, unique = set(), []
    for address in addresses:
        if address.lower() not in seen:
            seen.add(address.lower())
            unique.append(address)
    return unique


def _context(referral):
    return {
        "reference": referral.reference,
        "kind": referral.kind,
        "kind_label": referral.get_kind_display(),
        "urgent": referral.urgent,
        "is_orientation": referral.kind == Kind.ORIENTATION,
        "is_intervention": referral.kind == Kind.INTERVENTION,
    }


def send_submission_mails(referral):
    """Queue the confirmation(s) and the staff notification of a new request."""
    key = subject_key(referral)
    context = _context(referral)
    if referral.email:
        send_templated_mail(
            "emails/referrals/confirmation",
            {**context, "to_referrer": False},
            [referral.email],
            reason_key=f"{key}:confirmation",
            subject_key=key,
        )
    if referral.referrer_email:
        send_templated_mail(
            "emails/referrals/confirmation",
            {**context, "to_referrer": True},
            [referral.referrer_email],
            reason_key=f"{key}:referrer-confirmation",
            subject_key=key,
        )
    recipients = routing_recipients(referral)
    if not recipients:
        logger.warning(
            "Referral %s: no routing recipient (no rule, nobody in the role).", referral.pk
        )
        return
    send_templated_mail(
        "emails/referrals/staff_notification",
        {
            **context,
            "programme_label": referral.get_programme_display() or "non précisé",
            "departement": referral.departement or "non précisé",
            "admin_url": admin_url(referral),
        },
        recipients,
        reason_key=f"{key}:staff-notification",
        subject_key=key,
    )
