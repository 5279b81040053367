"""The mails sent when a request arrives (sent by services.py through the outbox).

- to the person (if an address was given) and to the referrer: a confirmation that
  repeats nothing sensitive (reference, what happens next; the layout adds the
  helplines);
- to the routing group (RoutingRule, else the Accompagnement role): reference, kind,
  programme, département, the urgent flag and an admin link only; no name, age, contact,
  message or concerns.
"""

import logging

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.urls import reverse

from relier_site.links import absolute_url
from relier_site.mail.outbox import reason_for, send_templated_mail
from relier_site.roles import ACCOMPAGNEMENT

from .models import Kind, RoutingRule

logger = logging.getLogger(__name__)


def admin_url(referral):
    """The admin page of a request: the inbox viewset's « inspect » view
    (referrals.wagtail_hooks)."""
    return absolute_url(reverse("referrals_referral:inspect", args=[referral.pk]))


def default_recipients():
    """The active members of the Accompagnement role who have an address: notified when
    no rule matches, when the matching rules name nobody valid, or when the rules cannot
    be read."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    return _unique(users.filter(groups__name=ACCOMPAGNEMENT).values_list("email", flat=True))


def rule_recipients(referral):
    """Addresses named by the active rules that match `referral` (their own addresses and
    their group's active members); [] when none matches. An address of a rule that is not
    valid (a rule saved before the check) is skipped and logged with the rule's id."""
    rules = [
        rule
        for rule in RoutingRule.objects.active().select_related("group")
        if rule.matches(
            kind=referral.kind, programme=referral.programme, departement=referral.departement
        )
    ]
    addresses = []
    for rule in rules:
        for address in rule.email_list():
            try:
                validate_email(address)
            except ValidationError:
                logger.error(
                    "Routing rule %s holds an invalid address: skipped (referral %s).",
                    rule.pk,
                    referral.pk,
                )
            else:
                addresses.append(address)
    group_ids = [rule.group_id for rule in rules if rule.group_id]
    if group_ids:
        users = get_user_model().objects.filter(is_active=True).exclude(email="")
        addresses.extend(users.filter(groups__in=group_ids).values_list("email", flat=True))
    if rules and not addresses:
        logger.warning(
            "Routing rules %s match referral %s but name nobody to notify.",
            ", ".join(str(rule.pk) for rule in rules),
            referral.pk,
        )
    return _unique(addresses)


def routing_recipients(referral):
    """Who is notified of `referral`: `rule_recipients`, or `default_recipients` when the
    rules give nobody."""
    return rule_recipients(referral) or default_recipients()


def _unique(addresses):
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


def send_confirmations(referral):
    """Queue the confirmation to the person (if they gave an address) and to the referrer."""
    context = _context(referral)
    if referral.email:
        send_templated_mail(
            "emails/referrals/confirmation",
            {**context, "to_referrer": False},
            [referral.email],
            about=referral,
            reason_key=reason_for(referral, "confirmation"),
        )
    if referral.referrer_email:
        send_templated_mail(
            "emails/referrals/confirmation",
            {**context, "to_referrer": True},
            [referral.referrer_email],
            about=referral,
            reason_key=reason_for(referral, "referrer-confirmation"),
        )


def send_staff_notification(referral, recipients):
    """Queue the notification of a new request to `recipients` (see routing_recipients)."""
    if not recipients:
        logger.warning("Referral %s: nobody to notify (no rule, nobody in the role).", referral.pk)
        return None
    return send_templated_mail(
        "emails/referrals/staff_notification",
        {
            **_context(referral),
            "programme_label": referral.get_programme_display() or "non précisé",
            "departement": referral.departement or "non précisé",
            "admin_url": admin_url(referral),
        },
        recipients,
        about=referral,
        reason_key=reason_for(referral, "staff-notification"),
    )
