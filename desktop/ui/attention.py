"""What needs the user, as banner lines: sign-in, errors, safety guards, version conflicts, new
matters whose clients need linking. A pure function of the engine's latest state, so the banner
is always in step with the events.

The words are the UI's own (translated), built from the state, the counts and the guards'
kinds; the engine's English texts are shown only where they are free-form details (an error's
reason) or a banner the UI has no words of its own for."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from desktop.sync.views import ConflictView, EngineState, EngineStatus, GuardView
from desktop.ui import labels
from desktop.ui.banner import BannerItem
from desktop.ui.i18n import TranslationContext


class Attention(TranslationContext):
    """The translation context of the banner lines (``Attention.tr``)."""


def banner_items(
    status: EngineStatus | None,
    conflicts: Sequence[ConflictView],
    guards: Sequence[GuardView],
    needs_client: int,
    label_of: Callable[[str], str] | None = None,
) -> list[BannerItem]:
    """The banner lines for this state (the banner sorts them by urgency); ``label_of`` names
    a matter by its id ("2024-0012") in a guard's line."""
    items: list[BannerItem] = []
    state = status.state if status is not None else EngineState.STARTING
    if state == EngineState.SIGNED_OUT:
        items.append(
            BannerItem(
                "warning",
                Attention.tr("Not connected to Clio yet. Connect to start syncing your matters."),
                "connect",
                Attention.tr("Connect to Clio…"),
                key="connect",
            )
        )
    elif state == EngineState.ERROR:
        reason = labels.status_message(status) if status is not None else ""
        message = (
            Attention.tr("Syncing stopped on an error: %1").replace("%1", reason)
            if reason
            else Attention.tr("Syncing stopped on an error.")
        )
        items.append(
            BannerItem("error", message, "settings", Attention.tr("Settings…"), key="error")
        )
    elif state == EngineState.OFFLINE:
        items.append(
            BannerItem(
                "info",
                Attention.tr("Clio can't be reached right now. Syncing resumes by itself."),
                key="offline",
            )
        )
    for i, guard in enumerate(guards):
        items.append(
            BannerItem(
                "warning",
                _guard_text(guard, label_of),
                "guard",
                Attention.tr("Review…"),
                payload=guard,
                key=f"guard-{i}",
            )
        )
    if conflicts:
        n = len(conflicts)
        text = (
            Attention.tr("1 document was changed both here and in Clio (version conflict).")
            if n == 1
            else Attention.tr(
                "%1 documents were changed both here and in Clio (version conflicts)."
            ).replace("%1", str(n))
        )
        items.append(
            BannerItem("warning", text, "conflicts", Attention.tr("Resolve…"), key="conflicts")
        )
    if needs_client:
        text = (
            Attention.tr("1 new matter waits for its clients to be linked to Clio contacts.")
            if needs_client == 1
            else Attention.tr(
                "%1 new matters wait for their clients to be linked to Clio contacts."
            ).replace("%1", str(needs_client))
        )
        items.append(
            BannerItem("warning", text, "matching", Attention.tr("Link clients…"), key="matching")
        )
    if status is not None and not needs_client:
        # The engine's banners say what the lines above say from the counts (clients to link);
        # one the UI has no words for is still shown, as the engine wrote it.
        for i, text in enumerate(status.banners):
            if text:
                items.append(BannerItem("info", text, key=f"engine-{i}"))
    return items


def _guard_text(guard: GuardView, label_of: Callable[[str], str] | None) -> str:
    n = len(guard.items)
    where = label_of(guard.matter_id) if guard.matter_id and label_of else guard.matter_id or ""
    if guard.kind == "deletions":
        if where:
            text = (
                Attention.tr("1 deletion in %2 is on hold until you confirm it.")
                if n == 1
                else Attention.tr("%1 deletions in %2 are on hold until you confirm them.")
            )
        else:
            text = (
                Attention.tr("1 deletion is on hold until you confirm it.")
                if n == 1
                else Attention.tr("%1 deletions are on hold until you confirm them.")
            )
    elif guard.kind == "new_matters":
        text = (
            Attention.tr("1 new Clio matter waits for your OK before it is created.")
            if n == 1
            else Attention.tr("%1 new Clio matters wait for your OK before they are created.")
        )
    elif guard.kind == "activity_removals":
        text = (
            Attention.tr("1 entry removed in Prolegis waits for your OK before it is deleted.")
            if n == 1
            else Attention.tr(
                "%1 entries removed in Prolegis wait for your OK before they are deleted."
            )
        )
    else:
        text = (
            Attention.tr("1 change is on hold until you confirm it.")
            if n == 1
            else Attention.tr("%1 changes are on hold until you confirm them.")
        )
    return text.replace("%1", str(n)).replace("%2", where)
