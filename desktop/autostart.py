"""Start at login: one entry per platform, written and removed for real, no Qt.

* Linux and other XDG desktops: ``$XDG_CONFIG_HOME/autostart/prolegis-desktop.desktop``
  (``~/.config`` when the variable is unset), as the XDG Autostart specification says.
* Windows: the value ``Prolegis Desktop`` under ``HKCU\\Software\\Microsoft\\Windows\\
  CurrentVersion\\Run``.
* macOS: a LaunchAgent ``~/Library/LaunchAgents/ca.prolegis.desktop.plist`` with ``RunAtLoad``.

:func:`autostart_for_platform` picks the right one; every backend has ``is_enabled()``,
``enable(command)`` and ``disable()``. ``command`` is the argument list that starts the app
(:func:`default_command` builds it for a frozen build or a virtualenv install).
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

ENTRY_NAME = "prolegis-desktop"
DISPLAY_NAME = "Prolegis Desktop"
MAC_LABEL = "ca.prolegis.desktop"
WINDOWS_RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


class AutostartError(OSError):
    """The login entry could not be written or removed; the message says where and why."""


class Autostart(Protocol):
    """Turns starting at login on and off for the current user."""

    def is_enabled(self) -> bool: ...
    def enable(self, command: Sequence[str]) -> None: ...
    def disable(self) -> None: ...
    @property
    def location(self) -> str: ...


def default_command(home: str | os.PathLike[str] | None = None) -> list[str]:
    """The command that starts the app at login, in the tray: the frozen executable, or this
    Python with ``-m desktop``, then ``gui --hidden``. ``home`` adds ``--home DIR`` so a
    non-default home is kept."""
    frozen = bool(getattr(sys, "frozen", False))
    cmd = [sys.executable] if frozen else [sys.executable, "-m", "desktop"]
    if home is not None:
        cmd += ["--home", str(Path(home).expanduser().resolve())]
    return [*cmd, "gui", "--hidden"]  # at login: the tray icon, not the window


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------- XDG (Linux, BSD)

_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def desktop_exec_quote(arg: str) -> str:
    """Quote one argument for a desktop entry's ``Exec`` key (Desktop Entry spec 1.5)."""
    arg = arg.replace("%", "%%")
    if arg and not (set(arg) & _EXEC_RESERVED):
        return arg
    inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    # The string-value escape rule applies before the quoting rule: double each backslash.
    return '"' + inner.replace("\\", "\\\\") + '"'


def desktop_exec_line(command: Sequence[str]) -> str:
    return " ".join(desktop_exec_quote(a) for a in command)


