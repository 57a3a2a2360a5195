"""The one-shot loopback listener that receives Clio's redirect after the browser sign-in.

It binds ``127.0.0.1:<port>`` *before* the browser opens (so a busy port fails at once with
:class:`PortInUseError`), answers every request with a small page, and ends at the first
request to the callback path: a valid code is returned; a denial, a foreign ``state`` or a
malformed answer raise. Other paths (``/favicon.ico``…) get 404 and are ignored. :meth:`wait`
gives up after a timeout or when :meth:`cancel` is called from another thread.
"""

from __future__ import annotations

import errno
import html
import os
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from socketserver import ThreadingMixIn
from urllib.parse import urlsplit

from desktop.clio.errors import (
    ClioError,
    PortInUseError,
    SignInCancelled,
    SignInError,
    SignInTimeout,
)
from desktop.clio.oauth import parse_callback
from desktop.messages import msg

CALLBACK_PATH = "/callback"
LOOPBACK_HOST = "127.0.0.1"

_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:system-ui,sans-serif;max-width:34em;margin:4em auto;padding:0 1em}}
</style></head><body><h1>{title}</h1><p>{text}</p></body></html>"""


class _Server(ThreadingMixIn, HTTPServer):
    daemon_threads = True
    block_on_close = False
    # SO_REUSEADDR lets a new sign-in start while an old socket lingers in TIME_WAIT; on
    # Windows it would let another program share the port, so use exclusive use there.
    allow_reuse_address = os.name != "nt"

    def server_bind(self) -> None:
        if os.name == "nt" and hasattr(socket, "SO_EXCLUSIVEADDRUSE"):
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
        super().server_bind()


class LoopbackListener:
    """Listen on ``127.0.0.1:port`` for one OAuth callback. Use as a context manager."""

    def __init__(self, port: int, *, path: str = CALLBACK_PATH) -> None:
        self.port = port
        self.path = path
        self._cancel = threading.Event()
        self._result: str | ClioError | None = None
        self._lock = threading.Lock()
        self._claimed = False
        listener = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "prolegis-desktop"
            sys_version = ""
            timeout = 10  # an idle pre-connected browser socket must not hold a thread forever

            def do_GET(self) -> None:
                listener._handle(self)

            def log_message(self, format: str, *args: object) -> None:
                pass  # the query carries the code: never log it

        try:
            self._server = _Server((LOOPBACK_HOST, port), Handler)
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES, getattr(errno, "WSAEADDRINUSE", -1)):
                raise PortInUseError(port) from None
            raise SignInError(f"cannot listen on {LOOPBACK_HOST}:{port}: {exc}") from None
        self._server.timeout = 0.1
        self._expected_state: str | None = None

    @property
    def redirect_uri(self) -> str:
        return f"http://{LOOPBACK_HOST}:{self.port}{self.path}"

    def expect_state(self, state: str) -> None:
        """The ``state`` of the sign-in this listener serves (set before the browser opens)."""
        self._expected_state = state

    def cancel(self) -> None:
        """End :meth:`wait` with :class:`SignInCancelled` (safe from any thread)."""
        self._cancel.set()

    def wait(self, timeout: float) -> str:
        """Serve until the callback arrives; return its code or raise. Closes the listener."""
        if self._expected_state is None:
            raise RuntimeError("expect_state() must be called before wait()")
        deadline = time.monotonic() + timeout
        try:
            while self._result is None:
                if self._cancel.is_set():
                    raise SignInCancelled("sign-in cancelled")
                if time.monotonic() >= deadline:
                    minutes = max(1, round(timeout / 60))
                    raise SignInTimeout(
                        f"no callback within {timeout:.0f} s",
                        user_template=msg(
                            "No answer came back from the browser within {n} minute(s). Start "
                            "the sign-in again and finish it in the Clio page.",
                            n=minutes,
                        ),
                    )
                self._server.handle_request()
            if isinstance(self._result, ClioError):
                raise self._result
            return self._result
        finally:
            self.close()

    def close(self) -> None:
        self._server.server_close()

    def __enter__(self) -> LoopbackListener:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ request handling

    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(req.path)
        with self._lock:
            first = (parts.path == self.path and not self._claimed
                     and self._expected_state is not None)
            self._claimed = self._claimed or first
        if not first:
            self._reply(req, 404, "Not found", "This address is only used for signing in.")
            return
        assert self._expected_state is not None
        outcome: str | ClioError
        try:
            outcome = parse_callback(parts.query, self._expected_state)
        except ClioError as exc:
            outcome = exc
            self._reply(req, 400, "Sign-in not completed", exc.user_message)
        else:
            self._reply(req, 200, "Signed in to Clio",
                        "You can close this tab and return to Prolegis Desktop.")
        self._result = outcome  # only after the page is sent: wait() may end the process

    @staticmethod
    def _reply(req: BaseHTTPRequestHandler, status: int, title: str, text: str) -> None:
        body = _PAGE.format(title=html.escape(title), text=html.escape(text)).encode("utf-8")
        req.send_response(status)  # buffered until end_headers()
        req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("Content-Length", str(len(body)))
        req.send_header("Cache-Control", "no-store")
        req.send_header("Referrer-Policy", "no-referrer")
        req.send_header("Connection", "close")
        try:
            req.end_headers()
            req.wfile.write(body)
        except OSError:
            pass  # the browser went away; the outcome stands
