"""``config get/set/list`` round trip through the settings file, with typed values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def test_set_then_get_in_a_new_process_reads_the_file(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["config", "set", "activity_authors", "jdoe, mtremblay"]) == 0
    assert main(["config", "set", "poll_interval", "90"]) == 0
    assert main(["config", "set", "paused", "yes"]) == 0
    capsys.readouterr()
    assert main(["config", "get", "activity_authors"]) == 0
    assert capsys.readouterr().out.strip() == "jdoe, mtremblay"
    saved = json.loads((home / "config" / "settings.json").read_text())
    assert saved["poll_interval"] == 90 and saved["paused"] is True


def test_bad_values_are_usage_errors(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["config", "set", "poll_interval", "soon"]) == 2
    assert "whole number" in capsys.readouterr().err
    assert main(["config", "set", "conflict_policy", "coin_toss"]) == 2
    assert main(["config", "set", "no_such_key", "1"]) == 2
    assert main(["config", "get", "no_such_key"]) == 2


def test_list_json_has_schema(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--home", str(home), "config", "list", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "prolegis-desktop/config/1"
    assert out["settings"]["region"] == "ca"


def test_values_that_would_break_the_app_are_refused(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for key, value in [
        ("clio_url", "http://evil.example"),
        ("oauth_port", "99999"),
        ("oauth_port", "0"),
        ("poll_interval", "-5"),
    ]:
        assert main(["config", "set", key, value]) == 2, (key, value)
    err = capsys.readouterr().err
    assert "plain http" in err and "between 1024 and 65535" in err
    assert main(["config", "set", "clio_url", "http://127.0.0.1:53100"]) == 0
    assert main(["config", "set", "poll_interval", "120"]) == 0


def test_a_hand_edited_bad_url_is_a_clear_error(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (home / "config").mkdir(exist_ok=True)
    (home / "config" / "settings.json").write_text(
        '{"clio_url": "http://evil.example", "workspace": "/tmp"}'
    )
    assert main(["status"]) == 1
    assert "not usable" in capsys.readouterr().err


def test_clio_unreachable_is_one_line_not_a_traceback(
    sandbox_factory,
    harness_factory,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    sb = sandbox_factory()
    h = harness_factory(sb, records=False, documents=False)
    h.builder.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    h.builder.write()
    sb.stop()
    capsys.readouterr()
    for args in (["clients", "match"], ["matters", "suggest", "m-1"]):
        code = main(["--home", str(h.paths.home), *args])
        err = capsys.readouterr().err
        assert code == 1, args
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_autostart_registers_a_real_login_entry(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    entry = tmp_path / "xdg" / "autostart" / "prolegis-desktop.desktop"
    assert main(["config", "set", "autostart", "true"]) == 0
    text = entry.read_text()
    assert "gui --hidden" in text and str(home) in text
    assert main(["config", "set", "autostart", "false"]) == 0
    assert not entry.exists()
