"""Local file-system primitives: hashing, stability, Office locks, safe paths, atomic writes."""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.sync.mirror import localfs, names


def test_hash_file_small_and_large(tmp_path: Path) -> None:
    small = tmp_path / "small"
    small.write_bytes(b"hello")
    assert localfs.hash_file(small) == (hashlib.sha256(b"hello").hexdigest(), 5)
    big = tmp_path / "big"
    data = os.urandom(3 * localfs.CHUNK + 123)
    big.write_bytes(data)
    assert localfs.hash_file(big) == (hashlib.sha256(data).hexdigest(), len(data))
    exact = tmp_path / "exact"
    exact.write_bytes(data[: localfs.CHUNK])
    assert localfs.hash_file(exact)[0] == hashlib.sha256(data[: localfs.CHUNK]).hexdigest()
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    assert localfs.hash_file(empty) == (hashlib.sha256(b"").hexdigest(), 0)


def _aged(path: Path, seconds: float = 3600) -> None:
    t = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(t, t))


def test_is_stable(tmp_path: Path) -> None:
    f = tmp_path / "f.pdf"
    f.write_bytes(b"x")
    assert not localfs.is_stable(f, interval=0.01)  # just written
    _aged(f)
    assert localfs.is_stable(f, interval=0.01)
    assert not localfs.is_stable(tmp_path / "missing", interval=0.01)


def test_a_file_growing_during_the_interval_is_not_stable(tmp_path: Path) -> None:
    f = tmp_path / "f.pdf"
    f.write_bytes(b"x")
    _aged(f)

    def writer_keeps_going(_: float) -> None:  # another program appends while we wait
        with open(f, "ab") as out:
            out.write(b"more")
        _aged(f, 3000)

    assert not localfs.is_stable(f, interval=0.01, sleep=writer_keeps_going)


def test_office_lock_present(tmp_path: Path) -> None:
    doc = tmp_path / "Statement.docx"
    doc.write_bytes(b"d")
    assert not localfs.office_lock_present(doc)
    (tmp_path / "~$atement.docx").write_bytes(b"l")
    assert localfs.office_lock_present(doc)
    odt = tmp_path / "Claim.odt"
    assert not localfs.office_lock_present(odt)
    (tmp_path / ".~lock.Claim.odt#").write_bytes(b"l")
    assert localfs.office_lock_present(odt)
    assert localfs.office_lock_present(odt, siblings=[".~lock.Claim.odt#"])
    assert not localfs.office_lock_present(odt, siblings=["Claim.odt"])


def test_resolve_in_refuses_escapes(tmp_path: Path) -> None:
    root = tmp_path / "matter"
    (root / "sub").mkdir(parents=True)
    assert localfs.resolve_in(root, "sub/a.pdf") == root / "sub" / "a.pdf"
    for bad in ("../x", "/etc/passwd", "a/../../x", "", "C:/x"):
        with pytest.raises(ValueError):
            localfs.resolve_in(root, bad)
    os.symlink(tmp_path, root / "out")
    with pytest.raises(ValueError, match="leaves"):
        localfs.resolve_in(root, "out/x.pdf")


def test_new_temp_path_is_ignored_beside_the_target_and_short_enough(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 250 + ".pdf")
    temp = localfs.new_temp_path(target)
    assert temp.parent == target.parent and names.is_ignored(temp.name)
    assert len(temp.name.encode()) <= 255
    assert localfs.new_temp_path(target) != temp


def test_atomic_write_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")
    temp = localfs.new_temp_path(target)
    temp.write_bytes(b"new")
    localfs.atomic_write_from(temp, target)
    assert target.read_bytes() == b"new" and not temp.exists()
    assert os.listdir(tmp_path) == ["a.pdf"]


def test_atomic_write_without_replace_never_clobbers(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"user's file")
    temp = localfs.new_temp_path(target)
    temp.write_bytes(b"download")
    with pytest.raises(FileExistsError):
        localfs.atomic_write_from(temp, target, replace=False)
    assert target.read_bytes() == b"user's file"
    assert os.listdir(tmp_path) == ["a.pdf"]  # the temp file is gone too
    fresh = tmp_path / "b.pdf"
    temp = localfs.new_temp_path(fresh)
    temp.write_bytes(b"download")
    localfs.atomic_write_from(temp, fresh, replace=False)
    assert fresh.read_bytes() == b"download" and sorted(os.listdir(tmp_path)) == ["a.pdf",
                                                                                  "b.pdf"]


def test_a_failed_write_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def broken_download() -> Iterator[bytes]:
        yield b"first part"
        raise ConnectionError("network dropped")

    with pytest.raises(ConnectionError):
        localfs.write_atomically(target, broken_download())
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.pdf"]


def test_a_failed_rename_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "missing-folder" / "a.pdf"  # the rename itself fails
    temp = localfs.new_temp_path(tmp_path / "a.pdf")
    temp.write_bytes(b"data")
    with pytest.raises(ValueError):
        localfs.atomic_write_from(temp, target)
    assert os.listdir(tmp_path) == []


def test_write_atomically(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    assert localfs.write_atomically(target, [b"ab", b"cd"]) == 4
    assert target.read_bytes() == b"abcd" and os.listdir(tmp_path) == ["a.pdf"]


def test_discard_refuses_user_files(tmp_path: Path) -> None:
    user = tmp_path / "Claim.pdf"
    user.write_bytes(b"x")
    with pytest.raises(ValueError):
        localfs.discard(user)
    assert user.exists()
