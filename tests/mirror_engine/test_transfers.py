"""Transfers and failures: empty files, a big file with bounded memory (50 MB here, 200 MB under
the ``stress`` marker), per-item backoff, network loss, an expired token, an ambiguous create
and a crash between Clio's commit and the index write — never a duplicate document."""

from __future__ import annotations

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.sync.clock import utcnow
from desktop.sync.events import TransferProgress
from desktop.sync.mirror.doer import Doer
from desktop.sync.store import problems as problems_module
from tests.support.mirror_harness import MirrorHarness, peak_rss, settle

M = "m-1"
MiB = 1024 * 1024


def test_empty_files_both_ways(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.write(M, "empty.txt", b"")
    mh.clio_upload(M, "Blank/empty from clio.txt", b"")
    mh.sync()
    assert mh.local_state(M) == {"empty.txt": b"", "Blank/empty from clio.txt": b""}
    mh.assert_in_step(M)


def write_big(path: Path, size: int) -> str:
    """A file of ``size`` bytes written 1 MiB at a time; returns its sha256."""
    digest = hashlib.sha256()
    block = os.urandom(MiB)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        for i in range(size // MiB):
            chunk = i.to_bytes(8, "big") + block[8:]
            f.write(chunk)
            digest.update(chunk)
    settle(path)
    return digest.hexdigest()


def file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(MiB):
            digest.update(chunk)
    return digest.hexdigest()


def big_round_trip(sandbox, mirror_factory, size: int) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Upload ``size`` bytes from one seat, download them on another; returns the peak memory
    growth of each pass."""
    a = mirror_factory(sandbox)
    clio_id = a.new_matter(M)
    sha = write_big(a.folder(M) / "Big/scan.pdf", size)
    with peak_rss() as up:
        a.sync()
    assert a.index_state(M)["Big/scan.pdf"].sha256 == sha
    b = mirror_factory(sandbox)
    b.new_matter(M, clio_matter_id=clio_id)
    with peak_rss() as down:
        b.sync()
    assert file_sha(b.folder(M) / "Big/scan.pdf") == sha
    progress = [e for e in b.h.events if isinstance(e, TransferProgress)]
    assert progress[-1].done == progress[-1].total == size and progress[-1].direction == "down"
    return up[0], down[0]


def test_big_file_round_trip_with_bounded_memory(sandbox, mirror_factory) -> None:  # type: ignore[no-untyped-def]
    up, down = big_round_trip(sandbox, mirror_factory, 50 * MiB)
    print(f"50 MB: upload +{up / MiB:.1f} MiB, download +{down / MiB:.1f} MiB peak RSS")
    assert up < 25 * MiB, f"upload grew memory by {up / MiB:.1f} MiB"
    assert down < 25 * MiB, f"download grew memory by {down / MiB:.1f} MiB"


@pytest.mark.stress
def test_200_mb_file_round_trip_with_bounded_memory(sandbox, mirror_factory) -> None:  # type: ignore[no-untyped-def]
    up, down = big_round_trip(sandbox, mirror_factory, 200 * MiB)
    print(f"200 MB: upload +{up / MiB:.1f} MiB, download +{down / MiB:.1f} MiB peak RSS")
    assert up < 40 * MiB and down < 40 * MiB, (up / MiB, down / MiB)


def test_a_failing_item_backs_off_without_stopping_the_rest(
        mh: MirrorHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    mh.new_matter(M)
    mh.write(M, "a.pdf", b"a")
    mh.clio_upload(M, "from clio.pdf", b"c")
    mh.admin.set_faults("PUT:/storage/*=500")  # every upload fails, downloads work
    report = mh.sync(expect=1)
    assert [r.subject for r in report.reasons if r.code == "document"] == ["a.pdf"]
    assert mh.local_state(M)["from clio.pdf"] == b"c"  # the rest went on
    (problem,) = mh.store.problems.all("document")
    assert problem.attempts == 1 and problem.retry_at
    mh.admin.set_faults(None)
    mh.sync(expect=1)  # not due yet: not tried again
    assert mh.store.problems.all("document")[0].attempts == 1
    assert "a.pdf" not in mh.clio_by_path(M)
    later = utcnow() + timedelta(minutes=1)
    monkeypatch.setattr(problems_module, "utcnow", lambda: later)
    mh.sync()
    assert mh.store.problems.all("document") == []
    mh.assert_in_step(M)


def test_network_loss_stops_the_pass_and_changes_nothing(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.write(M, "a.pdf", b"a")
    mh.sync()
    mh.write(M, "b.pdf", b"b")
    mh.admin.set_faults("*=reset")
    report = mh.sync(expect=1)
    assert any(r.code == "network" for r in report.reasons)
    assert set(mh.local_state(M)) == {"a.pdf", "b.pdf"}
    mh.admin.set_faults(None)
    mh.sync()
    mh.assert_in_step(M)


def test_an_expired_token_is_refreshed(mh: MirrorHarness) -> None:
    mh.new_matter(M)
    mh.sync()
    mh.admin.expire_access_token(mh.h.clio.session.tokens.access_token)
    mh.write(M, "a.pdf", b"a")
    mh.sync()
    mh.assert_in_step(M)


def test_an_ambiguous_create_never_makes_a_duplicate(
        mh: MirrorHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    mh.new_matter(M)
    mh.write(M, "a.pdf", b"a")
    mh.admin.set_faults("POST:/api/v4/documents=502+after")  # created, answer lost
    mh.sync(expect=1)
    mh.admin.set_faults(None)
    later = utcnow() + timedelta(minutes=1)
    monkeypatch.setattr(problems_module, "utcnow", lambda: later)
    mh.sync()
    assert len(mh.clio_state(M)) == 1
    stubs = list(mh.clio.documents(show_uncompleted=True, include_deleted=False))
    assert len(stubs) == 1  # the uncommitted stub was cleaned up
    mh.assert_in_step(M)


class Crash(BaseException):
    """The process dies here."""


def test_crash_after_the_commit_is_adopted_on_restart(
        mh: MirrorHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    mh.new_matter(M)
    mh.write(M, "a.pdf", b"a")

    def die(*args: object, **kw: object) -> None:
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(Doer, "write_doc", die)
        with pytest.raises(Crash):
            mh.sync()
    assert len(mh.clio_state(M)) == 1  # it reached Clio, the index does not know
    assert mh.index_state(M) == {}
    mh.h.restart()
    mh.sync()
    assert len(mh.clio_state(M)) == 1  # adopted, not uploaded again
    assert mh.store.journal.open_intents() == []
    mh.assert_in_step(M)


def test_crash_between_the_create_and_the_bytes_leaves_no_stub(
        mh: MirrorHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.clio.transfer import Transfers

    mh.new_matter(M)
    mh.write(M, "a.pdf", b"a")

    def die(*args: object, **kw: object) -> None:
        raise Crash

    with monkeypatch.context() as patch:
        patch.setattr(Transfers, "_put", die)
        with pytest.raises(Crash):
            mh.sync()
    stubs = list(mh.clio.documents(show_uncompleted=True))
    assert len(stubs) == 1 and mh.clio_state(M) == {}  # an invisible stub, an open intent
    mh.h.restart()
    mh.sync()
    assert len(list(mh.clio.documents(show_uncompleted=True))) == 1  # the stub went
    assert mh.clio_by_path(M) == {"a.pdf": b"a"}
    assert mh.store.journal.open_intents() == []
    mh.assert_in_step(M)
