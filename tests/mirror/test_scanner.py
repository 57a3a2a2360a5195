"""The scanner on real files: unchanged files are never hashed, changes are found, ignored
names, symlinks and Office locks are handled."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest

from desktop.sync.mirror import scanner
from desktop.sync.mirror.model import Action, Base, LocalState, RemoteState
from desktop.sync.mirror.pairing import pair
from desktop.sync.mirror.reconcile import decide
from desktop.sync.mirror.scanner import scan
from tests.mirror.states import ctx

OLD = time.time_ns() - 3600 * 10**9  # an hour ago: settled


def write(root: Path, rel: str, data: bytes, mtime_ns: int = OLD) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.utime(path, ns=(mtime_ns, mtime_ns))
    return path


def index_of(root: Path) -> dict[str, Base]:
    """Scan once and turn what was found into index rows (as the executor would)."""
    result = scan(root, [])
    return {s.path: Base(s.path, s.size, s.mtime_ns, s.inode, s.sha256, doc_id=i + 1,
                         remote_name=s.path, version_id=1)
            for i, s in enumerate(sorted(result.local_states(), key=lambda s: s.path))}


@pytest.fixture(params=[True, False], ids=["dir-fd", "by-path"])
def walk_mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Run each test through both walks: directory descriptors (POSIX) and plain paths."""
    monkeypatch.setattr(scanner, "_DIR_FD", request.param and scanner._DIR_FD)
    return bool(request.param)


@pytest.fixture
def matter(tmp_path: Path) -> Path:
    root = tmp_path / "M-001"
    for i in range(20):
        write(root, f"Sub{i % 3}/Deeper/file{i}.txt", f"content {i}".encode())
    write(root, "top.pdf", b"%PDF top")
    return root


def test_first_scan_hashes_every_file(matter: Path, walk_mode: bool) -> None:
    result = scan(matter, [])
    assert result.hashed_files == 21 and result.file_count == 21
    state = result.changed["top.pdf"]
    assert state.sha256 == hashlib.sha256(b"%PDF top").hexdigest()
    assert set(result.dirs) >= {"Sub0", "Sub0/Deeper", "Sub2/Deeper"}


def test_rescan_of_unchanged_files_hashes_nothing(matter: Path, walk_mode: bool) -> None:
    index = index_of(matter)
    result = scan(matter, index.values())
    assert result.hashed_files == 0 and result.hashed_bytes == 0
    assert result.unchanged == frozenset(index) and not result.changed


def test_a_changed_file_is_found_and_hashed(matter: Path, walk_mode: bool) -> None:
    index = index_of(matter)
    write(matter, "Sub1/Deeper/file1.txt", b"edited, longer content")
    result = scan(matter, index)
    assert result.hashed_files == 1
    state = result.changed["Sub1/Deeper/file1.txt"]
    assert state.sha256 == hashlib.sha256(b"edited, longer content").hexdigest()
    base = index["Sub1/Deeper/file1.txt"]
    (t,) = [t for t in pair(index.values(), result.local_states(), []) if t.base is base]
    assert decide(t.base, t.local, t.remote, ctx()).action is not Action.NOTHING


def test_a_touched_identical_file_only_updates_the_base(matter: Path, walk_mode: bool) -> None:
    index = index_of(matter)
    later = OLD + 10**9
    os.utime(matter / "top.pdf", ns=(later, later))
    result = scan(matter, index)
    assert result.hashed_files == 1
    base = index["top.pdf"]
    remote = RemoteState(True, False, base.doc_id, base.remote_path, 1, base.size, base.sha256,
                         local_path="top.pdf")
    d = decide(base, result.changed["top.pdf"], remote, ctx())
    assert d.action is Action.UPDATE_BASE_ONLY


def test_a_renamed_file_is_not_hashed_and_pairs_as_a_move(matter: Path, walk_mode: bool) -> None:
    index = index_of(matter)
    os.rename(matter / "top.pdf", matter / "Sub0" / "renamed.pdf")
    result = scan(matter, index)
    assert result.hashed_files == 0
    assert result.changed["Sub0/renamed.pdf"].sha256 is None
    triples = pair(index.values(), result.local_states(), [])
    moved = [t for t in triples if t.base is index["top.pdf"]]
    assert moved[0].local.path == "Sub0/renamed.pdf"


