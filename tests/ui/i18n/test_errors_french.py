"""What went wrong, in French: the real engine against the sandbox refuses a command (a matter
whose only client is not linked to a Clio contact cannot get its Clio matter) and runs a pass
that cannot reach Clio (every connection reset). The failed command and the pass's status —
its Clio error's message — are shown where the app shows them: the main window's status bar,
activity log and banner, the toolbar's tooltip, the tray's tooltip and notification, and the
matching wizard's message. Walked in French, no English is left once the data they carry (the
matter's name, the client's, the host) is taken out; in English they read as the engine wrote
them; without their templates the walk finds the English."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.events import CommandFailed, StatusChanged
from desktop.sync.report import PassReport
from desktop.sync.views import EngineState, EngineStatus
from desktop.ui import labels
from desktop.ui.main_window import MainWindow
from desktop.ui.tray import TrayController
from desktop.ui.wizards.matching import ContactMatchingDialog
from tests.support.harness_fixtures import HarnessFactory
from tests.ui.dialogs import factories
from tests.ui.dialogs.conftest import Recorder
from tests.ui.i18n.conftest import settle
from tests.ui.i18n.scenes import HOSTS, _main_data, strings_of
from tests.ui.i18n.walk import Text, left_in, param_data, texts_of


@dataclass(frozen=True)
class ErrorRun:
    failed: CommandFailed  # LinkMatter(create) on a matter whose client is not linked
    offline: EngineStatus  # after a pass that could not reach Clio
    report: PassReport


def run_errors(sandbox: Sandbox, harness_factory: HarnessFactory) -> ErrorRun:
    h = harness_factory(sandbox)
    b = h.builder
    b.add_client("Marc-André", "Gagnon", id="c-2")
    b.add_matter("Estate of Roy Tremblay", id="m-2", number="2025-0002", client_ids=["c-2"])
    b.write()
    assert h.sync_once().exit_code == 0  # a pre-existing matter: it waits for the user
    h.engine.submit(cmd.LinkMatter("m-2", create=True))
    h.engine.checkpoint()
    (failed,) = h.events_of(CommandFailed)
    sandbox.admin.set_faults("*=reset")
    try:
        report = h.sync_once()
    finally:
        sandbox.admin.set_faults(None)
    status = h.events_of(StatusChanged)[-1].status
    return ErrorRun(failed, status, report)


@pytest.fixture
def errors(sandbox: Sandbox, harness_factory: HarnessFactory) -> ErrorRun:
    return run_errors(sandbox, harness_factory)


def _data(run: ErrorRun) -> set[str]:
    """What the messages carry that is not the app's words: their parameters' values (a
    message held inside another is words, not data)."""
    values = param_data((*run.failed.params, *run.offline.message_params))
    return values | {"Estate of Roy Tremblay", "Marc-André Gagnon", *HOSTS}


def test_the_engine_wrote_them_as_templates(errors: ErrorRun) -> None:
    failed = errors.failed
    assert failed.command == "LinkMatter"
    assert failed.template.startswith("{matter} needs a linked client")
    assert "Marc-André Gagnon" in failed.message and "Link one of its clients" in failed.message
    status = errors.offline
    assert status.state is EngineState.OFFLINE
    assert status.message_template.startswith("Cannot reach Clio ({host})")
    assert status.message.startswith("Cannot reach Clio (") and status.message_params
    (network,) = [r for r in errors.report.reasons if r.code == "network"]
    assert network.message == status.message  # the command line still prints the English
    assert network.template is not None and network.template.template == status.message_template


class Screens:
    """The places the run's failure and status are shown."""

    def __init__(self, qtbot: QtBot, run: ErrorRun, *, templates: bool = True) -> None:
        from tests.ui.screenshots import build

        failed, offline = run.failed, run.offline
        if not templates:
            failed = CommandFailed(failed.command, failed.message)
            offline = dataclasses.replace(offline, message_template="", message_params=())
        self.offline = offline
        self.error = dataclasses.replace(offline, state=EngineState.ERROR)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.window, engine = build(app)
        self.window.show()
        engine.emit(StatusChanged(self.error), failed)
        self.tray = TrayController(lambda _c: None)
        self.tray.on_status(EngineStatus(state=EngineState.IDLE))
        self.tray.on_status(self.error)  # notifies: the pass stopped on an error
        self.tray.on_status(offline)
        self.clients = factories.many_clients(3)
        self.matching = ContactMatchingDialog(self.clients, Recorder())
        self.matching.on_command_failed(failed.message, failed.template, failed.params)
        self.matching.show()
        qtbot.addWidget(self.matching)
        settle()

    @property
    def main(self) -> MainWindow:
        return self.window

    def data(self, run: ErrorRun) -> set[str]:
        """The data of the sample window and clients, and the run's."""
        return _main_data() | strings_of(self.clients) | _data(run)

    def status_bar(self) -> str:
        return self.window.statusBar().currentMessage()

    def texts(self) -> list[Text]:
        out = texts_of(self.window) + texts_of(self.matching)
        out.append(Text("status bar", self.status_bar()))
        out.append(Text("toolbar status tooltip", self.window.toolbar.status_button.toolTip()))
        out.append(Text("tray tooltip", self.tray.tooltip()))
        out += [Text("notification", m) for _t, m in self.tray.messages]
        return out

    def close(self) -> None:
        self.tray.hide()
        self.tray.deleteLater()
        self.matching.close()
        self.window.close()
        self.window.deleteLater()
        settle()


