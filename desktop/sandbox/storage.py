"""The storage port: a stand-in for Clio's S3 bucket, on a second port like a different host.

* URLs are pre-signed (HMAC over method, key, expiry and the signed header values) and expire;
  ``put_url`` answers a ``PUT`` of exactly the ``put_headers`` Clio returned.
* Like S3 it refuses a second auth mechanism (a bearer ``Authorization`` header → 400
  ``InvalidArgument``), chunked uploads (501 ``NotImplemented``), a missing ``Content-Length``
  (411), a wrong ``Content-MD5`` (400 ``BadDigest``) and expired or altered URLs (403).
* Bytes are streamed to files (never held whole in memory): written to a temporary file and
  renamed into place when complete. A multipart upload is kept as its parts plus a small
  manifest and served by streaming the parts in order.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode
from xml.sax.saxutils import escape

from desktop.sandbox.faults import Rule
from desktop.sandbox.server import apply_faults
from desktop.sandbox.timeutil import now
from desktop.sandbox.wire import Request, Response

PREFIX = "/storage/"
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")


class BlobStore:
    """Files under one directory, named by key."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path(self, key: str) -> Path:
        if not _KEY.match(key) or key.endswith(".parts"):
            raise ValueError(f"bad blob key {key!r}")
        return self.root / key

    def _manifest(self, key: str) -> Path:
        return self.root / f"{key}.parts"

    def files(self, key: str) -> list[Path] | None:
        """The file(s) holding a blob, in order; None if it does not exist."""
        p = self.path(key)
        if p.is_file():
            return [p]
        m = self._manifest(key)
        if m.is_file():
            parts = [self.path(k) for k in json.loads(m.read_text())]
            return parts if all(x.is_file() for x in parts) else None
        return None

    def exists(self, key: str) -> bool:
        return self.files(key) is not None

    def size(self, key: str) -> int:
        files = self.files(key)
        return sum(f.stat().st_size for f in files) if files else 0

    def put_bytes(self, key: str, data: bytes) -> None:
        target = self.path(key)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".upload-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)

    def compose(self, key: str, part_keys: list[str]) -> None:
        """Make ``key`` the concatenation of parts (a manifest, no copy)."""
        for k in part_keys:
            self.path(k)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".manifest-")
        with os.fdopen(fd, "w") as fh:
            json.dump(part_keys, fh)
        os.replace(tmp, self._manifest(key))

    def copy(self, src: str, dst: str) -> None:
        files = self.files(src)
        if files is None:
            raise FileNotFoundError(src)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".copy-")
        with os.fdopen(fd, "wb") as out:
            for f in files:
                with open(f, "rb") as fh:
                    while chunk := fh.read(1024 * 1024):
                        out.write(chunk)
        os.replace(tmp, self.path(dst))

    def clear(self) -> None:
        """Delete every blob (``admin.reset``)."""
        for p in self.root.iterdir():
            if p.is_file():
                with contextlib.suppress(OSError):
                    p.unlink()

    def read(self, key: str) -> bytes:
        files = self.files(key)
        if files is None:
            raise FileNotFoundError(key)
        return b"".join(f.read_bytes() for f in files)


