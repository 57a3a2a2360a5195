"""The mirror's remote side: what Clio shows of the linked matters' documents and folders.

The feed lists ``/folders`` then ``/documents`` (``include_deleted``) once per cycle for the
whole account with ``updated_since`` (``RemoteFeed`` keeps the page token and the mark), and
keeps only the items of linked matters in the store's Clio cache; an item that moved to an
unlinked matter is dropped from it. A full listing (``full=True``) also finds what the cache has
and Clio no longer lists: each such item is looked up once, and only a 404 forgets it (purged
from Clio's trash). A newly linked matter gets one listing of its own folder tree instead.

``matter_remote`` turns the cache into the pure core's values for one matter: ``RemoteState``
per document (its path of Clio names below the matter folder, its version, the sha256 the
companion stored when it uploaded that very version) and ``RemoteFolder`` per folder.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from desktop.clio.errors import NotFoundError
from desktop.clio.records import Document, Folder
from desktop.sync.clock import iso
from desktop.sync.context import EngineContext
from desktop.sync.mirror.folders import RemoteFolder
from desktop.sync.mirror.model import RemotePath, RemoteState
from desktop.sync.store.documents import CachedDoc, CachedFolder, DocumentState

log = logging.getLogger(__name__)

PROP_ID = "prolegis_id"
"""External property: the companion's id of the document (also finds a stub after a crash)."""
PROP_SHA = "prolegis_sha256"
"""External property: the sha256 of the version the companion uploaded."""
PROP_VERSION = "prolegis_version"
"""External property: the version number ``prolegis_sha256`` describes."""

DOCUMENTS = "documents"
FOLDERS = "folders"


def version_key(doc: Document) -> int | None:
    """The latest version's id, negated while it is still being uploaded (so its commit is a
    change)."""
    v = doc.latest_version
    if v is None:
        return None
    return v.id if v.fully_uploaded else -v.id


def stored_sha(doc: Document) -> str | None:
    """The companion's sha256 when it describes the latest, committed version."""
    v = doc.latest_version
    sha, number = doc.external_property(PROP_SHA), doc.external_property(PROP_VERSION)
    if v is None or not v.fully_uploaded or not sha or number != str(v.version_number):
        return None
    return sha


def cached_doc(doc: Document, clio_matter_id: int) -> CachedDoc:
    v = doc.latest_version
    stamp = (v.created_at if v is not None else None) or doc.updated_at
    return CachedDoc(
        doc.id, clio_matter_id, doc.parent_id, doc.name or "", version_key(doc), doc.size,
        stored_sha(doc), doc.external_property(PROP_ID) or "", doc.deleted_at is not None,
        doc.locked, iso(doc.updated_at) if doc.updated_at else "", iso(stamp) if stamp else "")


def cached_folder(folder: Folder, clio_matter_id: int) -> CachedFolder:
    return CachedFolder(folder.id, clio_matter_id, folder.parent_id, folder.name or "",
                        folder.deleted_at is not None,
                        iso(folder.updated_at) if folder.updated_at else "")


