"""Every change the mirror makes in Clio, journaled as an intent before it is sent and closed
after, and tagged so that a crash at any point is finished or cleaned up, never repeated blindly.

- A new document carries ``prolegis_id`` (a UUID kept in the index), its sha256 and the version
  number that hash describes, all in ``external_properties`` of the create itself. When the
  create's answer is lost, or the bytes or the commit fail, the stub is looked up by its
  ``prolegis_id`` (``show_uncompleted``): a committed one is adopted, an uncommitted one deleted.
- A new version is preceded by a look at the document: if its latest version is not the one the
  pass decided on, someone changed it meanwhile and the upload waits for the next pass (which
  will see a conflict) instead of burying their version. Afterwards its hash and version number
  are written to the document.
- A deletion is preceded by the same look (an edit made in Clio meanwhile is never trashed).
- Renames, moves, restores and folder changes are idempotent; an interrupted one is closed at
  start and decided again from Clio's state.

``recover`` runs at start (and before each pass while intents are open).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import mimetypes
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.clio.errors import AmbiguousRequestError, ClioError, NotFoundError
from desktop.clio.records import FIELDS, Document, DocumentVersion, Folder
from desktop.clio.streams import ProgressFn
from desktop.sync.context import EngineContext
from desktop.sync.mirror.localops import Deferred
from desktop.sync.mirror.remote import PROP_ID, PROP_SHA, PROP_VERSION, RemoteCache, version_key

log = logging.getLogger(__name__)

UPLOAD = "doc.upload"
CHECK_FIELDS = "id,locked,deleted_at,latest_document_version{id,fully_uploaded,version_number}"


def new_prolegis_id() -> str:
    return str(uuid.uuid4())


def content_type(name: str) -> str:
    """The MIME type Clio gets (an unknown extension must still name one)."""
    return mimetypes.guess_type(name, strict=False)[0] or "application/octet-stream"


class ClioOps:
    """Journaled, tagged Clio mutations for the mirror (one instance per part)."""

    def __init__(self, ctx: EngineContext, cache: RemoteCache) -> None:
        self.ctx = ctx
        self.cache = cache

    @property
    def journal(self) -> Any:
        return self.ctx.store.journal

    def _run(self, kind: str, subject: str, payload: dict[str, Any],
             call: Callable[[], Any]) -> Any:
        intent = self.journal.open(kind, subject, payload)
        try:
            result = call()
        except Exception:  # the process going down leaves the intent open, for recovery
            self.journal.close(intent, "failed")
            raise
        self.journal.close(intent, "done")
        return result

    # -- documents ----------------------------------------------------------------------------

    def upload_new(self, path: Path, *, matter_id: str, rel_path: str, parent_id: int, name: str,
                   sha256: str, stat: tuple[int, int, int], prolegis_id: str,
                   progress: ProgressFn | None = None) -> tuple[Document, str]:
        """Upload ``path`` as a new document; returns it and the sha256 of what was sent."""
        payload = {"matter_id": matter_id, "path": rel_path, "prolegis_id": prolegis_id,
                   "sha256": sha256, "size": stat[0], "mtime_ns": stat[1], "inode": stat[2]}
        intent = self.journal.open(UPLOAD, f"{matter_id}:{rel_path}", payload)
        props = {PROP_ID: prolegis_id, PROP_SHA: sha256, PROP_VERSION: "1"}
        try:
            result = self.ctx.clio.upload_document(
                path, parent_id=parent_id, parent_type="Folder", name=name,
                content_type=content_type(name), external_properties=props, progress=progress)
        except Exception as exc:  # the stub may exist: adopt it if committed, else delete it
            adopted = self.settle_stub(prolegis_id)  # (if this fails, recovery does it later)
            self.journal.close(intent, "done" if adopted else "undone")
            if adopted is None:
                raise
            log.info("upload of %s: adopted the document after %s", rel_path, exc)
            return adopted, sha256
        doc = result.document
        if result.sha256 != sha256:  # the file changed while it was read: store what went
            doc = self.ctx.clio.update_document(doc.id, external_properties={
                PROP_SHA: result.sha256, PROP_VERSION: "1"}, current=doc)
        self.journal.close(intent, "done", {"doc_id": doc.id})
        self.cache.update_doc(doc)
        return doc, result.sha256

    def settle_stub(self, prolegis_id: str) -> Document | None:
        """After a failed or ambiguous upload: the committed document with this tag (adopted),
        else None after deleting any uncommitted stub."""
        found = list(self.ctx.clio.documents(
            external_property_name=PROP_ID, external_property_value=prolegis_id,
            show_uncompleted=True, include_deleted=True))
        done = [d for d in found if d.latest_version is not None
                and d.latest_version.fully_uploaded and d.deleted_at is None]
        for stub in found:
            if stub not in done and (stub.latest_version is None
                                     or not stub.latest_version.fully_uploaded):
                try:
                    self.ctx.clio.delete_document(stub.id)
                except ClioError as exc:
                    log.warning("could not delete the upload stub %s: %s", stub.id, exc)
        return done[0] if done else None

    def check_current(self, doc_id: int, expected_key: int | None) -> Document:
        """The document now; ``Deferred`` if its latest version is not ``expected_key`` (it
        changed in Clio since the listing), or it is locked or in the trash."""
        doc = self.ctx.clio.document(doc_id, fields=FIELDS[Document])
        if version_key(doc) != expected_key or doc.locked or doc.deleted_at is not None:
            self.cache.update_doc(doc)
            raise Deferred(f"document {doc_id} changed in Clio since it was listed")
        return doc

    def upload_version(self, path: Path, *, matter_id: str, rel_path: str, doc_id: int,
                       name: str, expected_key: int | None,
                       progress: ProgressFn | None = None) -> tuple[Document, str]:
        """Upload ``path`` as the new latest version of ``doc_id`` (see the module docstring).
        Returns the document with *our* version as its latest — what this upload made — and
        the sha256 sent; the cache gets the document as Clio has it."""
        self.check_current(doc_id, expected_key)

        def call() -> tuple[Document, str, DocumentVersion]:
            result = self.ctx.clio.upload_version(doc_id, path, name=name,
                                                  content_type=content_type(name),
                                                  progress=progress)
            own = self.own_version(doc_id, result.document, result.version_uuid)
            doc = self.ctx.clio.update_document(doc_id, external_properties={
                PROP_SHA: result.sha256, PROP_VERSION: str(own.version_number or "")},
                current=result.document)
            return doc, result.sha256, own

        doc, sha, own = self._run("doc.version", f"{matter_id}:{rel_path}",
                                  {"doc_id": doc_id, "path": rel_path}, call)
        self.cache.update_doc(doc)  # Clio as it is (someone's newer version included)
        return dataclasses.replace(doc, latest_version=own), sha

    def own_version(self, doc_id: int, doc: Document, uuid: str) -> DocumentVersion:
        """The version an upload made. Usually the document's latest; when someone else's
        version came in at the same moment, theirs is the latest and ours is found among the
        versions — never take theirs for ours (its number would go with our hash)."""
        latest = doc.latest_version
        if latest is not None and (not uuid or latest.uuid == uuid):
            return latest
        for v in self.ctx.clio.document_versions(doc_id):
            if v.uuid == uuid:
                log.warning("document %s: another version was uploaded at the same moment as "
                            "ours; ours (%s) stays in Clio's version history", doc_id, v.id)
                return v
        raise ValueError(f"document {doc_id}: the version just uploaded is not listed")

    def move(self, doc_id: int, *, name: str | None, parent_id: int | None) -> Document:
        doc: Document = self._run("doc.move", str(doc_id),
                                  {"doc_id": doc_id, "name": name, "parent_id": parent_id},
                                  lambda: self.ctx.clio.update_document(
                                      doc_id, name=name, parent_id=parent_id))
        self.cache.update_doc(doc)
        return doc

    def delete(self, doc_id: int, expected_key: int | None) -> None:
        self.check_current(doc_id, expected_key)

        def call() -> None:
            with contextlib.suppress(NotFoundError):  # already in the trash or gone
                self.ctx.clio.delete_document(doc_id)

        self._run("doc.delete", str(doc_id), {"doc_id": doc_id}, call)
        self.refresh(doc_id=doc_id)

    def restore(self, doc_id: int) -> Document:
        doc: Document = self._run("doc.restore", str(doc_id), {"doc_id": doc_id},
                                  lambda: self.ctx.clio.update_document(doc_id, restore=True))
        self.cache.update_doc(doc)
        return doc

    # -- folders -------------------------------------------------------------------------------

    def create_folder(self, name: str, parent_id: int) -> Folder:
        folder: Folder = self._run("folder.create", name, {"name": name, "parent_id": parent_id},
                                   lambda: self.ctx.clio.create_folder(name, parent_id))
        self.cache.update_folder(folder)
        return folder

    def update_folder(self, folder_id: int, *, name: str | None,
                      parent_id: int | None) -> Folder:
        folder: Folder = self._run(
            "folder.rename", str(folder_id),
            {"folder_id": folder_id, "name": name, "parent_id": parent_id},
            lambda: self.ctx.clio.update_folder(folder_id, name=name, parent_id=parent_id))
        self.cache.update_folder(folder)
        return folder

    def unseen_inside(self, folder_id: int) -> list[str]:
        """Before a folder is deleted in Clio: what it holds that the last look did not see —
        a document added, moved in or given a new version, a sub-folder added (a colleague
        at work in it since the poll). Named, for the reason; the documents found are put into
        the cache, so the next pass plans with them instead of trashing them with the folder."""
        clio, state = self.ctx.clio, self.ctx.store.documents
        unseen: list[str] = []
        known: dict[int | None, set[int]] = {}  # matter → its cached folder ids, read once
        for f in clio.folders(parent_id=folder_id, scope="descendants"):
            if f.matter_id not in known:
                known[f.matter_id] = {c.folder_id for c in state.clio_folders(f.matter_id)} \
                    if f.matter_id is not None else set()
            if f.id not in known[f.matter_id]:
                unseen.append(f"folder {f.name}")
                self.cache.update_folder(f)
        for doc in clio.documents(parent_id=folder_id, scope="descendants"):
            seen = state.clio_doc(doc.id)
            if seen is None or seen.deleted or seen.version_key != version_key(doc) \
                    or seen.parent_id != doc.parent_id:
                unseen.append(doc.name or str(doc.id))
                self.cache.update_doc(doc)
        return unseen

    def delete_folder(self, folder_id: int) -> None:
        def call() -> None:
            with contextlib.suppress(NotFoundError):
                self.ctx.clio.delete_folder(folder_id)

        self._run("folder.delete", str(folder_id), {"folder_id": folder_id}, call)
        self.refresh(folder_id=folder_id)

    def refresh(self, *, doc_id: int | None = None, folder_id: int | None = None) -> None:
        """Read a document or folder again into the cache (forgotten when Clio has none)."""
        try:
            if doc_id is not None:
                self.cache.update_doc(self.ctx.clio.document(doc_id))
            if folder_id is not None:
                self.cache.update_folder(self.ctx.clio.folder(folder_id))
        except NotFoundError:
            self.ctx.store.documents.forget_clio(
                doc_ids=[doc_id] if doc_id is not None else [],
                folder_ids=[folder_id] if folder_id is not None else [])

    def restore_folder(self, folder_id: int) -> Folder:
        def call() -> Folder:
            data = self.ctx.clio.session.json(
                "PATCH", f"/folders/{folder_id}.json", params={"fields": FIELDS[Folder]},
                json={"data": {"restore": True}})
            return Folder.parse(data.get("data") or {})

        folder: Folder = self._run("folder.restore", str(folder_id), {"folder_id": folder_id},
                                   call)
        self.cache.update_folder(folder)
        return folder

    # -- after a crash -------------------------------------------------------------------------

    def recover(self, adopt: Callable[[dict[str, Any], Document], None]) -> int:
        """Finish or clean up the intents a crash left open; returns how many were closed.

        An interrupted upload is looked up by its tag: committed → ``adopt(payload, doc)``
        (the caller writes the index row); a stub → deleted. Every other kind is idempotent
        and is decided again by the next pass."""
        closed = 0
        for intent in self.journal.open_intents():
            if not intent.kind.startswith(("doc.", "folder.")):
                continue
            if intent.kind == UPLOAD:
                try:
                    doc = self.settle_stub(str(intent.payload["prolegis_id"]))
                except AmbiguousRequestError:
                    continue
                if doc is not None:
                    self.cache.update_doc(doc)
                    adopt(intent.payload, doc)
                self.journal.close(intent.id, "done" if doc else "undone",
                                   {"doc_id": doc.id} if doc else {})
            else:
                self.journal.close(intent.id, "undone")
            closed += 1
        return closed
