"""The SQLite side of home.search: FTS5 has no French stemmer, so the title and body
columns of the index hold ``home.search.index_text`` (stems) and the query is stemmed the
same way. Imported only on SQLite (Wagtail's SQLite index models exist only there)."""

from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from wagtail.search.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from wagtail.search.query import Phrase, PlainText
from wagtail.search.utils import get_content_type_pk

from home.search import index_text

__all__ = ["FrenchSQLiteSearchBackend", "SQLiteSearchBackend"]


class FrenchObjectIndexer(ObjectIndexer):
    """Stores stems in the title and body columns; autocomplete keeps whole words."""

    @property
    def title(self):
        return index_text(ObjectIndexer.title.real_func(self))

    @property
    def body(self):
        return index_text(ObjectIndexer.body.real_func(self))


class FrenchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        # SQLiteIndex.add_items with FrenchObjectIndexer.
        if not model.get_search_fields():
            return
        indexers = [FrenchObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {
            indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers
        }
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = frozenset(
            entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True)
        )
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            IndexEntry(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed_ids
        )
        self._refresh_title_norms()


class FrenchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText | Phrase):
            terms = index_text(query.query_string)
            if not terms:
                # Only stop words or punctuation: FTS5's empty phrase matches nothing,
                # like PostgreSQL's empty tsquery.
                return SearchQueryExpression(Lexeme(""))
            if isinstance(query, Phrase):
                query = Phrase(terms)
            else:
                query = PlainText(terms, operator=query.operator, boost=query.boost)
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteSearchBackend(SQLiteSearchBackend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteSearchQueryCompiler
