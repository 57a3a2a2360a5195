"""Document upload and download, streamed from and to disk with bounded memory.

Upload (Clio's three steps): create the document stub (``POST /documents``) → PUT the bytes to
the pre-signed ``put_url`` with exactly its ``put_headers`` and a ``Content-Length`` (never the
Clio ``Authorization``) → commit (``PATCH … fully_uploaded: true``). Files at or above
``multipart_threshold`` go in parts (≥ 5 MiB each, at most 50 part URLs per request, more asked
for with ``fully_uploaded: false``). A new version of an existing document uses
``parent {type: Document}``. The sha256 is computed while the bytes are read for sending.

Download: ``GET /documents/{id}/download`` answers 303 with a storage URL; that URL is fetched
without the Clio token and streamed into a temporary file next to the target, hashing as it
goes. The caller renames the temp file into place (atomically) when it is ready.
"""

from __future__ import annotations

import logging
import mimetypes
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from desktop.clio.budget import Priority
from desktop.clio.errors import ClioError, ResponseFormatError, StorageError, ValidationError
from desktop.clio.jsonvalues import obj
from desktop.clio.records import FIELDS, Document, UploadPart
from desktop.clio.regions import is_loopback_host
from desktop.clio.retry import RETRYABLE_STATUS, RetryPolicy
from desktop.clio.session import ClioSession, decode_json
from desktop.clio.streams import CHUNK, HashingProgress, ProgressFn, read_range
from desktop.messages import msg

log = logging.getLogger(__name__)

MiB = 1024 * 1024
MIN_PART = 5 * MiB
MAX_PARTS = 10_000
PARTS_PER_REQUEST = 50
TEMP_PREFIX = ".prolegis-download-"
"""Temp files of downloads in progress start with this (the local watcher ignores them)."""


@dataclass(frozen=True)
class UploadResult:
    document: Document
    sha256: str
    size: int
    parts: int
    version_uuid: str = ""  # the version this upload made (another may be the latest already)


@dataclass(frozen=True)
class DownloadResult:
    """A finished download: ``path`` is a temp file beside the target, ready to be renamed."""

    path: Path
    sha256: str
    size: int


