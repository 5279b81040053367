"""What the site search (/recherche/) lists besides pages: files to download (the kits of
`programmes`, the documents of the Wagtail library), as `Download` results.

`home` imports no domain app: an app adds its own downloads with
`register_search_source(function)` in its `AppConfig.ready()`; `function(query)` returns a
list of `Download` (at most `MAX_DOWNLOADS`, the best first). The documents of the
library come last, without those an app already listed (`Download.document_id`) and
without those of a private collection.
"""

from dataclasses import dataclass

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

MAX_DOWNLOADS = 20  # per source: a search lists at most this many files of each kind

_sources = []


@dataclass(frozen=True)
class Download:
    """A file a visitor can download from the results."""

    title: str
    kind: str  # what it is, for the visitor: « Kit · Fiche pratique », « Document »
    url: str  # the download link
    description: str = ""
    extension: str = ""  # « PDF »
    size: int | None = None  # bytes
    document_id: int | None = None  # the Wagtail document served, if any

    is_download = True  # templates tell a Download from a page by this


def register_search_source(source):
    """Add `source(query) -> [Download]` to the site search (idempotent)."""
    if source not in _sources:
        _sources.append(source)


def public_documents(query, exclude_ids=()):
    """Documents of the library matching `query`, outside private collections."""
    restricted_paths = list(
        CollectionViewRestriction.objects.values_list("collection__path", flat=True)
    )
    private = set()
    if restricted_paths:
        for path in restricted_paths:
            private.update(
                Collection.objects.filter(path__startswith=path).values_list("pk", flat=True)
            )
    found = get_document_model().objects.search(query)[: MAX_DOWNLOADS + len(exclude_ids)]
    results = []
    for document in found:
        if document.pk in exclude_ids or document.collection_id in private:
            continue
        results.append(
            Download(
                title=document.title,
                kind="Document",
                url=document.url,
                extension=document.file_extension.upper(),
                size=document.file_size,
                document_id=document.pk,
            )
        )
    return results[:MAX_DOWNLOADS]


def search_downloads(query):
    """Every file matching `query`: the apps' sources first, then the library."""
    downloads = []
    for source in _sources:
        downloads.extend(source(query)[:MAX_DOWNLOADS])
    listed = {download.document_id for download in downloads if download.document_id}
    return downloads + public_documents(query, exclude_ids=listed)


class Results:
    """Downloads then pages, as one sequence a Paginator slices: only the pages of the
    slice asked for are read from the database."""

    def __init__(self, downloads, pages):
        self.downloads = downloads
        self.pages = pages
        self._page_count = None

    def count(self):
        if self._page_count is None:
            self._page_count = self.pages.count()
        return len(self.downloads) + self._page_count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Results only support slices")
        start, stop = index.start or 0, index.stop
        split = len(self.downloads)
        items = list(self.downloads[start:stop])
        page_start = max(start - split, 0)
        page_stop = None if stop is None else max(stop - split, 0)
        if page_stop is None or page_stop > page_start:
            items.extend(self.pages[page_start:page_stop])
        return items
