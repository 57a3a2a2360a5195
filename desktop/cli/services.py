"""Opening the engine's services for a command, with the errors a user can act on."""

from __future__ import annotations

from pathlib import Path

from desktop.app import WorkspaceNotConfigured, open_services
from desktop.cli.context import CliContext
from desktop.clio.errors import AuthError, ClioError
from desktop.clio.regions import TargetError
from desktop.settings import Settings
from desktop.sync.context import Services
from desktop.sync.store.db import StoreError


class CommandError(Exception):
    """A command cannot run; the message says why and what to do (exit code 1). ``code`` is the
    machine word of the reason (``sign_in``, ``workspace``, ``clio``, ``state``, ``settings``)."""

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code


def services_for(
    ctx: CliContext, workspace: Path | None = None, *, ask_clio: bool = True
) -> Services:
    """The services for the configured Clio account and Prolegis folder, or a CommandError.
    ``ask_clio=False``: no request to Clio (a read-only command answers from local state)."""
    settings = Settings(ctx.paths.settings_file)
    try:
        return open_services(ctx.paths, settings, workspace=workspace, ask_clio=ask_clio)
    except WorkspaceNotConfigured as exc:
        raise CommandError(exc.user_message, "workspace") from None
    except AuthError as exc:
        raise CommandError(exc.user_message, "sign_in") from None
    except ClioError as exc:
        raise CommandError(exc.user_message, "clio") from None
    except StoreError as exc:
        raise CommandError(exc.user_message, "state") from None
    except TargetError as exc:
        message = f"The Clio address in the settings is not usable: {exc}"
        raise CommandError(message, "settings") from None