class Signer:
    """Pre-signed storage URLs (a simplified SigV4: HMAC-SHA256 over the request's essentials)."""

    def __init__(self, base_url: str, secret: bytes | None = None) -> None:
        self.base_url = base_url
        self.secret = secret or secrets.token_bytes(32)

    def _sig(
        self,
        method: str,
        key: str,
        date: str,
        expires: str,
        headers: list[tuple[str, str]],
        extra: list[tuple[str, str]],
    ) -> str:
        parts = [method, key, date, expires]
        parts += [f"{k}:{v.strip()}" for k, v in headers]
        parts += [f"{k}={v}" for k, v in sorted(extra)]
        return hmac.new(self.secret, "\n".join(parts).encode(), hashlib.sha256).hexdigest()

    def sign(
        self,
        method: str,
        key: str,
        ttl: int,
        headers: dict[str, str] | None = None,
        extra: dict[str, str] | None = None,
    ) -> str:
        hdrs = sorted((k.lower(), v) for k, v in (headers or {}).items())
        date = datetime.fromtimestamp(int(now()), tz=UTC).strftime("%Y%m%dT%H%M%SZ")
        extra_items = sorted((extra or {}).items())
        q = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"),
            ("X-Amz-Credential", "SANDBOXKEY/sandbox/s3/aws4_request"),
            ("X-Amz-Date", date),
            ("X-Amz-Expires", str(ttl)),
            ("X-Amz-SignedHeaders", ";".join(["host", *[k for k, _ in hdrs]])),
            *extra_items,
            ("X-Amz-Signature", self._sig(method, key, date, str(ttl), hdrs, extra_items)),
        ]
        return f"{self.base_url}{PREFIX}{quote(key)}?{urlencode(q)}"

    def verify(self, req: Request, key: str) -> str | None:
        """None if the request carries a valid, unexpired signature; else an S3 error code."""
        q = dict(req.query)
        need = ("X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature")
        if not all(k in q for k in need):
            return "AccessDenied"
        try:
            issued = (
                datetime.strptime(q["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).timestamp()
            )
            ttl = int(q["X-Amz-Expires"])
        except ValueError:
            return "AuthorizationQueryParametersError"
        if now() > issued + ttl:
            return "Expired"
        names = [n for n in q["X-Amz-SignedHeaders"].split(";") if n and n != "host"]
        hdrs = [(n, req.header(n) or "") for n in sorted(names)]
        extra = [(k, v) for k, v in q.items() if not k.startswith("X-Amz-")]
        expected = self._sig(
            req.method, key, q["X-Amz-Date"], q["X-Amz-Expires"], hdrs, sorted(extra)
        )
        if not hmac.compare_digest(expected, q["X-Amz-Signature"]):
            return "SignatureDoesNotMatch"
        return None


def s3_error(status: int, code: str, message: str) -> Response:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{escape(code)}</Code><Message>{escape(message)}</Message>"
        f"<RequestId>{secrets.token_hex(8).upper()}</RequestId></Error>"
    )
    return Response(status, [("Content-Type", "application/xml")], body.encode())


_SIGNATURE_ERRORS = {
    "AccessDenied": (
        403,
        "AccessDenied",
        "Query-string authentication requires the Signature, Expires and AWSAccessKeyId parameters",
    ),
    "Expired": (403, "AccessDenied", "Request has expired"),
    "SignatureDoesNotMatch": (
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. "
        "Check your key and signing method.",
    ),
    "AuthorizationQueryParametersError": (
        400,
        "AuthorizationQueryParametersError",
        "Malformed X-Amz-Date or X-Amz-Expires",
    ),
}


def _fault(rule: Rule) -> Response:
    """An injected fault as S3 answers it."""
    if rule.kind == "reset":
        return Response(reset=True)
    codes = {
        500: ("InternalError", "We encountered an internal error. Please try again."),
        502: ("BadGateway", "Bad Gateway"),
        503: ("SlowDown", "Please reduce your request rate."),
        429: ("SlowDown", "Please reduce your request rate."),
    }
    code, message = codes[rule.status]
    resp = s3_error(rule.status, code, message)
    if rule.status == 429:
        resp.set_header("Retry-After", "1")
    return resp


class StorageApp:
    """``handle(request) -> response`` for the storage port."""

    def __init__(self, core: Any) -> None:
        self.core = core

    def handle(self, req: Request) -> Response:
        if not req.path.startswith(PREFIX):
            return s3_error(404, "NoSuchBucket", "The specified bucket does not exist")
        name = f"{req.method} {PREFIX}{{key}}"
        return apply_faults(self.core, req, name, lambda: self._handle(req), _fault)

    def _handle(self, req: Request) -> Response:
        key = req.path[len(PREFIX) :]
        blobs: BlobStore = self.core.blobs
        try:
            blobs.path(key)
        except ValueError:
            return s3_error(400, "InvalidURI", "Couldn't parse the specified URI.")
        if req.header("Authorization"):
            return s3_error(
                400,
                "InvalidArgument",
                "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, "
                "Signature query string parameter or the Authorization header should be specified",
            )
        if req.method not in ("PUT", "GET", "HEAD"):
            return s3_error(
                405,
                "MethodNotAllowed",
                "The specified method is not allowed against this resource.",
            )
        problem = self.core.signer.verify(req, key)
        if problem is not None:
            return s3_error(*_SIGNATURE_ERRORS[problem])
        if req.method == "PUT":
            return self._put(req, key)
        files = blobs.files(key)
        if files is None:
            return s3_error(404, "NoSuchKey", "The specified key does not exist.")
        size = sum(f.stat().st_size for f in files)
        self.core.stats.count("bytes_downloaded", size)
        headers = [("Content-Type", req.q("response-content-type") or "application/octet-stream")]
        if req.q("response-content-disposition"):
            headers.append(("Content-Disposition", req.q("response-content-disposition") or ""))
        return Response(200, headers, files=files, file_size=size)

    def _put(self, req: Request, key: str) -> Response:
        if req.chunked:
            resp = s3_error(
                501,
                "NotImplemented",
                "A header you provided implies functionality that is not implemented",
            )
            resp.close = True
            return resp
        if req.content_length is None:
            return s3_error(
                411, "MissingContentLength", "You must provide the Content-Length HTTP header."
            )
        blobs: BlobStore = self.core.blobs
        target = blobs.path(key)
        md5 = hashlib.md5()
        fd, tmp = tempfile.mkstemp(dir=blobs.root, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as out:
                got = req.stream_to(out, req.content_length, md5.update)
            if got != req.content_length:
                resp = s3_error(
                    400,
                    "IncompleteBody",
                    "You did not provide the number of bytes specified by the Content-Length "
                    "HTTP header",
                )
                resp.close = True
                return resp
            sent_md5 = req.header("Content-MD5")
            if sent_md5 is not None and sent_md5.strip() != base64.b64encode(md5.digest()).decode():
                return s3_error(
                    400,
                    "BadDigest",
                    "The Content-MD5 you specified did not match what we received.",
                )
            os.replace(tmp, target)
            tmp = ""
        finally:
            if tmp:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self.core.stats.count("bytes_uploaded", req.content_length)
        return Response(200, [("ETag", f'"{md5.hexdigest()}"')])
