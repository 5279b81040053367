"""What other apps may read of the referrals (the layers: a domain app reaches another
only through its selectors or template tags).

- `referred_young_person(referral_id, nonce)`: the young person an orientation is about,
  for the professional who books their first permanence slot (README « Un rendez-vous
  pris par la personne qui oriente »). The nonce is the referral's random reference
  (« RL-7K3M-9QX2 »): a token naming the referral carries its id and reference, never
  personal data.
"""

from dataclasses import dataclass

from .models import Kind, Referral


@dataclass(frozen=True)
class ReferredYoungPerson:
    """What a booking made by the referrer takes from the orientation."""

    referral_id: int
    reference: str
    first_name: str
    phone: str  # E.164, or ""
    email: str
    age_band: str
    urgent: bool

    @property
    def has_contact(self):
        return bool(self.phone or self.email)


def referred_young_person(referral_id, nonce):
    """The young person of the orientation `referral_id` whose reference is `nonce`, or
    None (unknown, another reference, not an orientation, or anonymised)."""
    referral = (
        Referral.objects.filter(pk=referral_id, kind=Kind.ORIENTATION, anonymised_at__isnull=True)
        .only("reference", "first_name", "phone", "email", "age_band", "urgent")
        .first()
    )
    if referral is None or not nonce or referral.reference != nonce:
        return None
    return ReferredYoungPerson(
        referral_id=referral.pk,
        reference=referral.reference,
        first_name=referral.first_name,
        phone=referral.phone,
        email=referral.email,
        age_band=referral.age_band,
        urgent=referral.urgent,
    )
