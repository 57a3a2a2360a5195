"""The catalog of the engine's sentences, for translation.

The Qt-free engine writes its activity log lines, notifications, failed commands and the
reasons a pass stopped — and the Clio client its errors' messages — as English templates with
named parameters (``desktop.sync.messages.msg("Uploaded {path}", path=…)``); the GUI says them
in the user's language with :func:`desktop.ui.labels.engine_text`, which looks each template up
in the translation context ``EngineMessages``. This module lists every template in
:func:`catalog` as ``EngineMessages.tr`` calls, so that ``scripts/build-translations --update``
(``lupdate``) files them — the templates with a count ``{n}`` as plural texts — and the tests
(``tests/ui/i18n/test_engine_messages.py``) check this list against the engine's source.

A changed or new ``msg("…")`` in ``desktop/sync``, ``desktop/clio`` (the Clio errors'
``user_template``, which the toolbar, the tray, failed commands and the sign-in show) or
``desktop/messages.py`` needs its line here (same text), then
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
        EngineMessages.tr("Entry {entry}: {reason}"),
        EngineMessages.tr(
            "{reason}. Fix it with 'prolegis-desktop config set author_map …' or in the "
            "settings; no time entries or expenses are pushed until then."
        ),
        EngineMessages.tr("Already billed in Clio; the change was not pushed."),
        EngineMessages.tr("Removed in Prolegis but already billed in Clio; kept in Clio."),
        EngineMessages.tr("Edited in Clio since the last push; choose which to keep."),
        EngineMessages.tr(
            "Removed in Prolegis but edited in Clio since the last push; delete it in Clio or "
            "keep it."
        ),
        EngineMessages.tr("Deleted in Clio; push it again or leave it deleted."),
        # a command that could not be done (CommandFailed: records, documents, the engine)
        EngineMessages.tr("Nothing here can do “{command}”."),
        EngineMessages.tr("A file or folder could not be used: {reason}"),
        EngineMessages.tr("The Prolegis folder has not been read yet."),
        EngineMessages.tr("There is no client {client} in prolegis.json."),
        EngineMessages.tr("There is no matter {matter} in prolegis.json."),
        EngineMessages.tr("Say which Clio contact to link, or ask to create one."),
        EngineMessages.tr("Say which Clio matter to link, or ask to create one."),
        EngineMessages.tr("{client} is not linked to a Clio contact."),
        EngineMessages.tr("{matter} is not linked to Clio."),
        EngineMessages.tr(
            "The confident matches changed meanwhile ({now} now, {confirmed} confirmed); nothing "
            "was linked. Review them and accept again."
        ),
        EngineMessages.tr("Entry {entry} has nothing to decide."),
        EngineMessages.tr("Already billed in Clio: Clio does not allow changing it."),
        EngineMessages.tr("Entry {entry} can no longer be pushed from Prolegis."),
        EngineMessages.tr(
            "A Clio contact with the email {email} already exists: {name} (Clio contact "
            "{contact}). Link {client} to it instead (clients link {client_id} --contact "
            "{contact}); no contact was created."
        ),
        EngineMessages.tr("The Clio contact {contact} no longer exists; nothing was linked."),
        EngineMessages.tr(
            "The connection to Clio dropped while creating the contact for {client}, and it was "
            "not found in Clio. Nothing was linked; try again."
        ),
        EngineMessages.tr(
            "{matter} is already linked to the Clio matter {number}; unlink it first."
        ),
        EngineMessages.tr(
            "The Clio matter {number} is already linked to the Prolegis matter {matter}."
        ),
        EngineMessages.tr(
            "The Clio matter {number} belongs to the Prolegis matter {matter} (its “Prolegis "
            "matter ID”); nothing was linked."
        ),
        EngineMessages.tr("The Clio matter {number} does not exist."),
        EngineMessages.tr(
            "{matter} needs a linked client before its Clio matter can be created. Link one of "
            "its clients first: {names}."
        ),
        EngineMessages.tr(
            "{matter} needs a linked client before its Clio matter can be created, and it has "
            "no clients: add one in Prolegis first."
        ),
        EngineMessages.tr("Matter {matter} is not linked to Clio; link it first."),
        EngineMessages.tr("“{folder}” is not a folder inside the matter folder"),
        EngineMessages.tr("{path}: not a file (nothing was pushed)"),
        EngineMessages.tr("{path}: a temporary or lock file is never synced"),
        EngineMessages.tr("{path}: not a file inside the matter folder"),
        EngineMessages.tr("There is no open conflict {conflict}."),
        EngineMessages.tr(
            "{path}: the Clio document is no longer linked here; choose “keep both”."
        ),
        EngineMessages.tr("{path} is gone; choose “keep Clio's” or “keep both”."),
        EngineMessages.tr("{path}: {reason}; try again in a moment."),
        # what stopped a pass (the toolbar, the tray and the banner show the first)
        EngineMessages.tr("The Prolegis folder cannot be read: {reason}"),
        EngineMessages.tr("prolegis.json: {reason} (at {where})"),
        EngineMessages.tr(
            "The Prolegis folder {root} is missing: no document was synced and nothing was deleted."
        ),
        EngineMessages.tr("{path}: {reason} (tried again after {when})"),
        # Clio's errors (desktop/clio: each error's user_template)
        EngineMessages.tr("Something went wrong while talking to Clio. Please try again."),
        EngineMessages.tr("Prolegis Desktop needs you to sign in to Clio again."),
        EngineMessages.tr(
            "Prolegis Desktop is not signed in to Clio. Sign in (Connect in the app, or "
            "'prolegis-desktop login')."
        ),
        EngineMessages.tr("Your Clio sign-in has expired. Please sign in to Clio again."),
        EngineMessages.tr(
            "Clio no longer accepts this sign-in: it was revoked, the app was disconnected in "
            "Clio, or the account is in another region. Please sign in to Clio again."
        ),
        EngineMessages.tr(
            "No Clio app is set up for this Clio region. Ask your administrator for the firm's "
            "Clio app id and secret, and give them when signing in (--client-id and "
            "--client-secret, or the wizard's Advanced page)."
        ),
        EngineMessages.tr(
            "The secret of the Clio app “{app}” is not stored on this computer. Sign in again "
            "giving --client-secret (or enter it in the wizard's Advanced page)."
        ),
        EngineMessages.tr("The sign-in to Clio did not complete. Please start it again."),
        EngineMessages.tr(
            "Access was declined in the Clio page. To connect, sign in again and choose to allow "
            "Prolegis Desktop."
        ),
        EngineMessages.tr(
            "The browser sent back an answer that does not belong to this sign-in (perhaps from "
            "an old tab). Close the old Clio tabs and start the sign-in again."
        ),
        EngineMessages.tr(
            "No answer came back from the browser in time. Start the sign-in again and finish it "
            "in the Clio page that opens."
        ),
        EngineMessages.tr(
            "No answer came back from the browser within {n} minute(s). Start the sign-in again "
            "and finish it in the Clio page.",
            "",
            n,
        ),
        EngineMessages.tr("The sign-in to Clio was cancelled."),
        EngineMessages.tr(
            "Port {port} on this computer is used by another program, so the Clio sign-in "
            "cannot receive its answer. Close that program, or set another port with "
            "'prolegis-desktop config set oauth_port N' (the Clio app's redirect URI must use "
            "the same port)."
        ),
        EngineMessages.tr("Clio refused the sign-in ({error}). Please start it again."),
        EngineMessages.tr(
            "Clio did not accept the sign-in code: it was already used or has expired. Please "
            "start the sign-in again."
        ),
        EngineMessages.tr(
            "Clio did not accept this app's client id and secret for {region}. Check the Clio "
            "app settings (each region needs its own registered app)."
        ),
        EngineMessages.tr(
            "The system keychain, where the Clio sign-in is kept, reported an error. Check that "
            "it works (it may need unlocking) and try again."
        ),
        EngineMessages.tr(
            "No system keychain is available to keep the Clio sign-in safe. On Windows and "
            "macOS the built-in one is used; on Linux install and start GNOME Keyring or "
            "KWallet (a Secret Service provider), or choose a keyring backend in keyring's "
            "configuration (PYTHON_KEYRING_BACKEND). Then sign in again."
        ),
        EngineMessages.tr(
            "The system keychain is locked, so the Clio sign-in cannot be read or saved. Unlock "
            "it (log in to your desktop session or open your keychain app) and try again."
        ),
        EngineMessages.tr(
            "Clio refused this action: your Clio user or the Prolegis Desktop app does not have "
            "permission for it. Ask your Clio administrator to grant access."
        ),
        EngineMessages.tr("The record was not found in Clio; it may have been deleted."),
        EngineMessages.tr(
            "Someone changed this record in Clio since Prolegis Desktop last read it. It will "
            "be read again before anything is changed."
        ),
        EngineMessages.tr(
            "Clio limits how fast Prolegis Desktop may work; it will continue in about {n} "
            "second(s).",
            "",
            n,
        ),
        EngineMessages.tr(
            "Clio limits how fast Prolegis Desktop may work; it will continue shortly."
        ),
        EngineMessages.tr("Clio did not accept the change: {reason}"),
        EngineMessages.tr("Clio did not accept the change."),
        EngineMessages.tr(
            "Clio is busy with another change to this document or folder. It will be tried "
            "again in a moment."
        ),
        EngineMessages.tr(
            "This version of Prolegis Desktop uses a Clio API version that Clio has retired. "
            "Please update Prolegis Desktop."
        ),
        EngineMessages.tr(
            "Clio is having a problem right now. Prolegis Desktop will try again later."
        ),
        EngineMessages.tr(
            "Cannot reach Clio. Check the internet connection (and the office proxy, if any); "
            "Prolegis Desktop will try again."
        ),
        EngineMessages.tr(
            "Cannot reach Clio ({host}). Check the internet connection (and the office proxy, "
            "if any); Prolegis Desktop will try again."
        ),
        EngineMessages.tr(
            "The connection to Clio dropped while a change was being sent. Prolegis Desktop "
            "will check whether it went through before trying again."
        ),
        EngineMessages.tr(
            "A file transfer to or from Clio's document storage failed. It will be tried again."
        ),
        EngineMessages.tr(
            "“{name}” changed while it was being sent to Clio. It will be sent again once it "
            "stops changing."
        ),
        EngineMessages.tr(
            "Clio did not find the uploaded file in its storage. It will be sent again."
        ),
        EngineMessages.tr(
            "Clio sent a document storage address that is not secure (https); the transfer was "
            "stopped."
        ),
    )
