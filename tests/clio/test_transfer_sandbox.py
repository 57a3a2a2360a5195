"""Upload and download against the sandbox's storage port: single PUT, versions, multipart,
faults, no duplicate stubs, and a 200 MB round trip with bounded memory."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import psutil
import pytest

from desktop.clio.api import ClioClient
from desktop.clio.errors import AmbiguousCreateError, StorageError
from desktop.clio.transfer import TEMP_PREFIX
from desktop.sandbox import Sandbox
from tests.support.clio_fixtures import ClioFactory

MiB = 1024 * 1024


def make_file(path: Path, size: int, seed: int = 1) -> str:
    """Write ``size`` pseudo-random bytes in 1 MiB pieces; returns their sha256."""
    h = hashlib.sha256()
    block = hashlib.sha256(str(seed).encode()).digest() * (MiB // 32)
    with path.open("wb") as fh:
        left = size
        i = 0
        while left > 0:
            piece = (block[i % 32:] + block[:i % 32])[:min(MiB, left)]
            fh.write(piece)
            h.update(piece)
            left -= len(piece)
            i += 1
    return h.hexdigest()


@pytest.fixture
def matter_id(sandbox: Sandbox) -> int:
    cid = sandbox.admin.create_contact(first_name="Up", last_name="Load")
    return sandbox.admin.create_matter(cid, "Transfers")


def test_small_round_trip_with_hash_and_progress(clio: ClioClient, sandbox: Sandbox,
                                                 matter_id: int, tmp_path: Path) -> None:
    src = tmp_path / "Letter.docx"
    digest = make_file(src, 3 * MiB + 17)
    seen: list[tuple[int, int]] = []
    up = clio.upload_document(src, parent_id=matter_id, progress=lambda d, t: seen.append((d, t)),
                              external_properties={"prolegis_sha256": digest})
    assert up.sha256 == digest and up.size == src.stat().st_size and up.parts == 1
    assert up.document.name == "Letter.docx" and up.document.latest_version is not None
    assert up.document.latest_version.fully_uploaded
    assert up.document.external_property("prolegis_sha256") == digest
    assert seen[-1] == (up.size, up.size)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert hashlib.sha256(sandbox.admin.document_bytes(up.document.id)).hexdigest() == digest

    target = tmp_path / "mirror" / "Letter.docx"
    got: list[int] = []
    dl = clio.download_document(up.document.id, target, progress=lambda d, t: got.append(d))
    assert dl.path.parent == target.parent and dl.path.name.startswith(TEMP_PREFIX)
    assert not target.exists(), "the caller renames"
    assert dl.sha256 == digest and dl.size == up.size and got[-1] == up.size
    assert hashlib.sha256(dl.path.read_bytes()).hexdigest() == digest


def test_empty_file(clio: ClioClient, matter_id: int, tmp_path: Path) -> None:
    src = tmp_path / "empty.txt"
    src.write_bytes(b"")
    up = clio.upload_document(src, parent_id=matter_id)
    assert up.size == 0 and up.sha256 == hashlib.sha256(b"").hexdigest()
    dl = clio.download_document(up.document.id, tmp_path / "out.txt")
    assert dl.size == 0 and dl.path.read_bytes() == b""


def test_new_version_keeps_the_document(clio: ClioClient, sandbox: Sandbox, matter_id: int,
                                        tmp_path: Path) -> None:
    v1, v2 = tmp_path / "v1.txt", tmp_path / "v2.txt"
    v1.write_bytes(b"first draft")
    v2.write_bytes(b"second draft, longer")
    first = clio.upload_document(v1, parent_id=matter_id, name="Memo.txt",
                                 external_properties={"prolegis_id": "d-1"})
    second = clio.upload_version(first.document.id, v2, name="Memo.txt",
                                 external_properties={"prolegis_sha256": second_hash(v2)})
    assert second.document.id == first.document.id
    assert second.document.latest_version_number == 2
    assert second.document.external_property("prolegis_id") == "d-1"
    assert second.document.external_property("prolegis_sha256") == second_hash(v2)
    versions = list(clio.document_versions(first.document.id))
    assert [v.version_number for v in versions] == [1, 2]
    old = clio.download_document(first.document.id, tmp_path / "old.txt",
                                 version_id=versions[0].id)
    assert old.path.read_bytes() == b"first draft"
    assert sandbox.admin.document_bytes(first.document.id) == b"second draft, longer"


def second_hash(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_multipart_in_several_batches(sandbox: Sandbox, clio_factory: ClioFactory,
                                      matter_id: int, tmp_path: Path) -> None:
    clio = clio_factory(sandbox, multipart_threshold=6 * MiB, part_size=5 * MiB,
                        parts_per_request=2)
    src = tmp_path / "scan.pdf"
    digest = make_file(src, 22 * MiB + 5, seed=2)
    up = clio.upload_document(src, parent_id=matter_id)
    assert up.parts == 5 and up.sha256 == digest
    routes = sandbox.admin.stats()["routes"]
    assert routes["PUT /storage/{key}"] == {"200": 5}
    assert routes["PATCH /api/v4/documents/{id}"] == {"200": 3}  # 2 for more URLs, 1 commit
    assert hashlib.sha256(sandbox.admin.document_bytes(up.document.id)).hexdigest() == digest
    dl = clio.download_document(up.document.id, tmp_path / "copy.pdf")
    assert dl.sha256 == digest


def test_storage_faults_are_retried(sandbox: Sandbox, clio: ClioClient, matter_id: int,
                                    tmp_path: Path) -> None:
    sandbox.admin.set_faults("seed=3;PUT:/storage/*=503@0.3;GET:/storage/*=reset@0.3")
    for i in range(4):
        src = tmp_path / f"f{i}.bin"
        digest = make_file(src, MiB + i, seed=i)
        up = clio.upload_document(src, parent_id=matter_id)
        dl = clio.download_document(up.document.id, tmp_path / "out" / f"f{i}.bin")
        assert up.sha256 == dl.sha256 == digest
    stats = sandbox.admin.stats()
    assert stats["routes"]["GET /storage/{key}"].get("0", 0) > 0  # some downloads were reset
    assert stats["routes"]["PUT /storage/{key}"].get("503", 0) > 0
    assert len(list((tmp_path / "out").iterdir())) == 4, "failed attempts leave no temp files"


def test_broken_storage_is_a_storage_error_and_leaves_no_temp_file(
    sandbox: Sandbox, clio: ClioClient, matter_id: int, tmp_path: Path
) -> None:
    did = sandbox.admin.upload_document(matter_id, "a.txt", b"content")
    sandbox.admin.set_faults("GET:/storage/*=reset")
    out = tmp_path / "out"
    with pytest.raises(StorageError) as info:
        clio.download_document(did, out / "a.txt")
    assert "tried again" in info.value.user_message
    assert list(out.iterdir()) == []
    sandbox.admin.set_faults("PUT:/storage/*=500")
    src = tmp_path / "b.txt"
    src.write_bytes(b"bytes")
    with pytest.raises(StorageError):
        clio.upload_document(src, parent_id=matter_id)


def test_lost_commit_answer_is_verified_not_failed(sandbox: Sandbox, clio_factory: ClioFactory,
                                                   matter_id: int, tmp_path: Path) -> None:
    clio = clio_factory(sandbox, sleep=lambda _s: sandbox.admin.set_faults(None))
    sandbox.admin.set_faults("PATCH:/api/v4/documents/*=reset+after")
    src = tmp_path / "c.txt"
    src.write_bytes(b"commit me")
    up = clio.upload_document(src, parent_id=matter_id)
    assert up.document.latest_version is not None and up.document.latest_version.fully_uploaded
    assert [d.id for d in clio.documents(matter_id=matter_id)] == [up.document.id]


def test_ambiguous_create_leaves_one_findable_stub(sandbox: Sandbox, clio: ClioClient,
                                                   matter_id: int, tmp_path: Path) -> None:
    sandbox.admin.set_faults("POST:/api/v4/documents=reset+after")
    src = tmp_path / "d.txt"
    src.write_bytes(b"maybe created")
    with pytest.raises(AmbiguousCreateError):
        clio.upload_document(src, parent_id=matter_id, external_properties={"intent": "j-42"})
    sandbox.admin.set_faults(None)
    assert list(clio.documents(matter_id=matter_id)) == []  # stubs are invisible...
    stubs = list(clio.documents(external_property_name="intent", external_property_value="j-42",
                                show_uncompleted=True))  # ...unless asked for
    assert len(stubs) == 1
    assert sum(sandbox.admin.stats()["routes"]["POST /api/v4/documents"].values()) == 1


class PeakRss:
    """Samples this process's resident memory in a thread."""

    def __init__(self) -> None:
        self.proc = psutil.Process(os.getpid())
        self.baseline = self.proc.memory_info().rss
        self.peak = self.baseline
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self.proc.memory_info().rss)

    def __enter__(self) -> PeakRss:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()

    @property
    def growth(self) -> int:
        return self.peak - self.baseline


def test_200_mb_round_trip_with_bounded_memory(sandbox: Sandbox, clio: ClioClient,
                                               matter_id: int, tmp_path: Path) -> None:
    size = 200 * MiB + 123
    src = tmp_path / "big.bin"
    digest = make_file(src, size, seed=9)
    with PeakRss() as mem:
        up = clio.upload_document(src, parent_id=matter_id)
        dl = clio.download_document(up.document.id, tmp_path / "back" / "big.bin")
    assert up.sha256 == dl.sha256 == digest
    assert up.parts == 13  # multipart above 100 MB, 16 MiB parts
    assert dl.size == size
    # the sandbox runs in this process too; both sides stream in ~1 MiB pieces
    assert mem.growth < 64 * MiB, f"peak RSS grew {mem.growth / MiB:.1f} MiB"
