"""The helplines shown on every page.

Editors manage them in the site settings; these defaults ship with the code so that a
fresh install, the 500 page and the emails always show them, even without a database.
"""

# For 12-25 year olds (health, distress, love life): where young people look for help.
FIL_SANTE_JEUNES = {
    "number": "0 800 235 236",
    "name": "Fil Santé Jeunes",
    "short_name": "Fil Santé Jeunes",
    "hours": "7j/7 de 9h à 23h",
    "description": "Gratuit et anonyme, pour les 12-25 ans : santé, mal-être, relations "
    "amoureuses et sexualité. Aussi par tchat.",
}

DEFAULT_HELPLINES = [
    {
        "number": "3018",
        "name": "Harcèlement et cyberharcèlement",
        "short_name": "(cyber)harcèlement",
        "hours": "7j/7 de 9h à 23h",
        "description": "Gratuit, anonyme et confidentiel. Aussi sur l'application 3018.",
    },
    {
        "number": "119",
        "name": "Enfance en danger",
        "short_name": "enfance en danger",
        "hours": "24h/24, 7j/7",
        "description": "Gratuit et confidentiel, pour les enfants et les adultes inquiets.",
    },
    {
        "number": "3114",
        "name": "Prévention du suicide",
        "short_name": "prévention du suicide",
        "hours": "24h/24, 7j/7",
        "description": "Gratuit et confidentiel, pour vous ou pour un proche.",
    },
    FIL_SANTE_JEUNES,
    {
        "number": "112",
        "name": "Urgences",
        "short_name": "urgences",
        "hours": "24h/24, 7j/7",
        "description": "En cas de danger immédiat.",
    },
]


def tel_href(number):
    """The tel: URI of a short French number (spaces removed)."""
    return "tel:" + "".join(ch for ch in number if ch.isdigit() or ch == "+")


# The neutral site the quick exit opens until an editor chooses another in the settings
# (also used by the error pages that render without a database).
DEFAULT_QUICK_EXIT_URL = "https://meteofrance.com/"
