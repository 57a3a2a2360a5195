"""The one-shot loopback listener, driven over real HTTP."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from desktop.clio.errors import (
    AuthorizationDenied,
    PortInUseError,
    SignInCancelled,
    SignInTimeout,
    StateMismatchError,
)
from desktop.clio.loopback import LoopbackListener


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def listener() -> Iterator[LoopbackListener]:
    lst = LoopbackListener(free_port())
    lst.expect_state("S1")
    yield lst
    lst.close()


def wait_in_thread(lst: LoopbackListener, timeout: float = 10) -> dict[str, object]:
    out: dict[str, object] = {}

    def run() -> None:
        try:
            out["code"] = lst.wait(timeout)
        except Exception as exc:
            out["error"] = exc

    t = threading.Thread(target=run)
    t.start()
    out["thread"] = t
    return out


def get(url: str) -> httpx.Response:
    return httpx.get(url, timeout=5, trust_env=False)


def test_valid_callback_returns_code_and_closes(listener: LoopbackListener) -> None:
    out = wait_in_thread(listener)
    r = get(listener.redirect_uri + "?code=C0DE&state=S1")
    out["thread"].join(10)  # type: ignore[attr-defined]
    assert r.status_code == 200 and "close this tab" in r.text
    assert out["code"] == "C0DE"
    with pytest.raises(httpx.ConnectError):
        get(listener.redirect_uri + "?code=again&state=S1")


def test_other_paths_are_ignored(listener: LoopbackListener) -> None:
    out = wait_in_thread(listener)
    assert get(f"http://127.0.0.1:{listener.port}/favicon.ico").status_code == 404
    assert get(listener.redirect_uri + "x?code=1&state=S1").status_code == 404
    r = get(listener.redirect_uri + "?code=REAL&state=S1")
    out["thread"].join(10)  # type: ignore[attr-defined]
    assert r.status_code == 200
    assert out["code"] == "REAL"


def test_wrong_state_ends_with_a_clear_error(listener: LoopbackListener) -> None:
    out = wait_in_thread(listener)
    r = get(listener.redirect_uri + "?code=C0DE&state=EVIL")
    out["thread"].join(10)  # type: ignore[attr-defined]
    assert r.status_code == 400
    assert isinstance(out["error"], StateMismatchError)
    assert "old tab" in out["error"].user_message  # type: ignore[attr-defined]


def test_denial(listener: LoopbackListener) -> None:
    out = wait_in_thread(listener)
    r = get(listener.redirect_uri + "?error=access_denied&state=S1")
    out["thread"].join(10)  # type: ignore[attr-defined]
    assert r.status_code == 400 and "allow" in r.text
    assert isinstance(out["error"], AuthorizationDenied)


def test_busy_port_fails_before_anything_opens() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(PortInUseError) as info:
            LoopbackListener(port)
    assert str(port) in info.value.user_message
    assert "oauth_port" in info.value.user_message


def test_timeout(listener: LoopbackListener) -> None:
    started = time.monotonic()
    with pytest.raises(SignInTimeout):
        listener.wait(0.3)
    assert time.monotonic() - started < 5


def test_cancel_from_another_thread(listener: LoopbackListener) -> None:
    out = wait_in_thread(listener, timeout=30)
    time.sleep(0.1)
    listener.cancel()
    out["thread"].join(5)  # type: ignore[attr-defined]
    assert isinstance(out["error"], SignInCancelled)


def test_idle_preconnected_socket_does_not_block_the_callback(listener: LoopbackListener) -> None:
    out = wait_in_thread(listener)
    idle = socket.create_connection(("127.0.0.1", listener.port))  # like a browser preconnect
    try:
        r = get(listener.redirect_uri + "?code=C0DE&state=S1")
        out["thread"].join(10)  # type: ignore[attr-defined]
        assert r.status_code == 200 and out["code"] == "C0DE"
    finally:
        idle.close()


def test_port_is_free_again_after_a_sign_in(listener: LoopbackListener) -> None:
    out = wait_in_thread(listener)
    get(listener.redirect_uri + "?code=C0DE&state=S1")
    out["thread"].join(10)  # type: ignore[attr-defined]
    again = LoopbackListener(listener.port)
    again.close()
