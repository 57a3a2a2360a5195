"""Clio's errors, failed commands and a pass's reasons as templates: every Clio error carries a
``user_template`` whose English is its ``user_message`` (the command line's words, plurals
chosen); a message may hold another (a Clio error as the ``{reason}`` of an engine line) and
both are translated, also after the history table kept them; exceptions that explain
themselves (``Explained``) keep their English as ``str(exc)``; ``CommandFailed``, ``Reason``
and ``EngineStatus`` carry the template beside the English. The sign-in wizard and the settings
say a Clio or keychain error in the user's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop.clio import errors as e
from desktop.messages import NESTED, Explained, Message, msg, nested, verbatim
from desktop.settings import Settings
from desktop.sync.engine_status import build_status
from desktop.sync.events import CommandFailed, command_failed
from desktop.sync.messages import failure_of, reason_of
from desktop.sync.records.errors import LinkRefused
from desktop.sync.report import Outcome, PassReport
from desktop.sync.store import Store
from desktop.sync.views import AccountView, EngineState
from desktop.ui import labels
from desktop.ui.dialogs.signout import SignOutThread
from desktop.ui.settings_dialog import SettingsDialog
from desktop.ui.wizards.connection.signin import explain
from tests.ui.i18n.test_engine_messages import TEMPLATES

CATALOGED = {t.text for t in TEMPLATES}


def _all_errors() -> list[type[e.ClioError]]:
    out: list[type[e.ClioError]] = [e.ClioError]
    for cls in out:
        out += [c for c in cls.__subclasses__() if c not in out]
    return out


def _made(cls: type[e.ClioError]) -> e.ClioError:
    if cls is e.PortInUseError:
        return e.PortInUseError(53682)
    if cls is e.OAuthProtocolError:
        return e.OAuthProtocolError("x", oauth_error="invalid_scope")
    if issubclass(cls, e.AmbiguousRequestError):
        return cls("x", method="POST", path="/api/v4/matters.json", cause=None)
    return cls("technical words")


@pytest.mark.parametrize("cls", _all_errors(), ids=lambda c: c.__name__)
def test_every_clio_error_says_a_cataloged_template(cls: type[e.ClioError]) -> None:
    assert isinstance(cls.default_user_template, Message)
    assert cls.default_user_template.template in CATALOGED
    assert cls.default_user_message == cls.default_user_template.english()
    err = _made(cls)
    assert err.user_template.template in CATALOGED
    assert err.user_message == err.user_template.english()
    assert err.user_message not in str(err)  # the technical text stays for the logs


@pytest.mark.parametrize(
    ("status", "body"),
    [
        *((status, b"") for status in (401, 403, 404, 409, 410, 412, 422, 500)),
        (422, b'{"error": {"type": "ArgumentError", "message": "Name is blank"}}'),
    ],
)
def test_errors_from_clio_answers_carry_their_template(status: int, body: bytes) -> None:
    err = e.error_from_response("POST", "/api/v4/contacts.json", status, {}, body)
    assert err.user_template.template in CATALOGED
    assert err.user_message == err.user_template.english()
    if body:
        assert err.user_template == msg(
            "Clio did not accept the change: {reason}", reason="Name is blank"
        )


def test_plurals_in_english_and_french(french: None) -> None:
    many = e.error_from_response("GET", "/x", 429, {"retry-after": "17"}, b"")
    one = e.error_from_response("GET", "/x", 429, {"retry-after": "1"}, b"")
    soon = e.error_from_response("GET", "/x", 429, {"retry-after": "0.2"}, b"")
    assert many.user_message.endswith("continue in about 17 seconds.")
    assert one.user_message.endswith("continue in about 1 second.")
    assert soon.user_message.endswith("continue shortly.")
    assert labels.message_text(many.user_template).endswith("dans environ 17 secondes.")
    assert labels.message_text(one.user_template).endswith("dans environ 1 seconde.")
    assert labels.message_text(soon.user_template).endswith("reprendra sous peu.")


def test_plain_english_stays_as_given(french: None) -> None:
    given = e.ClioError("x", user_message="Call the office: Clio is down.")
    assert given.user_message == "Call the office: Clio is down."
    assert given.user_template == verbatim("Call the office: Clio is down.")
    assert labels.message_text(given.user_template) == "Call the office: Clio is down."

    class Older(e.ClioError):  # a subclass that only says it in English
        default_user_message = "An older sentence {with} braces."

    assert Older.default_user_template == verbatim("An older sentence {with} braces.")
    assert Older("x").user_message == "An older sentence {with} braces."
    assert labels.message_text(Older("x").user_template) == "An older sentence {with} braces."


def test_a_message_inside_a_message(french: None) -> None:
    network = e.NetworkError("reset").user_template
    line = msg("{path}: {reason}", path="Lettre.docx", reason=network)
    assert line.text() == f"Lettre.docx: {network.text()}"
    assert nested(line.params, "reason") == network
    assert nested(line.params, "path") is None
    assert all(NESTED not in k for k, _v in msg("x {a}", a="b").params)
    assert labels.engine_text(line.template, line.params, line.text()) == (
        "Lettre.docx\u00a0: Clio est injoignable. Vérifiez la connexion Internet (et le serveur "
        "mandataire du bureau, s'il y en a un); Prolegis Desktop réessaiera."
    )
    # two levels, a count inside: the inner plural follows the inner n
    limited = e.error_from_response("GET", "/x", 429, {"retry-after": "3"}, b"").user_template
    entry = msg("Entry {entry} did not reach Clio: {reason}", entry="a-1", reason=limited)
    outer = msg("{path}: {reason}", path="x", reason=entry)
    assert outer.text() == f"x: Entry a-1 did not reach Clio: {limited.english()}"
    shown = labels.engine_text(outer.template, outer.params, outer.text())
    assert shown.startswith("x\u00a0: L'entrée a-1 n'a pas atteint Clio\u00a0: Clio limite")
    assert shown.endswith("environ 3 secondes.")


def test_the_history_keeps_a_message_inside_a_message(french: None, tmp_path: Path) -> None:
    store = Store(tmp_path / "state.sqlite3")
    try:
        reason = e.StorageError("x").user_template
        store.history.add("error", msg("{path}: {reason}", path="a.pdf", reason=reason))
        (kept,) = store.history.recent(1)
        assert kept.message == f"a.pdf: {reason.text()}"
        shown = labels.engine_text(kept.template, kept.params, kept.message)
        assert shown == (
            "a.pdf\u00a0: Un transfert de fichier vers ou depuis le stockage de documents de Clio "
            "a échoué. Un nouvel essai suivra."
        )
    finally:
        store.close()


def test_exceptions_that_explain_themselves() -> None:
    refused = LinkRefused(msg("{matter} is not linked to Clio.", matter="2025-0002 Sale"))
    assert str(refused) == "2025-0002 Sale is not linked to Clio."
    assert refused.explanation.template == "{matter} is not linked to Clio."
    assert str(LinkRefused("plain")) == "plain"
    assert LinkRefused("plain").explanation == verbatim("plain")
    assert reason_of(refused) == refused.explanation
    assert reason_of(e.NetworkError("x")) == e.NetworkError.default_user_template
    denied = PermissionError(13, "Permission denied", "/w/a.pdf")
    assert reason_of(denied) == verbatim("Permission denied (/w/a.pdf)")
    assert reason_of(RuntimeError()) == verbatim("RuntimeError")
    assert issubclass(LinkRefused, Explained)


def test_a_failure_of_the_computer_in_a_sentence(french: None) -> None:
    denied = failure_of(PermissionError(13, "Permission denied", "/w/a.pdf"))
    assert denied.english() == "A file or folder could not be used: Permission denied (/w/a.pdf)"
    assert labels.message_text(denied) == (
        "Un fichier ou un répertoire n'a pas pu être utilisé\u00a0: Permission denied (/w/a.pdf)"
    )
    refused = LinkRefused(msg("Say which Clio matter to link, or ask to create one."))
    assert failure_of(refused) == refused.explanation
    assert failure_of(e.NetworkError("x")) == e.NetworkError.default_user_template


def test_failed_commands_reasons_and_the_status_carry_templates(french: None) -> None:
    said = e.SignInRequired("no tokens").user_template
    failed = command_failed("SyncNow", said)
    assert failed == CommandFailed("SyncNow", said.english(), said.template, said.params)
    assert CommandFailed("SyncNow", "older caller").template == ""  # defaults
    report = PassReport()
    report.error("network", e.NetworkError("x").user_template)
    report.error("disk", "Disk full")  # plain English: kept, with no template
    network, disk = report.reasons
    assert network.message == e.NetworkError.default_user_message
    assert network.template == e.NetworkError.default_user_template
    assert disk.template is None and disk.message == "Disk full"
    assert report.lines()[0] == f"error: {e.NetworkError.default_user_message}"  # the CLI
    report.add(Outcome.ERROR, "network", e.NetworkError("x").user_template)
    assert len(report.reasons) == 2  # the same reason once
    status = build_status(
        [],
        state=None,
        errors=report.reasons,
        last_sync=None,
        account=AccountView("", "", "ca", ""),
        requests_per_minute=50,
    )
    assert status.state is EngineState.OFFLINE
    assert status.message == e.NetworkError.default_user_message
    assert (status.message_template, status.message_params) == (
        network.template.template,  # type: ignore[union-attr]
        (),
    )
    assert labels.status_message(status).startswith("Clio est injoignable.")
    plain = build_status(
        [],
        state=None,
        errors=[disk],
        last_sync=None,
        account=AccountView("", "", "ca", ""),
        requests_per_minute=50,
    )
    assert plain.state is EngineState.ERROR and labels.status_message(plain) == "Disk full"


def test_the_sign_in_wizard_says_clio_s_words(french: None) -> None:
    kind, said = explain(e.TokenRevokedError("401"), 53682)
    assert kind == "other"
    assert said.startswith("Clio n'accepte plus cette connexion")
    refused = e.OAuthProtocolError(
        "x",
        oauth_error="invalid_request",
        user_template=msg(
            "Clio refused the sign-in ({error}). Please start it again.", error="invalid_request"
        ),
    )
    kind, said = explain(refused, 53682)
    assert (kind, said) == (
        "other",
        "Clio a refusé la connexion (invalid_request). Veuillez la recommencer.",
    )


def test_settings_say_a_keychain_error_in_the_language_shown(
    qtbot: QtBot, tmp_path: Path, language: object
) -> None:
    dialog = SettingsDialog(Settings(tmp_path / "settings.json"), autostart_command=["x"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.folder.is_checking())

    def sign_out() -> None:
        raise e.KeychainLockedError("locked")

    thread = SignOutThread(sign_out)
    got: list[object] = []
    thread.done.connect(got.append)
    thread.done.connect(dialog._signed_out)
    thread.run()  # here, not on a thread: the signal is delivered at once
    assert got == [e.KeychainLockedError.default_user_template]
    language("fr")  # type: ignore[operator]
    french = labels.message_text(e.KeychainLockedError.default_user_template)
    assert french.startswith("Le trousseau du système est verrouillé")
    assert dialog.message.text().startswith("Déconnecté")
    assert dialog.message.text().endswith(french)
    language("en")  # type: ignore[operator]
    assert dialog.message.text().endswith(e.KeychainLockedError.default_user_message)
    quiet = SignOutThread(lambda: None)
    quiet.done.connect(got.append)
    quiet.run()
    assert got[-1] is None
