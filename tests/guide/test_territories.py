"""Postcode and département code → département, for every metropolitan and overseas
prefix; territories that are not départements and malformed input get a French message."""

import pytest

from guide import territories
from guide.models import Departement
from guide.territories import TerritoryError, departement_for_postcode, resolve_territory

pytestmark = pytest.mark.one_database

METROPOLITAN = [f"{n:02d}" for n in range(1, 96) if n != 20]
OVERSEAS = {
    "971": "Guadeloupe",
    "972": "Martinique",
    "973": "Guyane",
    "974": "La Réunion",
    "976": "Mayotte",
}


def test_the_reference_lists_every_departement_with_corsica_and_overseas():
    assert sorted(territories.DEPARTEMENTS) == sorted([*METROPOLITAN, "2A", "2B", *OVERSEAS])
    assert len(territories.DEPARTEMENTS) == 101
    assert territories.DEPARTEMENTS["974"].name == "La Réunion"
    assert territories.DEPARTEMENTS["93"].with_article == "la Seine-Saint-Denis"
    assert territories.DEPARTEMENTS["75"].with_article == "Paris"
    assert territories.DEPARTEMENTS["92"].with_article == "les Hauts-de-Seine"
    assert territories.DEPARTEMENTS["91"].with_article == "l'Essonne"
    for departement in territories.DEPARTEMENTS.values():
        assert departement.region_code in territories.REGIONS


@pytest.mark.django_db
def test_the_migration_loads_the_same_departements():
    assert dict(Departement.objects.values_list("code", "name")) == {
        code: d.name for code, d in territories.DEPARTEMENTS.items()
    }


@pytest.mark.parametrize("code", METROPOLITAN)
def test_every_metropolitan_prefix_resolves_to_its_departement(code):
    for suffix in ("000", "123", "999"):
        assert departement_for_postcode(code + suffix).code == code


@pytest.mark.parametrize(
    ("postcode", "code"),
    [
        ("20000", "2A"),  # Ajaccio
        ("20090", "2A"),
        ("20100", "2A"),  # Sartène
        ("20137", "2A"),  # Porto-Vecchio
        ("20199", "2A"),
        ("20200", "2B"),  # Bastia
        ("20250", "2B"),  # Corte
        ("20260", "2B"),  # Calvi
        ("20600", "2B"),  # Bastia, Furiani
    ],
)
def test_corsican_postcodes_resolve_to_2a_or_2b(postcode, code):
    assert departement_for_postcode(postcode).code == code


@pytest.mark.parametrize("code", list(OVERSEAS))
def test_every_overseas_prefix_resolves_to_its_three_digit_code(code):
    for suffix in ("00", "10", "90"):
        departement = departement_for_postcode(code + suffix)
        assert departement.code == code
        assert departement.name == OVERSEAS[code]


@pytest.mark.parametrize(
    ("postcode", "name"),
    [
        ("97133", "Saint-Barthélemy"),
        ("97150", "Saint-Martin"),
        ("97500", "Saint-Pierre-et-Miquelon"),
        ("98000", "Monaco"),
        ("98600", "Wallis-et-Futuna"),
        ("98714", "la Polynésie française"),
        ("98800", "la Nouvelle-Calédonie"),
    ],
)
def test_territories_that_are_not_departements_get_a_helpful_message(postcode, name):
    with pytest.raises(TerritoryError) as error:
        departement_for_postcode(postcode)
    assert name in str(error.value)
    assert "n'est pas un département" in str(error.value)


@pytest.mark.parametrize("postcode", ["00000", "96000", "99999", "97000", "97800", "98200"])
def test_postcodes_of_no_departement_are_refused_in_french(postcode):
    with pytest.raises(TerritoryError) as error:
        departement_for_postcode(postcode)
    assert "ne correspond à aucun département" in str(error.value) or (
        "n'est pas un département" in str(error.value)
    )


@pytest.mark.parametrize("code", [*METROPOLITAN, "2A", "2B", *OVERSEAS])
def test_every_departement_code_is_understood(code):
    assert resolve_territory(code).code == code


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("2a", "2A"),
        (" 93 ", "93"),
        ("93 200", "93"),
        ("1", "01"),
        ("Seine-Saint-Denis", "93"),
        ("seine saint denis", "93"),
        ("Réunion", "974"),
        ("la reunion", "974"),
        ("Hauts-de-Seine", "92"),
    ],
)
def test_what_visitors_type_is_understood(typed, code):
    assert resolve_territory(typed).code == code


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("20", "La Corse compte deux départements"),
        ("99", "n'est ni un code postal"),
        ("975", "n'est ni un code postal"),
        ("1234", "n'est ni un code postal"),
        ("abc", "Nous ne reconnaissons pas ce territoire"),
        ("", "Indiquez un code postal ou un département"),
    ],
)
def test_unknown_territories_get_a_french_message(typed, message):
    with pytest.raises(TerritoryError) as error:
        resolve_territory(typed)
    assert message in str(error.value)


def test_insee_commune_codes_give_their_departement():
    assert territories.departement_for_insee_code("93008").code == "93"
    assert territories.departement_for_insee_code("2A004").code == "2A"
    assert territories.departement_for_insee_code("97411").code == "974"
    assert territories.departement_for_insee_code("99999") is None
