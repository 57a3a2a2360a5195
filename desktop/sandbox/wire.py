"""HTTP plumbing shared by the API and storage servers.

A threaded HTTP/1.1 server bound to loopback with keep-alive, one write per small response
(headers and body together, ``TCP_NODELAY``), request bodies read on demand (so the storage
server can stream uploads to disk), connection resets on request (fault injection), and a
:meth:`LoopbackServer.close_connections` that ends idle keep-alive connections at shutdown.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import socket
import socketserver
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, BinaryIO, Protocol
from urllib.parse import parse_qsl, urlsplit

log = logging.getLogger(__name__)

MAX_SMALL_BODY = 16 * 1024 * 1024
_DRAIN_LIMIT = 1024 * 1024

REASONS = {
    303: "See Other",
    410: "Gone",
    412: "Precondition Failed",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
}


class BodyError(Exception):
    """The request body could not be read (too large, malformed chunking)."""


class Request:
    """One parsed request. The body is read lazily: :meth:`body` for small bodies,
    :meth:`stream_to` for uploads."""

    def __init__(self, handler: BaseHTTPRequestHandler) -> None:
        self._h = handler
        parts = urlsplit(handler.path)
        self.method: str = handler.command
        self.path: str = parts.path
        self.raw_query: str = parts.query
        self.query: list[tuple[str, str]] = parse_qsl(parts.query, keep_blank_values=True)
        self.headers: Message = handler.headers
        self.client_ip: str = handler.client_address[0]
        self._body: bytes | None = None
        self.body_consumed = False
        te = (self.headers.get("Transfer-Encoding") or "").lower()
        self.chunked = "chunked" in te
        cl = self.headers.get("Content-Length")
        self.content_length: int | None = int(cl) if cl and cl.strip().isdigit() else None

    # -- query --------------------------------------------------------------------------------
    def q(self, name: str) -> str | None:
        """The last value of a query parameter, or None."""
        value = None
        for k, v in self.query:
            if k == name:
                value = v
        return value

    def q_all(self, name: str) -> list[str]:
        return [v for k, v in self.query if k == name]

    def header(self, name: str) -> str | None:
        return self.headers.get(name)

    # -- body ---------------------------------------------------------------------------------
    def body(self, limit: int = MAX_SMALL_BODY) -> bytes:
        """The whole body (chunked or not), at most ``limit`` bytes."""
        if self._body is not None:
            return self._body
        self.body_consumed = True
        rfile = self._h.rfile
        if self.chunked:
            chunks: list[bytes] = []
            total = 0
            while True:
                line = rfile.readline(1024)
                try:
                    size = int(line.split(b";")[0].strip() or b"x", 16)
                except ValueError as exc:
                    raise BodyError("malformed chunked body") from exc
                if size == 0:
                    while rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    break
                total += size
                if total > limit:
                    raise BodyError("body too large")
                chunks.append(rfile.read(size))
                rfile.readline(8)
            self._body = b"".join(chunks)
        else:
            n = self.content_length or 0
            if n > limit:
                raise BodyError("body too large")
            self._body = rfile.read(n) if n else b""
        return self._body

    def json(self) -> Any:
        raw = self.body()
        return json.loads(raw.decode("utf-8")) if raw.strip() else None

    def stream_to(self, out: BinaryIO, length: int, on_chunk: Callable[[bytes], None]) -> int:
        """Copy exactly ``length`` body bytes to ``out``; returns the count (short on EOF)."""
        self.body_consumed = True
        rfile = self._h.rfile
        left = length
        while left > 0:
            chunk = rfile.read(min(left, 1024 * 1024))
            if not chunk:
                break
            on_chunk(chunk)
            out.write(chunk)
            left -= len(chunk)
        return length - left


@dataclass
class Response:
    """What a handler answers. ``files`` are streamed one after the other as the body (a
    multipart upload is served from its parts); ``reset`` ends the
    connection with a TCP reset instead of answering."""

    status: int = 200
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    files: list[Path] = field(default_factory=list)
    file_size: int = 0
    reset: bool = False
    close: bool = False

    @classmethod
    def json(
        cls, status: int, payload: Any, headers: list[tuple[str, str]] | None = None
    ) -> Response:
        body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        hdrs = [("Content-Type", "application/json; charset=utf-8"), *(headers or [])]
        return cls(status, hdrs, body)

    @classmethod
    def text(
        cls, status: int, text: str, content_type: str = "text/plain; charset=utf-8"
    ) -> Response:
        return cls(status, [("Content-Type", content_type)], text.encode("utf-8"))

    def set_header(self, name: str, value: str) -> None:
        low = name.lower()
        self.headers = [(k, v) for k, v in self.headers if k.lower() != low]
        self.headers.append((name, value))

    def get_header(self, name: str) -> str | None:
        low = name.lower()
        for k, v in self.headers:
            if k.lower() == low:
                return v
        return None


class App(Protocol):
    def handle(self, request: Request) -> Response: ...


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "ClioSandbox/1"
    sys_version = ""
    disable_nagle_algorithm = True
    timeout = 120
    server: LoopbackServer

    def setup(self) -> None:
        super().setup()
        self.server.track(self.connection, True)

    def finish(self) -> None:
        with contextlib.suppress(OSError):
            super().finish()
        self.server.track(self.connection, False)

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError, OSError):
            self.close_connection = True

    def _dispatch(self) -> None:
        req = Request(self)
        try:
            resp = self.server.app.handle(req)
        except BodyError as exc:
            resp = Response.json(400, {"error": {"type": "ArgumentError", "message": str(exc)}})
            resp.close = True
        except (ConnectionError, TimeoutError):
            raise
        except Exception:  # a sandbox bug: answer 500 and keep serving
            log.exception("sandbox error on %s %s", req.method, req.path)
            resp = Response.json(
                500, {"error": {"type": "InternalServerError", "message": "sandbox error"}}
            )
            resp.close = True
        if resp.reset:
            self._reset()
            return
        if not req.body_consumed and (req.chunked or (req.content_length or 0) > 0):
            if req.chunked or (req.content_length or 0) > _DRAIN_LIMIT:
                resp.close = True
            else:
                self.rfile.read(req.content_length or 0)
        self._write(resp, head_only=self.command == "HEAD")

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _dispatch

    def _write(self, resp: Response, head_only: bool = False) -> None:
        reason = REASONS.get(resp.status) or self.responses.get(resp.status, ("",))[0]
        lines = [f"HTTP/1.1 {resp.status} {reason}"]
        lines.append(f"Date: {self.date_time_string()}")
        lines.append(f"Server: {self.server_version}")
        for k, v in resp.headers:
            lines.append(f"{k}: {v}")
        length = resp.file_size if resp.files else len(resp.body)
        if resp.status not in (204, 304):
            lines.append(f"Content-Length: {length}")
        if resp.close or self.close_connection:
            lines.append("Connection: close")
            self.close_connection = True
        head = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
        if not resp.files:
            payload = b"" if head_only or resp.status in (204, 304) else resp.body
            self.wfile.write(head + payload)
        else:
            self.wfile.write(head)
            if not head_only:
                for path in resp.files:
                    with open(path, "rb") as fh:
                        shutil.copyfileobj(fh, self.wfile, 1024 * 1024)

    def _reset(self) -> None:
        """End the connection with a TCP RST (SO_LINGER 0), as a dropped connection looks."""
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()


class LoopbackServer(ThreadingHTTPServer):
    """A threaded HTTP/1.1 server on a loopback address, answering with ``app.handle``."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, host: str, port: int, app: App) -> None:
        self.app = app
        self._conns: set[socket.socket] = set()
        self._conns_lock = threading.Lock()
        super().__init__((host, port), _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind calls socket.getfqdn, a DNS lookup that can take seconds.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def track(self, conn: socket.socket, alive: bool) -> None:
        with self._conns_lock:
            if alive:
                self._conns.add(conn)
            else:
                self._conns.discard(conn)

    def close_connections(self) -> None:
        """Shut down every open connection (idle keep-alive ones included)."""
        with self._conns_lock:
            conns = list(self._conns)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def serve_in_thread(self, name: str) -> threading.Thread:
        t = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, name=name)
        t.daemon = True
        t.start()
        return t

    def stop(self) -> None:
        self.shutdown()
        self.close_connections()
        self.server_close()
