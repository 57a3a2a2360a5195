"""``prolegis-desktop sandbox`` as a process: first stdout line, sign-in over HTTP, clean exit
0 on SIGTERM and SIGINT, usage errors, ``--data`` persistence."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from desktop.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

ROOT = Path(__file__).resolve().parents[2]


def start(*args: str) -> tuple[subprocess.Popen[str], str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "sandbox", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().strip()
    prefix = "Clio sandbox: "
    if not first.startswith(prefix):
        proc.kill()
        _, err = proc.communicate(timeout=10)
        raise AssertionError(f"unexpected first line {first!r}; stderr: {err}")
    return proc, first[len(prefix) :]


def sign_in(base: str) -> str:
    redirect = "http://127.0.0.1:5678/callback"
    resp = httpx.get(
        f"{base}/oauth/authorize",
        params={
            "response_type": "code",
            "client_id": DEFAULT_CLIENT_ID,
            "redirect_uri": redirect,
            "state": "s",
        },
    )
    assert resp.status_code == 302
    code = parse_qs(urlsplit(resp.headers["Location"]).query)["code"][0]
    tokens = httpx.post(
        f"{base}/oauth/token",
        data={
            "grant_type": "authorization_code",
            "code": code,
            "client_id": DEFAULT_CLIENT_ID,
            "client_secret": DEFAULT_CLIENT_SECRET,
            "redirect_uri": redirect,
        },
    ).json()
    return str(tokens["access_token"])


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serves_until_signal_then_exits_0(sig: signal.Signals) -> None:
    proc, base = start("--auto-approve", "--rate-limit", "1000")
    try:
        assert urlsplit(base).hostname == "127.0.0.1" and urlsplit(base).port
        token = sign_in(base)
        me = httpx.get(
            f"{base}/api/v4/users/who_am_i",
            params={"fields": "name"},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert me.json() == {"data": {"name": "Jane Doe"}}
    finally:
        proc.send_signal(sig)
        assert proc.wait(timeout=10) == 0


def test_options_are_applied(tmp_path: Path) -> None:
    proc, base = start(
        "--rate-limit",
        "2",
        "--rate-window",
        "30",
        "--client-id",
        "my-app",
        "--client-secret",
        "s3cret",
        "--token-lifetime",
        "120",
        "--data",
        str(tmp_path),
    )
    try:
        page = httpx.get(
            f"{base}/oauth/authorize",
            params={
                "response_type": "code",
                "client_id": "my-app",
                "redirect_uri": "http://127.0.0.1:1/cb",
            },
        )
        assert page.status_code == 200 and "Approve" in page.text  # no --auto-approve: consent page
        assert (
            httpx.get(
                f"{base}/oauth/authorize",
                params={
                    "response_type": "code",
                    "client_id": DEFAULT_CLIENT_ID,
                    "redirect_uri": "http://127.0.0.1:1/cb",
                },
            ).status_code
            == 400
        )
        codes = [
            httpx.get(
                f"{base}/api/v4/users/who_am_i", headers={"Authorization": "Bearer x"}
            ).status_code
            for _ in range(3)
        ]
        assert codes == [401, 401, 429]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    assert (tmp_path / "state.json").is_file()


@pytest.mark.parametrize(
    "args", [["--host", "192.0.2.1"], ["--faults", "bad"], ["--rate-limit", "0"], ["--port", "x"]]
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "sandbox", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=30,
    )
    assert done.returncode == 2
    assert done.stderr.strip()
