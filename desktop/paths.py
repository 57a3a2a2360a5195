"""Where the app keeps its settings, state, logs and caches.

Everything lives under one *home* when ``--home DIR`` or ``PROLEGIS_DESKTOP_HOME`` is given (tests,
the demo, administrators); otherwise under the platform's usual locations (platformdirs).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from desktop import APP_AUTHOR, APP_NAME

HOME_ENV = "PROLEGIS_DESKTOP_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The directories the app writes to. Create them with :meth:`ensure`."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path
    home: Path | None = None

    @classmethod
    def resolve(cls, home: str | os.PathLike[str] | None = None) -> AppPaths:
        """Paths for an explicit home, else ``$PROLEGIS_DESKTOP_HOME``, else platformdirs."""
        chosen = home if home is not None else os.environ.get(HOME_ENV) or None
        if chosen is not None:
            root = Path(chosen).expanduser().resolve()
            return cls(
                config_dir=root / "config",
                data_dir=root / "data",
                log_dir=root / "logs",
                cache_dir=root / "cache",
                home=root,
            )
        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            cache_dir=Path(dirs.user_cache_dir),
        )

    def ensure(self) -> AppPaths:
        """Create every directory (private to the user where the OS allows it)."""
        for d in (self.config_dir, self.data_dir, self.log_dir, self.cache_dir):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def recovery_dir(self) -> Path:
        """Where files go when the OS trash is unavailable (never unlinked)."""
        return self.data_dir / "recovery"

    @property
    def lock_file(self) -> Path:
        return self.data_dir / "instance.lock"
