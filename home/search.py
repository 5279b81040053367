"""French, accent-insensitive site search on SQLite and PostgreSQL (Wagtail's database
search backend, ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "home.search"``).

Both databases treat a word the same way: lower case, accents removed, French stop words
dropped, then the Snowball French stemmer ("harcèlement", "Harcèlements" and
"harcelement" all become ``harcel``).

- PostgreSQL: the text-search configuration ``relier_french`` (migration
  ``home.0005_french_search``: ``unaccent`` then ``french_stem``), named by
  ``SEARCH_CONFIG``.
- SQLite (``home.search_sqlite``): FTS5 has no French stemmer, so the index holds the
  stems and the query is stemmed the same way, in Python, with ``snowballstemmer`` (the
  Snowball algorithm PostgreSQL's ``french_stem`` also runs) and PostgreSQL's French
  stop-word list.

A change to this normalisation changes the index format: run ``manage.py update_index``
(the README's deployment steps and ``make run`` do).
"""

import functools
import re
import threading
import unicodedata

import snowballstemmer
from django.db import connection
from wagtail.search.backends import database

SEARCH_CONFIG = "relier_french"

# Letters and digits; everything else (quotes, operators, punctuation, "_", emoji)
# separates words, as PostgreSQL's text-search parser does.
WORD = re.compile(r"[^\W_]+")

# PostgreSQL's tsearch_data/french.stop (the Snowball French stop-word list). As in
# PostgreSQL, a word is compared to it once its accents are removed, so the accented
# entries ("été", "à"…) never match: only these do.
_STOP_WORDS = """
    au aux avec ce ces dans de des du elle en et eux il je la le leur lui ma mais me mes
    moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi
    ton tu un une vos votre vous c d j l m n s t y suis es est sommes sont serai seras sera
    serons serez seront serais serait serions seriez seraient fus fut furent sois soit
    soyons soyez soient fusse fusses fussions fussiez fussent ayant ayante ayantes ayants
    eu eue eues eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait
    aurions auriez auraient avais avait avions aviez avaient eut eurent aie aies ait ayons
    ayez aient eusse eusses eussions eussiez eussent
"""
FRENCH_STOP_WORDS = frozenset(_STOP_WORDS.split())
# Letters that PostgreSQL's unaccent turns into two and Unicode does not decompose.
LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ß": "ss", "ø": "o", "đ": "d", "ł": "l"})

_local = threading.local()


def search_words(text):
    """The words of a visitor's query, without quotes, operators or punctuation."""
    return WORD.findall(text or "")


def unaccent(word):
    word = unicodedata.normalize("NFKD", word.lower().translate(LIGATURES))
    return "".join(char for char in word if not unicodedata.combining(char))


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer


@functools.lru_cache(maxsize=50_000)
def stem(word):
    """The French Snowball stem of ``word``. The stemmer is pure Python and indexed texts
    repeat their words, so stems are kept (at most 50,000): `load_demo_content` takes
    1.6 s less (14.7 s instead of 16.3 s, SQLite)."""
    return _stemmer().stemWord(word)


def french_terms(text):
    """The index terms of ``text``, as PostgreSQL's ``relier_french`` configuration
    makes them: unaccented, lower-case, without stop words, stemmed."""
    return [
        stem(part)
        for word in search_words(text)
        for part in search_words(unaccent(word))
        if part not in FRENCH_STOP_WORDS
    ]


def index_text(text):
    return " ".join(french_terms(text))


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    """Wagtail's database backend for the current database, French on SQLite too."""
    backend = database.SearchBackend({"SEARCH_CONFIG": SEARCH_CONFIG, **params})
    if connection.vendor == "sqlite":
        # Imported here: its models exist only on SQLite.
        from home.search_sqlite import FrenchSQLiteSearchBackend, SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return FrenchSQLiteSearchBackend(params)
    return backend