def _part_plan(size: int, part_size: int) -> list[tuple[int, int, int]]:
    """``(part_number, offset, length)`` for a multipart upload of ``size`` bytes."""
    part_size = max(part_size, MIN_PART, -(-size // MAX_PARTS))
    plan = []
    offset = 0
    number = 1
    while offset < size:
        length = min(part_size, size - offset)
        plan.append((number, offset, length))
        offset += length
        number += 1
    return plan


class Transfers:
    """Uploads and downloads for one :class:`ClioSession`."""

    def __init__(
        self,
        session: ClioSession,
        *,
        storage: httpx.Client | None = None,
        multipart_threshold: int = 100 * MiB,
        part_size: int = 16 * MiB,
        retry: RetryPolicy | None = None,
        chunk_size: int = CHUNK,
        parts_per_request: int = PARTS_PER_REQUEST,
    ) -> None:
        self._session = session
        self._storage = storage or session.http
        self.multipart_threshold = multipart_threshold
        self.part_size = max(part_size, MIN_PART)
        self._retry = retry or session.retry
        self._chunk = chunk_size
        self._batch = max(1, min(parts_per_request, PARTS_PER_REQUEST))

    # ------------------------------------------------------------------ upload

    def upload(
        self,
        path: Path,
        *,
        parent_type: str,
        parent_id: int,
        name: str | None = None,
        content_type: str | None = None,
        external_properties: Mapping[str, str] | None = None,
        progress: ProgressFn | None = None,
        priority: Priority | None = None,
    ) -> UploadResult:
        """Upload ``path`` as a new document in a ``Matter``/``Folder``/``Contact``, or as a new
        version of a ``Document`` (``parent_type="Document"``).

        The create is never repeated blindly: an ambiguous failure raises
        :class:`~desktop.clio.errors.AmbiguousCreateError`; look the stub up by its
        ``external_properties`` before trying again.
        """
        size = path.stat().st_size
        multipart = size >= self.multipart_threshold
        plan = _part_plan(size, self.part_size) if multipart else []
        data: dict[str, Any] = {
            "name": name or path.name,
            "parent": {"id": parent_id, "type": parent_type},
        }
        ctype = content_type or mimetypes.guess_type(path.name)[0]
        if ctype:
            data["content_type"] = ctype
        if external_properties:
            data["external_properties"] = [{"name": k, "value": v}
                                           for k, v in external_properties.items()]
        if multipart:
            data["multiparts"] = [{"part_number": n, "content_length": str(length)}
                                  for n, _, length in plan[:self._batch]]
        version_fields = "id,uuid,put_url,put_headers" + (",multiparts" if multipart else "")
        doc = self._session.json(
            "POST", "/documents.json",
            params={"fields": f"id,latest_document_version{{{version_fields}}}"},
            json={"data": data}, priority=priority,
        )
        stub = obj(doc.get("data")) or {}
        version = obj(stub.get("latest_document_version")) or {}
        doc_id, uuid = stub.get("id"), version.get("uuid")
        if not isinstance(doc_id, int) or not isinstance(uuid, str):
            raise ResponseFormatError("document create answer lacks id or version uuid")
        meter = HashingProgress(size, progress)
        if multipart:
            parts = [UploadPart.parse(p) for p in version.get("multiparts") or []
                     if isinstance(p, Mapping)]
            self._put_parts(path, doc_id, uuid, plan, parts, meter, priority)
        else:
            put_url = version.get("put_url")
            if not isinstance(put_url, str) or not put_url:
                raise ResponseFormatError("document create answer lacks put_url")
            headers = UploadPart.parse({"put_headers": version.get("put_headers")}).put_headers
            self._put(path, put_url, headers, 0, size, meter)
        digest = meter.hexdigest()
        if path.stat().st_size != size:
            raise StorageError(f"{path.name} changed size during upload",
                               user_template=msg("“{name}” changed while it was being sent to "
                                                 "Clio. It will be sent again once it stops "
                                                 "changing.", name=path.name))
        document = self._commit(doc_id, uuid, priority)
        return UploadResult(document=document, sha256=digest, size=size, parts=len(plan) or 1,
                            version_uuid=uuid)

    def _put_parts(self, path: Path, doc_id: int, uuid: str, plan: list[tuple[int, int, int]],
                   parts: list[UploadPart], meter: HashingProgress,
                   priority: Priority | None) -> None:
        urls = {p.part_number: p for p in parts}
        for index in range(0, len(plan), self._batch):
            batch = plan[index:index + self._batch]
            if any(n not in urls for n, _, _ in batch):
                more = self._session.json(
                    "PATCH", f"/documents/{doc_id}.json",
                    params={"fields": "id,latest_document_version{uuid,multiparts}"},
                    json={"data": {"uuid": uuid, "fully_uploaded": False, "multiparts": [
                        {"part_number": n, "content_length": str(length)}
                        for n, _, length in batch]}},
                    priority=priority, idempotent=True,
                )
                ver = obj((obj(more.get("data")) or {}).get("latest_document_version")) or {}
                for raw in ver.get("multiparts") or []:
                    if isinstance(raw, Mapping):
                        granted = UploadPart.parse(raw)
                        urls[granted.part_number] = granted
            for number, offset, length in batch:
                part = urls.get(number)
                if part is None or not part.put_url:
                    raise ResponseFormatError(f"no upload URL for part {number}")
                self._put(path, part.put_url, part.put_headers, offset, length, meter)

    def _put(self, path: Path, url: str, put_headers: tuple[tuple[str, str], ...],
             offset: int, length: int, meter: HashingProgress) -> None:
        """PUT one byte range to storage with exactly ``put_headers`` + Content-Length."""
        self._check_storage_url(url)
        headers = {k: v for k, v in put_headers if k.lower() != "content-length"}
        headers["Content-Length"] = str(length)
        assert not any(k.lower() == "authorization" for k in headers)
        attempt = 0
        while True:
            attempt += 1
            body = read_range(path, offset, length, meter, self._chunk)
            try:
                resp = self._storage.put(url, content=body, headers=headers)
            except httpx.TransportError as exc:
                if attempt < self._retry.max_attempts:
                    self._session_sleep(attempt)
                    continue
                raise StorageError(f"upload to storage failed: {type(exc).__name__}") from exc
            if resp.status_code < 300:
                return
            if resp.status_code in RETRYABLE_STATUS and attempt < self._retry.max_attempts:
                self._session_sleep(attempt)
                continue
            raise StorageError(
                f"storage PUT -> {resp.status_code}: {resp.text[:200]}",
                status=resp.status_code, expired=resp.status_code == 403,
            )

    def _commit(self, doc_id: int, uuid: str, priority: Priority | None) -> Document:
        """Mark the version fully uploaded; verify by reading back if the answer is lost."""
        params = {"fields": FIELDS[Document]}
        attempt = 0
        while True:
            attempt += 1
            try:
                doc = self._session.json(
                    "PATCH", f"/documents/{doc_id}.json", params=params,
                    json={"data": {"uuid": uuid, "fully_uploaded": True}},
                    priority=priority, idempotent=True,
                )
                return Document.parse(obj(doc.get("data")) or {})
            except ValidationError as exc:
                current = self._reread(doc_id, priority)
                if (current is not None and current.latest_version is not None
                        and current.latest_version.uuid == uuid
                        and current.latest_version.fully_uploaded):
                    return current  # an earlier attempt did commit
                if exc.error_type == "UploadTimeoutError" and attempt < self._retry.max_attempts:
                    self._session_sleep(attempt)
                    continue
                if exc.error_type == "UploadNotFoundError":
                    raise StorageError(f"commit: {exc}", status=exc.status,
                                       user_template=msg("Clio did not find the uploaded file in "
                                                         "its storage. It will be sent again.")
                                       ) from exc
                raise

    def _reread(self, doc_id: int, priority: Priority | None) -> Document | None:
        try:
            doc = self._session.json("GET", f"/documents/{doc_id}.json",
                                     params={"fields": FIELDS[Document]}, priority=priority)
        except ClioError:
            return None
        return Document.parse(obj(doc.get("data")) or {})

    # ------------------------------------------------------------------ download

    def download(
        self,
        document_id: int,
        target: Path,
        *,
        version_id: int | None = None,
        progress: ProgressFn | None = None,
        priority: Priority | None = None,
    ) -> DownloadResult:
        """Stream a document (its latest version unless ``version_id``) into a temp file in
        ``target``'s folder; return the temp path and the content's sha256."""
        attempt = 0
        while True:
            attempt += 1
            location = self._download_location(document_id, version_id, priority)
            try:
                return self._fetch(location, target, progress)
            except StorageError as exc:
                if attempt >= self._retry.max_attempts or not exc.retryable:
                    raise
                log.info("download of document %s failed (%s); retrying", document_id, exc)
                self._session_sleep(attempt)

    def _download_location(self, document_id: int, version_id: int | None,
                           priority: Priority | None) -> str:
        params = {"document_version_id": version_id} if version_id is not None else None
        resp = self._session.request("GET", f"/documents/{document_id}/download.json",
                                     params=params, priority=priority)
        location = resp.headers.get("location")
        if resp.status_code not in (302, 303, 307) or not location:
            decode_json(resp)  # surfaces a malformed answer
            raise ResponseFormatError(
                f"download of document {document_id} answered {resp.status_code} without a "
                "redirect to storage")
        return str(resp.url.join(location))

    def _fetch(self, url: str, target: Path, progress: ProgressFn | None) -> DownloadResult:
        self._check_storage_url(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=target.parent)
        tmp = Path(tmp_name)
        ok = False
        try:
            with os.fdopen(fd, "wb") as out:
                try:
                    with self._storage.stream("GET", url) as resp:
                        if resp.status_code != 200:
                            resp.read()
                            raise StorageError(
                                f"storage GET -> {resp.status_code}", status=resp.status_code,
                                expired=resp.status_code == 403)
                        expected = resp.headers.get("content-length")
                        if resp.headers.get("content-encoding"):
                            expected = None  # the length is of the encoded body
                        total = int(expected) if expected and expected.isdigit() else 0
                        meter = HashingProgress(total, progress)
                        written = 0
                        for chunk in resp.iter_bytes(self._chunk):
                            out.write(chunk)
                            meter.feed(written, chunk)
                            written += len(chunk)
                except httpx.TransportError as exc:
                    raise StorageError(f"download from storage failed: {type(exc).__name__}") \
                        from exc
                if expected and expected.isdigit() and written != int(expected):
                    raise StorageError(f"download ended after {written} of {expected} bytes")
                meter.total = written
                out.flush()
                os.fsync(out.fileno())
            ok = True
            return DownloadResult(path=tmp, sha256=meter.hexdigest(), size=written)
        finally:
            if not ok:
                tmp.unlink(missing_ok=True)

    # ------------------------------------------------------------------ helpers

    def _check_storage_url(self, url: str) -> None:
        parsed = httpx.URL(url)
        if parsed.scheme == "https" or (parsed.scheme == "http" and is_loopback_host(parsed.host)):
            return
        raise StorageError(f"refusing insecure storage URL scheme {parsed.scheme!r}",
                           user_template=msg("Clio sent a document storage address that is not "
                                             "secure (https); the transfer was stopped."))

    def _session_sleep(self, attempt: int) -> None:
        self._session.sleep(self._retry.delay(attempt, self._session.rng))
