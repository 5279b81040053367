"""Template filters of the permanences' pages: a slot or an appointment said in words,
in its own zone (« mardi 9 juin à 17 h (heure de La Réunion) »); and, for the referrals
app's confirmation page, the link with which a referrer books the young person's first
slot (`referral_booking_url`)."""

from django import template

from relier_site import timezones

from .. import links

register = template.Library()


@register.filter
def hour(item):
    """« 17 h 30 » in the item's zone (a Slot or an Appointment)."""
    return timezones.french_time(item.local_start)


@register.filter
def when_short(item):
    """« mardi 9 juin à 17 h », with « (heure de La Réunion) » when not Paris."""
    return timezones.start_text(item)


@register.filter
def when(item):
    """« mardi 9 juin 2026, de 17 h à 17 h 45 », with the zone when not Paris."""
    return timezones.when_text(item)


@register.simple_tag
def referral_booking_url(referral_id, reference):
    """The signed link (appointments.links.referral_url) with which the professional who
    just referred a young person books their first slot; "" without a referral."""
    if not referral_id or not reference:
        return ""
    return links.referral_url(referral_id, reference)