@pytest.fixture
def screens(qtbot: QtBot, errors: ErrorRun) -> Iterator[object]:
    made: list[Screens] = []

    def make(*, templates: bool = True) -> Screens:
        shown = Screens(qtbot, errors, templates=templates)
        made.append(shown)
        return shown

    yield make
    for s in made:
        s.close()
    labels.freeze_now(None)


def _report(bad: list[tuple[str, str, list[str]]]) -> str:
    return "\n".join(f"  {where}: {text!r} → {words}" for where, text, words in bad[:25])


def test_errors_in_french(french: None, errors: ErrorRun, screens: object) -> None:
    shown = screens()  # type: ignore[operator]
    bad = left_in(shown.texts(), shown.data(errors))
    assert bad == [], f"English left:\n{_report(bad)}"
    failed = shown.status_bar()
    assert "a besoin d'un client lié" in failed and "Marc-André Gagnon" in failed
    assert shown.matching.panel.message.text() == failed
    reason = labels.status_message(errors.offline)
    assert reason.startswith("Clio (") and "est injoignable" in reason
    assert reason in shown.window.toolbar.status_button.toolTip()
    assert reason in shown.tray.tooltip()
    assert ("Prolegis Desktop a besoin de vous", reason) in shown.tray.messages
    banner = [t.text for t in texts_of(shown.window.banner)]
    assert any(t.endswith(reason) and "erreur" in t for t in banner), banner


def test_errors_in_english_are_the_engine_s_words(
    language: object, errors: ErrorRun, screens: object
) -> None:
    language("en")  # type: ignore[operator]
    shown = screens()  # type: ignore[operator]
    assert shown.status_bar() == errors.failed.message
    assert shown.matching.panel.message.text() == errors.failed.message
    assert errors.offline.message in shown.window.toolbar.status_button.toolTip()
    assert errors.offline.message in shown.tray.tooltip()
    banner = " ".join(t.text for t in texts_of(shown.window.banner))
    assert errors.offline.message in banner


def test_switched_to_french_while_shown(
    language: object, errors: ErrorRun, screens: object
) -> None:
    language("en")  # type: ignore[operator]
    shown = screens()  # type: ignore[operator]
    language("fr")  # type: ignore[operator]
    texts = [
        Text("matching message", shown.matching.panel.message.text()),
        Text("toolbar status tooltip", shown.window.toolbar.status_button.toolTip()),
        Text("tray tooltip", shown.tray.tooltip()),
        *texts_of(shown.window.banner),
    ]
    bad = left_in(texts, _data(errors))
    assert bad == [], f"not retranslated:\n{_report(bad)}"


def test_without_templates_the_walk_finds_the_english(
    french: None, errors: ErrorRun, screens: object
) -> None:
    """The walk can fail: the same failure and status as plain English are found out."""
    shown = screens(templates=False)  # type: ignore[operator]
    wheres = {where for where, _t, _w in left_in(shown.texts(), shown.data(errors))}
    assert {"status bar", "toolbar status tooltip", "tray tooltip"} <= wheres