def test_ignored_names_and_symlinks_are_skipped_and_reported(matter: Path,
                                                             walk_mode: bool) -> None:
    for name in ("~$top.docx", ".~lock.top.odt#", "x.tmp", "~WRL0001.tmp", ".DS_Store",
                 "Thumbs.db", "desktop.ini", ".prolegis-partial-ab12-top.pdf", ".prolegis-x"):
        write(matter, name, b"junk")
    (matter / ".prolegis-cache").mkdir()
    write(matter, ".prolegis-cache/inside.pdf", b"x")
    os.symlink(matter / "top.pdf", matter / "link.pdf")
    os.symlink(matter / "Sub0", matter / "linkdir")
    result = scan(matter, index_of(matter))
    skipped = {s.path: s.reason for s in result.skipped}
    assert skipped["link.pdf"] == "symlink" and skipped["linkdir"] == "symlink"
    assert skipped["x.tmp"] == "ignored" and skipped[".prolegis-cache"] == "ignored"
    assert len([r for r in skipped.values() if r == "ignored"]) == 10
    found = result.unchanged | set(result.changed)
    assert not any(p.startswith((".", "~", "link")) or p.endswith((".tmp", ".ini", ".db"))
                   for p in found)
    assert result.hashed_files == 0


def test_office_lock_marks_the_document_open(tmp_path: Path, walk_mode: bool) -> None:
    root = tmp_path / "M"
    write(root, "Sub/Statement.docx", b"doc")
    write(root, "Sub/Other.docx", b"other")
    write(root, "Sub/Claim.odt", b"odt")
    index = index_of(root)
    write(root, "Sub/~$atement.docx", b"lock")
    write(root, "Sub/.~lock.Claim.odt#", b"lock")
    write(root, "Sub/Claim.odt", b"odt, edited")
    result = scan(root, index)
    assert result.open_in_office == {"Sub/Statement.docx", "Sub/Claim.odt"}
    states = {s.path: s for s in result.local_states()}
    assert states["Sub/Statement.docx"].open_in_office  # unchanged, still marked
    assert states["Sub/Claim.odt"].open_in_office  # changed, marked too
    assert not states["Sub/Other.docx"].open_in_office


def test_a_file_still_being_written_is_flagged_not_hashed(matter: Path, walk_mode: bool) -> None:
    index = index_of(matter)
    write(matter, "growing.bin", b"x" * 1000, mtime_ns=time.time_ns())
    result = scan(matter, index)
    state = result.changed["growing.bin"]
    assert state.still_being_written and state.sha256 is None
    assert result.hashed_files == 0


def test_a_deleted_file_is_simply_absent(matter: Path, walk_mode: bool) -> None:
    index = index_of(matter)
    (matter / "top.pdf").unlink()
    result = scan(matter, index)
    assert "top.pdf" not in result.unchanged and "top.pdf" not in result.changed
    assert result.file_count == 20


def test_a_missing_matter_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        scan(tmp_path / "nope", [])


def _scan_as_unprivileged(root: Path, index: dict[str, Base]) -> tuple[list[str], list[str]]:
    """Scan in a forked child that dropped root (root reads any folder): (unreadable, files)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            result = scan(root, index)
            payload = {"unreadable": list(result.unreadable),
                       "files": sorted(result.unchanged | set(result.changed))}
            os.write(write_end, json.dumps(payload).encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as f:
        data = json.loads(f.read() or b"{}")
    os.waitpid(pid, 0)
    return data["unreadable"], data["files"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX only")
def test_an_unreadable_folder_is_reported_not_deleted(tmp_path: Path) -> None:
    root = Path(tempfile.mkdtemp(prefix="mirror-perm-"))
    try:
        for i in range(4):
            write(root, f"Sub{i % 2}/file{i}.txt", f"c{i}".encode())
        index = index_of(root)
        for dirpath, _dirs, filenames in os.walk(root):
            os.chmod(dirpath, 0o755)
            for f in filenames:
                os.chmod(os.path.join(dirpath, f), 0o644)
        (root / "Sub1").chmod(0o700 if os.geteuid() == 0 else 0)
        if os.geteuid() == 0:
            unreadable, files = _scan_as_unprivileged(root, index)
        else:
            result = scan(root, index)
            unreadable = list(result.unreadable)
            files = sorted(result.unchanged | set(result.changed))
        assert unreadable == ["Sub1"]
        assert files == ["Sub0/file0.txt", "Sub0/file2.txt"]
        states = [LocalState(True, b.path, b.size, b.mtime_ns, b.inode)
                  for b in (index[f] for f in files)]
        triples = pair(index.values(), states, [], unscanned=unreadable)
        assert [t.path for t in triples] == files  # Sub1's rows are not judged as deleted
    finally:
        (root / "Sub1").chmod(0o755)
        shutil.rmtree(root)
