"""The catalog of the engine's sentences, for translation.

The Qt-free engine writes its activity log lines and notifications as English templates with
named parameters (``desktop.sync.messages.msg("Uploaded {path}", path=…)``); the GUI says them
in the user's language with :func:`desktop.ui.labels.engine_text`, which looks each template up
in the translation context ``EngineMessages``. This module lists every template in
:func:`catalog` as ``EngineMessages.tr`` calls, so that ``scripts/build-translations --update``
(``lupdate``) files them — the templates with a count ``{n}`` as plural texts — and the tests
(``tests/ui/i18n/test_engine_messages.py``) check this list against the engine's source.

A changed or new ``msg("…")`` in ``desktop/sync`` needs its line here (same text), then
``scripts/build-translations --update`` and its French in ``prolegis_fr.ts``. A translation
keeps the template's ``{placeholders}``; ``{n}`` may move but stays.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.i18n import TranslationContext


class EngineMessages(TranslationContext):
    """The translation context of the engine's templates (``EngineMessages.tr``)."""


def translate(template: str, n: int = -1) -> str:
    """``template`` (one of :func:`catalog`'s) in the current language; ``n`` (a count, or -1)
    picks the plural form. The one lookup by a computed text: the texts are listed below."""
    return QCoreApplication.translate("EngineMessages", template, None, n)


def status_word(status: str) -> str:
    """A matter status the engine names in its words (``open``, ``pending``, ``closed``)."""
    return {
        "open": EngineMessages.tr("open", "matter status"),
        "pending": EngineMessages.tr("pending", "matter status"),
        "closed": EngineMessages.tr("closed", "matter status"),
    }.get(status, status)


