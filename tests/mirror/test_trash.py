"""Trash: the OS trash when it works, the recovery folder when it does not, never a loss."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from desktop.sync.mirror.trash import TrashError, move_to_trash

ROOT = Path(__file__).resolve().parents[2]
WHEN = datetime(2026, 3, 4, 14, 2, 9)


def _trash_in_subprocess(path: Path, recovery: Path, root: Path,
                         env: dict[str, str]) -> dict[str, str]:
    """Run move_to_trash with the real send2trash in a fresh interpreter, so send2trash reads
    this test's XDG_DATA_HOME (it does so at import) and the user's real trash is untouched."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from desktop.sync.mirror.trash import move_to_trash\n"
        "item = move_to_trash(Path(sys.argv[1]), Path(sys.argv[2]), root=Path(sys.argv[3]))\n"
        "print(json.dumps({'where': item.where, 'location': str(item.location or ''),\n"
        "                  'error': item.trash_error}))\n"
    )
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code, str(path), str(recovery), str(root)],
                         env=full_env, capture_output=True, text=True, check=True, timeout=60)
    got: dict[str, str] = json.loads(out.stdout)
    return got


@pytest.fixture
def matter(tmp_path: Path) -> Path:
    root = tmp_path / "M-001"
    (root / "Sub").mkdir(parents=True)
    (root / "Sub" / "Claim.pdf").write_bytes(b"claim")
    return root


def test_goes_to_the_os_trash_when_it_works(tmp_path: Path, matter: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    got = _trash_in_subprocess(matter / "Sub" / "Claim.pdf", tmp_path / "recovery", matter,
                               {"HOME": str(home), "XDG_DATA_HOME": str(home / "share")})
    assert got["where"] == "os-trash"
    assert not (matter / "Sub" / "Claim.pdf").exists()
    trashed = home / "share" / "Trash" / "files" / "Claim.pdf"
    assert trashed.read_bytes() == b"claim"
    assert not (tmp_path / "recovery").exists()


def test_falls_back_to_the_recovery_folder_when_the_os_trash_fails(tmp_path: Path,
                                                                   matter: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    broken = home / "not-a-folder"
    broken.write_text("send2trash cannot create its Trash under a file")
    got = _trash_in_subprocess(matter / "Sub" / "Claim.pdf", tmp_path / "recovery", matter,
                               {"HOME": str(home), "XDG_DATA_HOME": str(broken)})
    assert got["where"] == "recovery" and got["error"]
    location = Path(got["location"])
    assert location.read_bytes() == b"claim"
    assert location.relative_to(tmp_path / "recovery").parts[1:] == ("M-001", "Sub", "Claim.pdf")
    datetime.strptime(location.relative_to(tmp_path / "recovery").parts[0], "%Y%m%d-%H%M%S")
    assert not (matter / "Sub" / "Claim.pdf").exists()


def failing_trash(path: str) -> None:
    """Stands in for the OS trash on a network share."""
    raise OSError(f"Couldn't find mount point for {path}")


def test_recovery_keeps_structure_and_timestamp_and_numbers_clashes(tmp_path: Path,
                                                                    matter: Path) -> None:
    recovery = tmp_path / "recovery"
    first = move_to_trash(matter / "Sub" / "Claim.pdf", recovery, root=matter,
                          trash=failing_trash, now=WHEN)
    assert first.where == "recovery" and "mount point" in first.trash_error
    assert first.location == recovery / "20260304-140209" / "M-001" / "Sub" / "Claim.pdf"
    (matter / "Sub" / "Claim.pdf").write_bytes(b"claim again")
    second = move_to_trash(matter / "Sub" / "Claim.pdf", recovery, root=matter,
                           trash=failing_trash, now=WHEN)
    assert second.location == recovery / "20260304-140209" / "M-001" / "Sub" / "Claim 2.pdf"
    assert first.location.read_bytes() == b"claim"
    assert second.location is not None and second.location.read_bytes() == b"claim again"


def test_a_folder_goes_to_recovery_whole(tmp_path: Path, matter: Path) -> None:
    item = move_to_trash(matter / "Sub", tmp_path / "rec", root=matter, trash=failing_trash,
                         now=WHEN)
    assert item.location is not None
    assert (item.location / "Claim.pdf").read_bytes() == b"claim"
    assert not (matter / "Sub").exists()


def test_a_path_outside_root_keeps_its_full_path(tmp_path: Path, matter: Path) -> None:
    item = move_to_trash(matter / "Sub" / "Claim.pdf", tmp_path / "rec", trash=failing_trash,
                         now=WHEN)
    assert item.location is not None
    assert str(item.location).endswith(str(matter / "Sub" / "Claim.pdf"))


def test_when_both_fail_the_file_stays(tmp_path: Path, matter: Path) -> None:
    blocker = tmp_path / "rec"
    blocker.write_text("a file where the recovery folder should be")
    with pytest.raises(TrashError, match="left in place"):
        move_to_trash(matter / "Sub" / "Claim.pdf", blocker, root=matter, trash=failing_trash)
    assert (matter / "Sub" / "Claim.pdf").read_bytes() == b"claim"


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        move_to_trash(tmp_path / "gone.pdf", tmp_path / "rec", trash=failing_trash)


def test_recovery_on_another_device_copies_then_removes(tmp_path: Path, matter: Path) -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or shm.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no second file system to move across")
    recovery = Path(tempfile.mkdtemp(dir=shm, prefix="mirror-rec-"))
    try:
        item = move_to_trash(matter / "Sub" / "Claim.pdf", recovery, root=matter,
                             trash=failing_trash, now=WHEN)
        assert item.location is not None and item.location.read_bytes() == b"claim"
        assert not (matter / "Sub" / "Claim.pdf").exists()
        folder = move_to_trash(matter / "Sub", recovery, root=matter, trash=failing_trash,
                               now=WHEN)
        assert folder.location is not None and folder.location.is_dir()
        assert not (matter / "Sub").exists()
    finally:
        shutil.rmtree(recovery)