def _desktop_string(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


class XdgAutostart:
    """An XDG autostart desktop entry."""

    def __init__(self, config_home: Path | None = None) -> None:
        self._config_home = config_home

    @property
    def path(self) -> Path:
        base = self._config_home
        if base is None:
            env = os.environ.get("XDG_CONFIG_HOME", "")
            # The spec says a relative value is invalid and must be ignored.
            base = Path(env) if env and os.path.isabs(env) else Path.home() / ".config"
        return base / "autostart" / f"{ENTRY_NAME}.desktop"

    @property
    def location(self) -> str:
        return str(self.path)

    def _keys(self) -> dict[str, str]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise AutostartError(f"cannot read {self.path}: {exc.strerror}") from exc
        keys: dict[str, str] = {}
        in_main = False
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("["):
                in_main = line == "[Desktop Entry]"
            elif in_main and "=" in line and not line.startswith("#"):
                k, _, v = line.partition("=")
                keys[k.strip()] = v.strip()
        return keys

    def is_enabled(self) -> bool:
        keys = self._keys()
        if not keys.get("Exec"):
            return False
        if keys.get("Hidden", "false").lower() == "true":
            return False
        return keys.get("X-GNOME-Autostart-enabled", "true").lower() != "false"

    def exec_line(self) -> str | None:
        """The ``Exec`` value of the entry, or None when there is none."""
        return self._keys().get("Exec") or None

    def enable(self, command: Sequence[str]) -> None:
        if not command:
            raise ValueError("autostart needs a command")
        content = "\n".join(
            [
                "[Desktop Entry]",
                "Type=Application",
                f"Name={DISPLAY_NAME}",
                "Comment=" + _desktop_string("Keeps Prolegis and Clio in step"),
                f"Exec={desktop_exec_line(command)}",
                "Terminal=false",
                "Hidden=false",
                "X-GNOME-Autostart-enabled=true",
                "",
            ]
        )
        try:
            _atomic_write(self.path, content.encode("utf-8"))
        except OSError as exc:
            raise AutostartError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def disable(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise AutostartError(f"cannot remove {self.path}: {exc.strerror or exc}") from exc


# ---------------------------------------------------------------- macOS


class LaunchAgentAutostart:
    """A per-user LaunchAgent that runs the app at login."""

    def __init__(self, home: Path | None = None) -> None:
        self._home = home

    @property
    def path(self) -> Path:
        home = self._home or Path.home()
        return home / "Library" / "LaunchAgents" / f"{MAC_LABEL}.plist"

    @property
    def location(self) -> str:
        return str(self.path)

    def program_arguments(self) -> list[str] | None:
        try:
            doc = plistlib.loads(self.path.read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, plistlib.InvalidFileException, ValueError):
            return None
        args = doc.get("ProgramArguments") if isinstance(doc, dict) else None
        return [str(a) for a in args] if isinstance(args, list) else None

    def is_enabled(self) -> bool:
        try:
            doc = plistlib.loads(self.path.read_bytes())
        except (OSError, plistlib.InvalidFileException, ValueError):
            return False
        return isinstance(doc, dict) and bool(doc.get("RunAtLoad")) and not doc.get("Disabled")

    def enable(self, command: Sequence[str]) -> None:
        if not command:
            raise ValueError("autostart needs a command")
        doc = {
            "Label": MAC_LABEL,
            "ProgramArguments": list(command),
            "RunAtLoad": True,
            "ProcessType": "Interactive",
        }
        try:
            _atomic_write(self.path, plistlib.dumps(doc))
        except OSError as exc:
            raise AutostartError(f"cannot write {self.path}: {exc.strerror or exc}") from exc

    def disable(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise AutostartError(f"cannot remove {self.path}: {exc.strerror or exc}") from exc


# ---------------------------------------------------------------- Windows


class WindowsRunKeyAutostart:
    """A value under the current user's ``Run`` key."""

    value_name = DISPLAY_NAME

    @property
    def location(self) -> str:
        return f"HKEY_CURRENT_USER\\{WINDOWS_RUN_KEY}\\{self.value_name}"

    def command_line(self) -> str | None:
        if sys.platform != "win32":
            raise AutostartError("the Run key exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                value, _kind = winreg.QueryValueEx(key, self.value_name)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AutostartError(f"cannot read {self.location}: {exc}") from exc
        return str(value) if value else None

    def is_enabled(self) -> bool:
        return self.command_line() is not None

    def enable(self, command: Sequence[str]) -> None:
        if sys.platform != "win32":
            raise AutostartError("the Run key exists only on Windows")
        import winreg

        if not command:
            raise ValueError("autostart needs a command")
        try:
            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY) as key:
                winreg.SetValueEx(
                    key, self.value_name, 0, winreg.REG_SZ, subprocess.list2cmdline(command)
                )
        except OSError as exc:
            raise AutostartError(f"cannot write {self.location}: {exc}") from exc

    def disable(self) -> None:
        if sys.platform != "win32":
            raise AutostartError("the Run key exists only on Windows")
        import winreg

        try:
            with winreg.OpenKey(
                winreg.HKEY_CURRENT_USER, WINDOWS_RUN_KEY, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.DeleteValue(key, self.value_name)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise AutostartError(f"cannot remove {self.location}: {exc}") from exc


def autostart_for_platform(platform: str | None = None) -> Autostart:
    """The backend for ``platform`` (``sys.platform`` by default)."""
    plat = platform or sys.platform
    if plat.startswith("win"):
        return WindowsRunKeyAutostart()
    if plat == "darwin":
        return LaunchAgentAutostart()
    return XdgAutostart()


def set_autostart(
    enabled: bool, command: Sequence[str] | None = None, backend: Autostart | None = None
) -> None:
    """Turn starting at login on (with ``command``, default :func:`default_command`) or off."""
    chosen = backend or autostart_for_platform()
    if enabled:
        chosen.enable(list(command) if command else default_command())
    else:
        chosen.disable()


def autostart_enabled(backend: Autostart | None = None) -> bool:
    """Whether the app currently starts at login."""
    return (backend or autostart_for_platform()).is_enabled()