def catalog(n: int = 2) -> tuple[str, ...]:
    """Every template the engine writes, in the current language (``n`` picks the plural form
    of those with a count). Read by ``lupdate`` and by the tests; the GUI translates a template
    by its text (:func:`desktop.ui.labels.engine_text`) and does not need to call this."""
    return (
        # documents (desktop/sync/mirror)
        EngineMessages.tr("Uploaded {path}"),
        EngineMessages.tr("Uploaded a new version of {path}"),
        EngineMessages.tr("Downloaded {path}"),
        EngineMessages.tr("Deleted {path} in Clio (kept in Clio's trash for 30 days)"),
        EngineMessages.tr("Moved {old} to {new} in Clio"),
        EngineMessages.tr("Moved {old} to {new}"),
        EngineMessages.tr("Restored {path} in Clio (changed here, deleted in Clio)"),
        EngineMessages.tr("Moved folder {old} to {new}"),
        EngineMessages.tr("Deleted folder {path} in Clio"),
        EngineMessages.tr("Moved folder {old} to {new} in Clio"),
        EngineMessages.tr("Moved {path} to the trash"),
        EngineMessages.tr("Moved {path} to the recovery folder ({location})"),
        EngineMessages.tr("Copied {source} into the matter folder as {path}"),
        EngineMessages.tr("{path}: {reason}"),
        EngineMessages.tr("Tried {n} time(s); it will be tried again.", "", n),
        EngineMessages.tr("A document could not be synced"),
        EngineMessages.tr("{path}: same content in Clio; linked"),
        EngineMessages.tr("{path}: changed here and in Clio; both kept ({copy})"),
        EngineMessages.tr("Version conflict"),
        EngineMessages.tr(
            "{path} was changed here and in Clio; both versions are kept until you choose."
        ),
        EngineMessages.tr("{path}: kept this computer's version"),
        EngineMessages.tr("{path}: kept Clio's version"),
        EngineMessages.tr("{path}: kept both versions"),
        EngineMessages.tr("{n} deletions held: {reason}", "", n),
        EngineMessages.tr("Could not restore {path}: {reason}"),
        EngineMessages.tr("Restored folder {path}"),
        EngineMessages.tr("Downloaded {path} again (its deletion was undone)"),
        EngineMessages.tr("Restored {path} in Clio (its deletion was undone)"),
        EngineMessages.tr(
            "{n} documents that were in the folder when the matter was linked stay out of "
            "Clio until you push them",
            "",
            n,
        ),
        EngineMessages.tr("Documents are no longer synced (files were left as they are)"),
        EngineMessages.tr("Changes are found by the rescan every 10 minutes."),
        EngineMessages.tr("Clio shows no document folder for this matter"),
        EngineMessages.tr(
            "the matter folder is missing but {n} documents are indexed in it; check that the "
            "drive or share is available. Nothing was deleted.",
            "",
            n,
        ),
        EngineMessages.tr(
            "Clio listed no documents but {n} are linked; treating this as an error, not as "
            "deletions.",
            "",
            n,
        ),
        EngineMessages.tr(
            "Clio listed no folders but {n} are linked; treating this as an error, not as "
            "deletions.",
            "",
            n,
        ),
        # matters and clients (desktop/sync/records)
        EngineMessages.tr("Matter found in Clio and linked {number}"),
        EngineMessages.tr("Matter linked to {number}"),
        EngineMessages.tr("Matter created in Clio as {number}"),
        EngineMessages.tr("Linked to the Clio matter {number}"),
        EngineMessages.tr("Unlinked from Clio"),
        EngineMessages.tr("Status {old_status} → {status} carried to Clio"),
        EngineMessages.tr("Creating the Clio matter failed: {reason}"),
        EngineMessages.tr("The status change did not reach Clio: {reason}"),
        EngineMessages.tr(
            "The Clio matter may have been created; it is looked up before anything else is done."
        ),
        EngineMessages.tr("A new matter needs a linked client"),
        EngineMessages.tr(
            "{matter}: link {names} to a Clio contact and its Clio matter is created on the "
            "next sync."
        ),
        EngineMessages.tr(
            "{matter}: it has no clients; add one in Prolegis and link it to a Clio contact, "
            "and its Clio matter is created on the next sync."
        ),
        EngineMessages.tr("{client} created in Clio and linked"),
        EngineMessages.tr("{client} linked to {contact}"),
        EngineMessages.tr("{client} unlinked from Clio"),
        EngineMessages.tr(
            "Creating a Clio contact for {name} did not finish; nothing was linked. Create it "
            "again if you still want it."
        ),
        EngineMessages.tr("{n} confident matches linked", "", n),
        EngineMessages.tr("You confirmed creating {n} new Clio matters", "", n),
        EngineMessages.tr("You confirmed deleting {n} entries in Clio", "", n),
        # time entries and expenses (desktop/sync/records)
        EngineMessages.tr("Time entry {hours} h ({date}{note}) found in Clio and linked"),
        EngineMessages.tr("Time entry {hours} h ({date}{note}) pushed to Clio"),
        EngineMessages.tr("Time entry {hours} h ({date}{note}) updated in Clio"),
        EngineMessages.tr("Expense {amount} ({date}{note}) found in Clio and linked"),
        EngineMessages.tr("Expense {amount} ({date}{note}) pushed to Clio"),
        EngineMessages.tr("Expense {amount} ({date}{note}) updated in Clio"),
        EngineMessages.tr("Billed in Clio: locked (later changes in Prolegis are not pushed)"),
        EngineMessages.tr("Edited in Clio since the last push ({clio}); keep Clio's or overwrite"),
        EngineMessages.tr("Removed in Prolegis: deleted in Clio"),
        EngineMessages.tr("Kept in Clio (removed in Prolegis)"),
        EngineMessages.tr("Clio's edit overwritten with Prolegis'"),
        EngineMessages.tr("Kept the version edited in Clio"),
        EngineMessages.tr("Entry {entry} did not reach Clio: {reason}"),
        EngineMessages.tr(
            "Entry {entry} did not reach Clio: The entry may have reached Clio; it is looked up "
            "before anything else is done."
        ),
    )
