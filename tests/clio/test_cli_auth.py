"""``login`` / ``whoami`` / ``logout`` as separate processes against ``sandbox --auto-approve``:
the printed address opened by a plain HTTP client completes the sign-in, and a new process
knows who is signed in."""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from desktop.cli import main
from desktop.sandbox import DEFAULT_USER_EMAIL, DEFAULT_USER_NAME, Sandbox
from desktop.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cli(*args: str, home: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("PROLEGIS_DESKTOP_HOME", None)
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--home", str(home), *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def lines_of(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    q: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            q.put(line.rstrip("\n"))
        q.put("")

    threading.Thread(target=pump, daemon=True).start()
    return q


@pytest.fixture
def sandbox_process(tmp_path: Path) -> Iterator[str]:
    proc = cli("sandbox", "--auto-approve", home=tmp_path / "sandbox-home")
    out = lines_of(proc)
    first = out.get(timeout=60)
    assert first.startswith("Clio sandbox: http://127.0.0.1:"), first
    yield first.split(": ", 1)[1].strip()
    proc.terminate()
    proc.wait(30)


def test_login_with_any_http_client_then_whoami_in_a_new_process(
    sandbox_process: str, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    port = free_port()
    assert (
        subprocess.run(
            [
                sys.executable,
                "-m",
                "desktop",
                "--home",
                str(home),
                "config",
                "set",
                "oauth_port",
                str(port),
            ],
            cwd=ROOT,
            check=False,
        ).returncode
        == 0
    )
    login = cli("login", "--clio-url", sandbox_process, "--no-browser", home=home)
    out = lines_of(login)
    url = ""
    seen = []
    while not url:
        line = out.get(timeout=60)
        seen.append(line)
        assert line or login.poll() is None, seen
        if line.startswith("http"):
            url = line
    assert url.startswith(f"{sandbox_process}/oauth/authorize?")
    page = httpx.get(url, follow_redirects=True, timeout=30, trust_env=False)
    assert page.status_code == 200 and "close this tab" in page.text
    assert login.wait(60) == 0, login.stderr.read() if login.stderr else ""
    rest = []
    while (line := out.get(timeout=10)) != "":
        rest.append(line)
    assert any(f"as {DEFAULT_USER_NAME} <{DEFAULT_USER_EMAIL}>" in x for x in rest), rest

    who = subprocess.run(
        [sys.executable, "-m", "desktop", "--home", str(home), "whoami"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert who.returncode == 0, who.stderr
    assert f"Name:  {DEFAULT_USER_NAME}" in who.stdout
    assert f"Email: {DEFAULT_USER_EMAIL}" in who.stdout
    assert f"Clio:  {sandbox_process}" in who.stdout
    tokens_file = home / "data" / "sandbox-tokens.json"
    assert tokens_file.exists()
    assert "client_secret" not in (home / "config" / "settings.json").read_text()

    bye = subprocess.run(
        [sys.executable, "-m", "desktop", "--home", str(home), "logout"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert bye.returncode == 0 and "revoked" in bye.stdout
    again = subprocess.run(
        [sys.executable, "-m", "desktop", "--home", str(home), "whoami"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert again.returncode == 1 and "not signed in" in again.stderr


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_busy_port_is_reported(
    sandbox: Sandbox, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        Settings(home / "config" / "settings.json").set("oauth_port", port)
        code, out, err = run_cli(["login", "--clio-url", sandbox.base_url, "--no-browser"], capsys)
    assert code == 1
    assert f"Port {port}" in err and "http" not in out


def test_plain_http_to_a_remote_host_is_a_usage_error(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["login", "--clio-url", "http://clio.example.com"], capsys)
    assert code == 2 and "https" in err


def test_region_without_an_app_explains_what_is_missing(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(["login", "--region", "us", "--no-browser"], capsys)
    assert code == 1 and "--client-id" in err


class LineSink:
    """A stdout that hands each printed line to a queue (to read the URL while login waits)."""

    def __init__(self) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self._buf = ""

    def write(self, text: str) -> int:
        self._buf += text
        while "\n" in self._buf:
            line, self._buf = self._buf.split("\n", 1)
            self.lines.put(line)
        return len(text)

    def flush(self) -> None:
        pass


def test_given_secret_is_kept_with_the_tokens_not_in_settings(
    sandbox: Sandbox, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Settings(home / "config" / "settings.json").set("oauth_port", free_port())
    sink = LineSink()
    monkeypatch.setattr(sys, "stdout", sink)
    result: dict[str, int] = {}
    t = threading.Thread(
        target=lambda: result.update(
            code=main(
                [
                    "login",
                    "--clio-url",
                    sandbox.base_url,
                    "--no-browser",
                    "--client-id",
                    "prolegis-desktop-sandbox",
                    "--client-secret",
                    "sandbox-secret",
                ]
            )
        )
    )
    t.start()
    while not (line := sink.lines.get(timeout=30)).startswith("http"):
        pass
    httpx.get(line, follow_redirects=True, timeout=30, trust_env=False)
    t.join(30)
    assert result["code"] == 0
    settings = (home / "config" / "settings.json").read_text()
    assert "sandbox-secret" not in settings and "prolegis-desktop-sandbox" in settings
    assert "sandbox-secret" in (home / "data" / "sandbox-tokens.json").read_text()


def test_timed_out_login_stores_nothing(
    sandbox: Sandbox, home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Settings(home / "config" / "settings.json").set("oauth_port", free_port())
    code, _, err = run_cli(
        [
            "login",
            "--clio-url",
            sandbox.base_url,
            "--no-browser",
            "--client-id",
            "prolegis-desktop-sandbox",
            "--client-secret",
            "sandbox-secret",
            "--timeout",
            "0.5",
        ],
        capsys,
    )
    assert code == 1 and "No answer" in err
    assert not (home / "data" / "sandbox-tokens.json").exists()
    assert "clio_url" not in (home / "config" / "settings.json").read_text()


def test_secret_from_standard_input_stays_off_the_command_line(
    sandbox: Sandbox, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    Settings(home / "config" / "settings.json").set("oauth_port", free_port())
    sink = LineSink()
    monkeypatch.setattr(sys, "stdout", sink)
    monkeypatch.setattr(sys, "stdin", io.StringIO("sandbox-secret\n"))
    result: dict[str, int] = {}
    argv = [
        "login",
        "--clio-url",
        sandbox.base_url,
        "--no-browser",
        "--client-id",
        "prolegis-desktop-sandbox",
        "--client-secret",
        "-",
    ]
    t = threading.Thread(target=lambda: result.update(code=main(argv)))
    t.start()
    while not (line := sink.lines.get(timeout=30)).startswith("http"):
        pass
    httpx.get(line, follow_redirects=True, timeout=30, trust_env=False)
    t.join(30)
    assert result["code"] == 0 and "sandbox-secret" not in " ".join(argv)
    assert "sandbox-secret" in (home / "data" / "sandbox-tokens.json").read_text()


def test_no_keychain_is_said_before_the_browser_opens(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        code, out, err = run_cli(
            [
                "login",
                "--region",
                "ca",
                "--no-browser",
                "--client-id",
                "firm-app",
                "--client-secret",
                "s3cret-value",
            ],
            capsys,
        )
    finally:
        keyring.set_keyring(previous)
    assert code == 1 and "keychain" in err.lower()
    assert "http" not in out  # no sign-in address was offered
