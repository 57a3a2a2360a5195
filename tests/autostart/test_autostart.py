"""Start at login, written for real: the XDG entry (Linux), the LaunchAgent plist (any OS can
write and read it back), and the Windows Run key where Windows is available."""

from __future__ import annotations

import configparser
import plistlib
import sys
from pathlib import Path

import pytest

from desktop import autostart
from desktop.autostart import (
    LaunchAgentAutostart,
    XdgAutostart,
    autostart_enabled,
    autostart_for_platform,
    default_command,
    desktop_exec_line,
    set_autostart,
)


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cfg = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(cfg))
    return cfg


def _unquote_exec(line: str) -> list[str]:
    """Parse an Exec value the way the Desktop Entry spec says: the string escapes first, then
    arguments split on spaces, double-quoted ones with backslash escapes, then ``%%``."""
    value = line.replace("\\\\", "\\")
    args: list[str] = []
    i = 0
    while i < len(value):
        if value[i] == " ":
            i += 1
            continue
        cur = ""
        if value[i] == '"':
            i += 1
            while value[i] != '"':
                if value[i] == "\\":
                    i += 1
                cur += value[i]
                i += 1
            i += 1
        else:
            while i < len(value) and value[i] != " ":
                cur += value[i]
                i += 1
        args.append(cur.replace("%%", "%"))
    return args


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG autostart is Linux")
def test_platform_backend_honours_xdg_config_home(xdg: Path) -> None:
    backend = autostart_for_platform()
    assert isinstance(backend, XdgAutostart)
    assert not autostart_enabled()
    set_autostart(True, ["/opt/prolegis/prolegis-desktop"])
    entry = xdg / "autostart" / "prolegis-desktop.desktop"
    assert entry.is_file()
    assert autostart_enabled()
    set_autostart(False)
    assert not entry.exists()
    assert not autostart_enabled()


def test_xdg_entry_is_a_valid_desktop_file(xdg: Path) -> None:
    backend = XdgAutostart()
    backend.enable(["/usr/bin/python3", "-m", "desktop"])
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(backend.path, encoding="utf-8")
    main = parser["Desktop Entry"]
    assert main["Type"] == "Application"
    assert main["Name"] == "Prolegis Desktop"
    assert main["Exec"] == "/usr/bin/python3 -m desktop"
    assert main["X-GNOME-Autostart-enabled"] == "true"
    assert backend.is_enabled()


def test_xdg_exec_quotes_spaces_quotes_dollars_and_percent(xdg: Path) -> None:
    weird = [
        "/home/Marguerite Tremblay/Apps/prolegis desktop/bin/python",
        "-m",
        "desktop",
        "--home",
        '/tmp/a "quoted" $HOME `x` 100% back\\slash',
    ]
    backend = XdgAutostart()
    backend.enable(weird)
    line = backend.exec_line()
    assert line is not None
    assert _unquote_exec(line) == weird


def test_xdg_respects_a_user_disabled_entry(xdg: Path) -> None:
    backend = XdgAutostart()
    backend.enable(["prolegis-desktop"])
    text = backend.path.read_text(encoding="utf-8").replace(
        "X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"
    )
    backend.path.write_text(text, encoding="utf-8")
    assert not backend.is_enabled()
    backend.path.write_text("[Desktop Entry]\nExec=x\nHidden=true\n", encoding="utf-8")
    assert not backend.is_enabled()


def test_xdg_relative_config_home_is_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "relative/dir")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert XdgAutostart().path == tmp_path / ".config" / "autostart" / "prolegis-desktop.desktop"


def test_disable_when_never_enabled_is_harmless(xdg: Path) -> None:
    backend = XdgAutostart()
    backend.disable()
    assert not backend.is_enabled()


def test_unwritable_location_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "cfg"
    blocker.write_text("not a directory")
    backend = XdgAutostart(config_home=blocker)
    with pytest.raises(autostart.AutostartError) as info:
        backend.enable(["prolegis-desktop"])
    assert str(blocker) in str(info.value)


def test_launch_agent_round_trip(tmp_path: Path) -> None:
    backend = LaunchAgentAutostart(home=tmp_path)
    assert not backend.is_enabled()
    cmd = ["/Applications/Prolegis Desktop.app/Contents/MacOS/prolegis-desktop"]
    backend.enable(cmd)
    doc = plistlib.loads(backend.path.read_bytes())
    assert doc["Label"] == "ca.prolegis.desktop"
    assert doc["ProgramArguments"] == cmd
    assert doc["RunAtLoad"] is True
    assert backend.is_enabled()
    assert backend.program_arguments() == cmd
    backend.disable()
    assert not backend.path.exists()
    assert not backend.is_enabled()


def test_default_command_keeps_an_explicit_home(tmp_path: Path) -> None:
    cmd = default_command(tmp_path / "h")
    assert cmd[0] == sys.executable
    assert cmd[-4:] == ["--home", str((tmp_path / "h").resolve()), "gui", "--hidden"]


def test_exec_line_plain_words_stay_plain() -> None:
    assert desktop_exec_line(["prolegis-desktop", "--home", "/srv/x"]) == (
        "prolegis-desktop --home /srv/x"
    )


@pytest.mark.skipif(sys.platform != "win32", reason="the Run key exists only on Windows")
def test_windows_run_key_round_trip() -> None:  # pragma: no cover - Windows only
    backend = autostart.WindowsRunKeyAutostart()
    backend.value_name = "Prolegis Desktop (test)"
    try:
        backend.enable([r"C:\Program Files\Prolegis\prolegis-desktop.exe", "--home", r"C:\x y"])
        assert backend.is_enabled()
        assert backend.command_line() == (
            r'"C:\Program Files\Prolegis\prolegis-desktop.exe" --home "C:\x y"'
        )
    finally:
        backend.disable()
    assert not backend.is_enabled()
