"""Core fixes made for the engine (pure, no sandbox): a Clio document and a folder whose names
sanitise to the same local path never collide — the document is numbered (``pair(reserved=)``)
and a new folder avoids a document's path (``plan_folders``)."""

from __future__ import annotations

from desktop.sync.mirror.folders import FolderAction, Planned, RemoteFolder, plan_folders
from desktop.sync.mirror.model import RemoteState
from desktop.sync.mirror.pairing import pair
from desktop.sync.mirror.reconcile import decide
from tests.mirror.states import ctx


def doc(doc_id: int, *path: str) -> RemoteState:
    return RemoteState(True, False, doc_id, path, 1, 3, "a" * 64)


def test_a_document_is_numbered_away_from_a_folder_path() -> None:
    (t,) = pair([], [], [doc(1, "..")], reserved=["_"])
    assert t.remote.local_path == "_ (2)"
    (t,) = pair([], [], [doc(1, "Pleadings")])
    assert t.remote.local_path == "Pleadings"


def test_a_new_folder_is_numbered_away_from_a_document_path() -> None:
    triples = pair([], [], [doc(1, "Court")])
    items = [Planned(t, decide(t.base, t.local, t.remote, ctx())) for t in triples]
    plan = plan_folders([], [], [RemoteFolder(5, ("Court",))], items)
    (op,) = plan.before
    assert (op.action, op.path) == (FolderAction.CREATE_LOCAL, "Court (2)")
