"""The HTTP client: OS trust store, proxy variables honoured, loopback always direct."""

from __future__ import annotations

import socket
import threading

import httpx
import pytest
import truststore

from desktop.clio.httpclient import make_http_client, ssl_context, user_agent
from desktop.sandbox import Sandbox


def test_tls_uses_the_os_trust_store() -> None:
    assert isinstance(ssl_context(), truststore.SSLContext)


def test_user_agent_names_the_app_and_version() -> None:
    from desktop import __version__

    assert user_agent().startswith(f"prolegis-desktop/{__version__} (")


class FakeProxy:
    """A loopback 'proxy' that records the first request line and refuses it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.seen: list[str] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        try:
            conn, _ = self.sock.accept()
        except OSError:
            return
        with conn:
            data = conn.recv(4096).decode("latin-1")
            self.seen.append(data.split("\r\n", 1)[0])
            conn.sendall(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self.sock.close()


def test_proxy_variables_are_used_for_clio(monkeypatch: pytest.MonkeyPatch) -> None:
    proxy = FakeProxy()
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{proxy.port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    try:
        with make_http_client() as http, pytest.raises(httpx.ProxyError):
            http.get("https://ca.app.clio.com/api/v4/users/who_am_i.json")
    finally:
        proxy.close()
    assert proxy.seen == ["CONNECT ca.app.clio.com:443 HTTP/1.1"]


def test_loopback_is_never_proxied(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    with make_http_client() as http:
        resp = http.get(f"{sandbox.base_url}/api/v4/users/who_am_i.json")
    assert resp.status_code == 401  # reached the sandbox itself (no token sent)
