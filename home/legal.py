"""What the legal pages say about data and cookies, read from the settings at each
request, so the privacy policy stays true when a retention setting changes.

The apps that hold personal data (``referrals``, ``events``) give the row of their data
themselves, from their own settings: ``register_retention(key, row)`` in their
``AppConfig.ready()``, ``row`` being called at each request. `home` reads no setting of
theirs (tests/test_layers.py); an app that is not installed has no row.
"""

from dataclasses import dataclass

from django.conf import settings

# A cookie without Expires/Max-Age (relier_site/settings/base.py: both of the site's).
BROWSER_SESSION = "Jusqu'à la fermeture de votre navigateur, qui l'efface alors."


@dataclass(frozen=True)
class Retention:
    data: str  # what is kept
    period: str  # for how long, as configured
    setting: str  # the setting that decides it ("" when none does), for tests and operators


@dataclass(frozen=True)
class Cookie:
    name: str
    purpose: str
    when: str
    lifetime: str


def plural(number, singular, plural_form=None):
    return f"{number}\u00a0{singular if number == 1 else plural_form or singular + 's'}"


def duration(seconds):
    """A lifetime in words: « 8 heures », « 2 semaines », « 1 an »."""
    for unit, name, plural_form in (
        (365 * 86400, "an", None),
        (7 * 86400, "semaine", None),
        (86400, "jour", None),
        (3600, "heure", None),
        (60, "minute", None),
    ):
        if seconds >= unit and seconds % unit == 0:
            return plural(seconds // unit, name, plural_form)
    return plural(seconds, "seconde")


_app_retentions = {}


def register_retention(key, row):
    """Show the retention of an app's data on the privacy policy: `row()` returns its
    Retention at each request. Rows come first, in the order of registration (the order
    of INSTALLED_APPS); registering `key` again replaces its row in place."""
    _app_retentions[key] = row


def retention_periods():
    """How long each kind of data is kept, from the current settings."""
    cooloff_hours = settings.AXES_COOLOFF_TIME
    return [
        *(row() for row in _app_retentions.values()),
        Retention(
            "Courriels envoyés par le site (confirmations, rappels), dans sa boîte d'envoi",
            f"{plural(settings.OUTBOX_RETENTION_DAYS, 'jour')} après l'envoi (ou le dernier "
            "essai), puis supprimés",
            "OUTBOX_RETENTION_DAYS",
        ),
        Retention(
            "Compteurs de demandes qui protègent les formulaires des envois en masse (une "
            "empreinte de l'adresse IP, jamais l'adresse elle-même)",
            "la durée de leur fenêtre de comptage (une heure pour les demandes de nouveau "
            "mot de passe), puis supprimés la nuit suivante",
            "",  # the window of each limit (relier_site.ratelimit), not one setting
        ),
        Retention(
            "Tentatives de connexion échouées à l'espace du personnel (identifiant, adresse IP)",
            f"{plural(cooloff_hours, 'heure')} (la durée du blocage), puis supprimées la nuit "
            "suivante ; les connexions réussies ne sont pas enregistrées",
            "AXES_COOLOFF_TIME",
        ),
        Retention(
            "Journal des tâches de fond du site (envois de courriels, mises à jour)",
            f"{plural(settings.TASK_RESULT_RETENTION_DAYS, 'jour')}, puis supprimé",
            "TASK_RESULT_RETENTION_DAYS",
        ),
    ]


def cookie_lifetime(max_age):
    """How long a cookie of this Max-Age lasts (None: until the browser is closed)."""
    return BROWSER_SESSION if max_age is None else duration(max_age)


def cookies():
    """The cookies the site can set, with their names and lifetimes from the settings.
    The public pages set none: a cookie comes only with a form, a sent form, an emailed
    link opened, a page password or a staff login. With the site's settings (CSRF_COOKIE_AGE None,
    SESSION_EXPIRE_AT_BROWSER_CLOSE on) neither outlives the browser session; the server
    stops accepting a session SESSION_COOKIE_AGE after it was last saved."""
    session_age = settings.SESSION_COOKIE_AGE
    if settings.SESSION_EXPIRE_AT_BROWSER_CLOSE:
        session_lifetime = (
            f"{BROWSER_SESSION} Le site ne le reconnaît plus au bout de "
            f"{duration(session_age)}, et efface la nuit suivante ce qui y était associé."
        )
    else:
        session_lifetime = duration(session_age)
    return [
        Cookie(
            settings.CSRF_COOKIE_NAME,
            "Vérifier qu'un formulaire envoyé vient bien de notre site (protection contre "
            "la falsification de requêtes).",
            "Seulement quand vous ouvrez une page qui contient un formulaire à envoyer "
            "(demande de contact, d'orientation ou d'intervention, inscription ou "
            "annulation, mot de passe d'une page protégée, connexion).",
            cookie_lifetime(settings.CSRF_COOKIE_AGE),
        ),
        Cookie(
            settings.SESSION_COOKIE_NAME,
            "Vous afficher la confirmation du formulaire que vous venez d'envoyer, ouvrir "
            "le lien reçu par courriel (annulation d'une inscription, suivi d'une demande) "
            "sans le laisser dans l'historique du navigateur, se souvenir du mot de passe "
            "saisi pour une page protégée, ou garder connecté un membre de l'équipe.",
            "Seulement après l'envoi d'un formulaire, l'ouverture d'un lien reçu par "
            "courriel, la saisie du mot de passe d'une page protégée ou une connexion.",
            session_lifetime,
        ),
    ]
