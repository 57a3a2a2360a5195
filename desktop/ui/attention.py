"""What needs the user, as banner lines: sign-in, errors, safety guards, version conflicts, new
matters whose clients need linking, and the engine's own banner texts. A pure function of the
engine's latest state, so the banner is always in step with the events."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from desktop.sync.views import ConflictView, EngineState, EngineStatus, GuardView
from desktop.ui.banner import BannerItem

_CTX = "Attention"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CTX, text)


def banner_items(
    status: EngineStatus | None,
    conflicts: Sequence[ConflictView],
    guards: Sequence[GuardView],
    needs_client: int,
) -> list[BannerItem]:
    """The banner lines for this state (the banner sorts them by urgency)."""
    items: list[BannerItem] = []
    state = status.state if status is not None else EngineState.STARTING
    if state == EngineState.SIGNED_OUT:
        items.append(
            BannerItem(
                "warning",
                _tr("Not connected to Clio yet. Connect to start syncing your matters."),
                "connect",
                _tr("Connect to Clio…"),
                key="connect",
            )
        )
    elif state == EngineState.ERROR:
        message = (status.message if status is not None else "") or _tr(
            "Syncing stopped on an error."
        )
        items.append(BannerItem("error", message, "settings", _tr("Settings…"), key="error"))
    elif state == EngineState.OFFLINE:
        items.append(
            BannerItem(
                "info",
                _tr("Clio can't be reached right now. Syncing resumes by itself."),
                key="offline",
            )
        )
    for i, guard in enumerate(guards):
        items.append(
            BannerItem(
                "warning",
                guard.message or _guard_text(guard),
                "guard",
                _tr("Review…"),
                payload=guard,
                key=f"guard-{i}",
            )
        )
    if conflicts:
        n = len(conflicts)
        text = (
            _tr("1 document was changed both here and in Clio (version conflict).")
            if n == 1
            else _tr(
                "%1 documents were changed both here and in Clio (version conflicts)."
            ).replace("%1", str(n))
        )
        items.append(BannerItem("warning", text, "conflicts", _tr("Resolve…"), key="conflicts"))
    if needs_client:
        text = (
            _tr("1 new matter waits for its clients to be linked to Clio contacts.")
            if needs_client == 1
            else _tr(
                "%1 new matters wait for their clients to be linked to Clio contacts."
            ).replace("%1", str(needs_client))
        )
        items.append(BannerItem("warning", text, "matching", _tr("Link clients…"), key="matching"))
    known = {item.text for item in items}
    if status is not None:
        for i, text in enumerate(status.banners):
            if text and text not in known:
                items.append(BannerItem("info", text, key=f"engine-{i}"))
    return items


def _guard_text(guard: GuardView) -> str:
    n = len(guard.items)
    if guard.kind == "deletions":
        return _tr("%1 deletions are on hold until you confirm them.").replace("%1", str(n))
    if guard.kind == "new_matters":
        return _tr("%1 new Clio matters wait for your OK before they are created.").replace(
            "%1", str(n)
        )
    return _tr("%1 changes are on hold until you confirm them.").replace("%1", str(n))
