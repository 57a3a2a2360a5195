"""Conflicts: both versions kept and named as decisions.md says, the three resolutions (one by
one and all at once), the default policy, documents others uploaded (hash unknown), and the
historical variant."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.sync import commands as cmd
from desktop.sync.events import ConflictsChanged, Notice
from tests.support.mirror_harness import MirrorHarness

M = "m-1"
COPY = re.compile(r"^Letter \(conflicted copy, Jane Doe, \d{4}-\d\d-\d\d \d{4}\)\.docx$")


def make_conflict(mh: MirrorHarness, name: str = "Letter.docx") -> tuple[int, str]:
    """A synced document edited on both sides; returns its id and the copy's path."""
    if M not in mh.clio_matters:
        mh.new_matter(M)
    mh.write(M, name, b"base")
    mh.sync(expect=None)
    doc = mh.doc_id(M, name)
    mh.clio_edit(doc, b"theirs")
    mh.write(M, name, b"mine, longer")
    mh.sync(expect=3)
    (c,) = [c for c in mh.store.documents.conflicts(M) if c.rel_path == name]
    return doc, c.copy_path


def test_conflict_keeps_both_and_names_the_copy(mh: MirrorHarness) -> None:
    _doc, copy = make_conflict(mh)
    assert COPY.match(copy), copy
    local = mh.local_state(M)
    assert local["Letter.docx"] == b"theirs" and local[copy] == b"mine, longer"
    (view,) = mh.part.conflicts()
    assert view.rel_path == "Letter.docx" and view.local.name == copy
    assert view.local.path.endswith(copy) and Path(view.clio.path).read_bytes() == b"theirs"
    assert view.local.size == len(b"mine, longer")
    # the copy stays local while the conflict waits: another pass does not upload it
    mh.sync(expect=3)
    assert len(mh.clio_state(M)) == 1
    mh.assert_in_step(M)
    assert any(isinstance(e, Notice) for e in mh.h.events)
    assert any(isinstance(e, ConflictsChanged) and e.conflicts for e in mh.h.events)


def test_keep_mine_uploads_it_as_the_newest_version(mh: MirrorHarness) -> None:
    doc, _copy = make_conflict(mh)
    mh.part.handle(cmd.ResolveConflict(mh.store.documents.conflicts(M)[0].id, "local"))
    assert mh.admin.document_bytes(doc) == b"mine, longer"
    versions = [v.id for v in mh.clio.document_versions(doc)]
    assert len(versions) == 3  # base, theirs (kept in Clio's history), mine
    assert mh.local_state(M) == {"Letter.docx": b"mine, longer"}
    mh.sync()
    mh.assert_in_step(M)


def test_keep_clios_sends_mine_to_the_trash(mh: MirrorHarness, tmp_path: Path) -> None:
    _doc, _copy = make_conflict(mh)
    mh.part.handle(cmd.ResolveConflict(mh.store.documents.conflicts(M)[0].id, "clio"))
    assert mh.local_state(M) == {"Letter.docx": b"theirs"}
    trashed = [p.read_bytes() for p in (tmp_path / "xdg-data/Trash/files").iterdir()]
    assert trashed == [b"mine, longer"]
    mh.sync()
    mh.assert_in_step(M)


def test_keep_both_uploads_my_copy_as_its_own_document(mh: MirrorHarness) -> None:
    _doc, copy = make_conflict(mh)
    mh.part.handle(cmd.ResolveConflict(mh.store.documents.conflicts(M)[0].id, "both"))
    mh.sync()
    by_path = mh.clio_by_path(M)
    assert by_path == {"Letter.docx": b"theirs", copy: b"mine, longer"}
    mh.assert_in_step(M)


def test_resolve_all(mh: MirrorHarness) -> None:
    make_conflict(mh, "Letter.docx")
    make_conflict(mh, "Memo.docx")
    assert len(mh.part.conflicts()) == 2
    mh.part.handle(cmd.ResolveAllConflicts("local"))
    assert mh.part.conflicts() == []
    mh.sync()
    assert set(mh.clio_by_path(M).values()) == {b"mine, longer"}
    mh.assert_in_step(M)


@pytest.mark.parametrize(("policy", "local"), [
    ("keep_local", {"Letter.docx": b"mine, longer"}),
    ("keep_clio", {"Letter.docx": b"theirs"}),
])
def test_default_policy_answers_at_once(mirror_factory, sandbox, policy: str,  # type: ignore[no-untyped-def]
                                        local: dict[str, bytes]) -> None:
    mh = mirror_factory(sandbox, settings={"conflict_policy": policy})
    mh.new_matter(M)
    mh.write(M, "Letter.docx", b"base")
    mh.sync()
    mh.clio_edit(mh.doc_id(M, "Letter.docx"), b"theirs")
    mh.write(M, "Letter.docx", b"mine, longer")
    mh.sync()  # exit 0: nothing waits
    assert mh.local_state(M) == local
    assert mh.store.documents.conflicts(M) == []
    mh.assert_in_step(M)


def test_another_users_document_of_the_same_size_is_compared_by_content(
        mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.write(M, "Same.pdf", b"12345678")
    mh.write(M, "Other.pdf", b"abcdefgh")
    mh.clio_upload(M, "Same.pdf", b"12345678")  # no companion hash: content unknown
    mh.clio_upload(M, "Other.pdf", b"ABCDEFGH")  # same size, other bytes
    mh.sync(expect=3)
    assert [c.rel_path for c in mh.store.documents.conflicts(M)] == ["Other.pdf"]
    assert mh.local_state(M)["Same.pdf"] == b"12345678"
    mh.assert_in_step(M)


def test_a_resolution_whose_copy_is_gone_is_refused(mh: MirrorHarness) -> None:
    doc, copy = make_conflict(mh)
    (mh.folder(M) / copy).unlink()
    cid = mh.store.documents.conflicts(M)[0].id
    with pytest.raises(ValueError, match="gone"):
        mh.part.handle(cmd.ResolveConflict(cid, "local"))
    assert mh.admin.document_bytes(doc) == b"theirs"
    mh.part.handle(cmd.ResolveConflict(cid, "clio"))
    assert mh.part.conflicts() == []