class RemoteCache:
    """Fills the store's Clio cache from the account-wide feed and per-matter listings."""

    def __init__(self, ctx: EngineContext) -> None:
        self.ctx = ctx

    @property
    def state(self) -> DocumentState:
        return self.ctx.store.documents

    def linked(self) -> set[int]:
        return {link.clio_matter_id for link in self.ctx.store.matter_links.all().values()}

    def poll(self, *, full: bool) -> int:
        """One listing per resource for the whole account; returns the records seen."""
        linked = self.linked()
        if not linked:
            return 0
        clio, feed = self.ctx.clio, self.ctx.feed
        known_docs = self.state.clio_ids(DOCUMENTS, linked)
        known_folders = self.state.clio_ids(FOLDERS, linked)
        seen_docs: set[int] = set()
        seen_folders: set[int] = set()

        def folders(page: Sequence[Folder]) -> None:
            self._folders(page, linked, known_folders, seen_folders)

        def documents(page: Sequence[Document]) -> None:
            self._documents(page, linked, known_docs, seen_docs)

        n = feed.poll(FOLDERS, lambda since, token: clio.folders(
            updated_since=since, include_deleted=True, page_token=token), folders, full=full)
        n += feed.poll(DOCUMENTS, lambda since, token: clio.documents(
            updated_since=since, include_deleted=True, page_token=token), documents, full=full)
        if full:
            self._verify_missing(known_docs - seen_docs, known_folders - seen_folders,
                                 bool(seen_docs), bool(seen_folders))
        return n

    def _folders(self, page: Sequence[Folder], linked: set[int], known: set[int],
                 seen: set[int]) -> None:
        keep, gone = [], []
        for f in page:
            if f.matter_id in linked:
                keep.append(cached_folder(f, f.matter_id))
                seen.add(f.id)
            elif f.id in known:
                gone.append(f.id)
        self.state.put_clio_folders(keep)
        self.state.forget_clio(folder_ids=gone)

    def _documents(self, page: Sequence[Document], linked: set[int], known: set[int],
                   seen: set[int]) -> None:
        keep, gone = [], []
        for d in page:
            if d.matter_id in linked:
                keep.append(cached_doc(d, d.matter_id))
                seen.add(d.id)
            elif d.id in known:
                gone.append(d.id)
        self.state.put_clio_docs(keep)
        self.state.forget_clio(doc_ids=gone)

    def _verify_missing(self, docs: set[int], folders: set[int], any_docs: bool,
                        any_folders: bool) -> None:
        """Items a full listing did not show: purged, or moved out (looked up one by one).
        A listing that showed nothing at all is not believed."""
        linked = self.linked()
        for doc_id in sorted(docs) if any_docs else ():
            try:
                d = self.ctx.clio.document(doc_id)
            except NotFoundError:
                self.state.forget_clio(doc_ids=[doc_id])
                continue
            self.update_doc(d, linked)
        for folder_id in sorted(folders) if any_folders else ():
            try:
                f = self.ctx.clio.folder(folder_id)
            except NotFoundError:
                self.state.forget_clio(folder_ids=[folder_id])
                continue
            self.update_folder(f, linked)

    def update_doc(self, doc: Document, linked: set[int] | None = None) -> None:
        """Put a document the executor just changed (or looked up) into the cache."""
        linked = self.linked() if linked is None else linked
        if doc.matter_id in linked:
            self.state.put_clio_docs([cached_doc(doc, doc.matter_id)])
        else:
            self.state.forget_clio(doc_ids=[doc.id])

    def update_folder(self, folder: Folder, linked: set[int] | None = None) -> None:
        linked = self.linked() if linked is None else linked
        if folder.matter_id in linked:
            self.state.put_clio_folders([cached_folder(folder, folder.matter_id)])
        else:
            self.state.forget_clio(folder_ids=[folder.id])

    def load_matter(self, clio_matter_id: int, root_folder_id: int) -> None:
        """List one matter's whole folder tree (a newly linked matter) into the cache."""
        clio = self.ctx.clio
        folders = [cached_folder(f, clio_matter_id) for f in clio.folders(
            parent_id=root_folder_id, scope="descendants", include_deleted=True)]
        docs = [cached_doc(d, clio_matter_id) for d in clio.documents(
            parent_id=root_folder_id, scope="descendants", include_deleted=True)]
        self.state.forget_clio_matter(clio_matter_id)
        self.state.put_clio_folders(folders)
        self.state.put_clio_docs(docs)


@dataclass
class MatterRemote:
    """One matter's Clio side, as the core wants it."""

    docs: list[RemoteState]
    folders: list[RemoteFolder]
    folder_ids: dict[RemotePath, int]  # live folders by path; () is the matter folder
    unplaced: set[int] = field(default_factory=set)  # documents whose folder is unknown
    cached: dict[int, CachedDoc] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """Documents Clio lists for the matter (trash included)."""
        return len(self.cached)


def matter_remote(docs: Iterable[CachedDoc], folders: Iterable[CachedFolder],
                  root_folder_id: int) -> MatterRemote:
    """The pure view of one matter's cached Clio items (see the module docstring)."""
    by_id = {f.folder_id: f for f in folders}
    paths: dict[int, tuple[RemotePath, bool] | None] = {root_folder_id: ((), False)}

    def where(folder_id: int | None, depth: int = 0) -> tuple[RemotePath, bool] | None:
        if folder_id is None or depth > 200:
            return None
        if folder_id in paths:
            return paths[folder_id]
        f = by_id.get(folder_id)
        found = None if f is None else where(f.parent_id, depth + 1)
        result = None if f is None or found is None else ((*found[0], f.name),
                                                          found[1] or f.deleted)
        paths[folder_id] = result
        return result

    out_folders: list[RemoteFolder] = []
    folder_ids: dict[RemotePath, int] = {(): root_folder_id}
    for f in by_id.values():
        if f.folder_id == root_folder_id:
            continue
        placed = where(f.folder_id)
        if placed is None:
            continue
        out_folders.append(RemoteFolder(f.folder_id, placed[0], placed[1]))
        if not placed[1]:
            folder_ids[placed[0]] = f.folder_id
    states: list[RemoteState] = []
    unplaced: set[int] = set()
    cached: dict[int, CachedDoc] = {}
    for d in docs:
        cached[d.doc_id] = d
        placed = where(d.parent_id)
        if placed is None:
            unplaced.add(d.doc_id)
            continue
        states.append(RemoteState(True, d.deleted or placed[1], d.doc_id, (*placed[0], d.name),
                                  d.version_key, d.size, d.sha256, d.locked))
    return MatterRemote(states, out_folders, folder_ids, unplaced, cached)
