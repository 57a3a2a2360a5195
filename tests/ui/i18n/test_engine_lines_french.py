"""The engine's own lines in French: a short run of the real engine against the sandbox
(``engine_run``: a client linked, a matter created, documents uploaded and downloaded, a time
entry and an expense pushed, a status carried, a version conflict, a matter waiting for a
client) feeds the activity log and the tray (recent activity, notifications). Walked in French,
no English is left once the data the lines carry (names, paths, numbers) is taken out — built in
French, and built in English then switched while open; back in English, the engine's own text.
The same lines read back from the history table show the same."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.sandbox import Sandbox
from desktop.sync.events import Notice
from desktop.sync.views import ActivityLogEntry
from desktop.ui.activity_log import ActivityDock, LogColumn
from desktop.ui.tray import TrayController
from tests.support.harness_fixtures import HarnessFactory
from tests.ui.i18n.conftest import settle
from tests.ui.i18n.engine_run import EngineRun, run_engine
from tests.ui.i18n.walk import Text, left_in, param_data, texts_of


@pytest.fixture
def engine_run(sandbox: Sandbox, harness_factory: HarnessFactory) -> EngineRun:
    return run_engine(sandbox, harness_factory)


def _data(run: EngineRun) -> set[str]:
    """What the lines carry that is not the app's words: parameter values (paths and their
    parts), matter labels."""
    out: set[str] = set()
    params = [p for e in run.entries for p in (*e.params, *e.detail_params)]
    params += [p for n in run.notices for p in n.params]
    for value in param_data(params):
        out.add(value)
        out.update(part for part in value.split("/") if part)
    out.update(e.matter_label for e in run.entries if e.matter_label)
    return out


class Screens:
    """The activity log and the tray, fed with the run's lines."""

    def __init__(self, qtbot: QtBot, run: EngineRun, entries: tuple[ActivityLogEntry, ...]):
        self.dock = ActivityDock()
        qtbot.addWidget(self.dock)
        self.dock.resize(1200, 420)
        self.dock.add_entries(entries)
        self.dock.show()
        self.tray = TrayController(lambda _c: None)
        self.tray.on_history(entries)
        self.notices: tuple[Notice, ...] = run.notices
        self.show_notices()
        settle()

    def show_notices(self) -> None:
        self.tray.messages.clear()
        for notice in self.notices:
            self.tray.on_notice(notice)

    def texts(self) -> list[Text]:
        out = texts_of(self.dock) + texts_of(self.tray.menu)
        out += [Text("notification title", t) for t, _m in self.tray.messages]
        out += [Text("notification", m) for _t, m in self.tray.messages]
        return out

    def messages(self) -> list[str]:
        """The log's "What" column, newest first."""
        proxy = self.dock.proxy
        return [proxy.index(r, LogColumn.MESSAGE).data() for r in range(proxy.rowCount())]

    def recent(self) -> list[str]:
        return [a.text() for a in self.tray.recent_menu.actions()]

    def close(self) -> None:
        self.tray.hide()
        self.tray.deleteLater()
        self.dock.close()


@pytest.fixture
def screens(qtbot: QtBot, engine_run: EngineRun) -> Iterator[object]:
    made: list[Screens] = []

    def make(entries: tuple[ActivityLogEntry, ...] | None = None) -> Screens:
        shown = Screens(qtbot, engine_run, engine_run.entries if entries is None else entries)
        made.append(shown)
        return shown

    yield make
    for s in made:
        s.close()
    settle()


def _report(bad: list[tuple[str, str, list[str]]]) -> str:
    return "\n".join(f"  {where}: {text!r} → {words}" for where, text, words in bad[:25])


def test_the_run_wrote_the_everyday_lines(engine_run: EngineRun) -> None:
    kinds = {e.kind for e in engine_run.entries}
    wanted = {"client_linked", "matter_created", "upload", "download", "time_entry", "expense"}
    assert wanted | {"matter_status", "conflict", "needs_client"} <= kinds
    assert all(e.template for e in engine_run.entries), "every line has its template"
    assert {n.title for n in engine_run.notices} == {
        "A new matter needs a linked client",
        "Version conflict",
    }
    assert engine_run.stored == engine_run.entries  # History.recent gives them back


def test_engine_lines_in_french(
    qtbot: QtBot, french: None, engine_run: EngineRun, screens: object
) -> None:
    shown = screens()  # type: ignore[operator]
    bad = left_in(shown.texts(), _data(engine_run))
    assert bad == [], f"English left in the engine's lines:\n{_report(bad)}"
    newest_first = list(reversed(engine_run.entries))
    assert len(shown.messages()) == len(newest_first)
    for text, entry in zip(shown.messages(), newest_first, strict=True):
        assert text != entry.message, f"not translated: {entry.message!r}"
    assert any("Entrée de temps de 1,5 h" in t for t in shown.messages())
    assert any("Statut ouvert → fermé" in t for t in shown.messages())
    assert any("Téléversé vers Clio" in t for t in shown.recent())
    titles = [t for t, _m in shown.tray.messages]
    assert titles == ["Un nouveau dossier a besoin d'un client lié", "Conflit de versions"]


def test_lines_read_back_from_the_history_table_in_french(
    qtbot: QtBot, french: None, engine_run: EngineRun, screens: object
) -> None:
    live = screens()  # type: ignore[operator]
    stored = screens(engine_run.stored)  # type: ignore[operator]
    assert stored.messages() == live.messages()
    assert left_in(stored.texts(), _data(engine_run)) == []


def test_switched_while_open_and_back(
    qtbot: QtBot, language: object, engine_run: EngineRun, screens: object
) -> None:
    language("en")  # type: ignore[operator]
    shown = screens()  # type: ignore[operator]
    # the engine's own words (its amounts grouped as English writes them)
    english = [e.message.replace("1245.20", "1,245.20") for e in reversed(engine_run.entries)]
    assert shown.messages() == english
    language("fr")  # type: ignore[operator]
    shown.show_notices()  # a notification is shown once, in the language of its moment
    bad = left_in(shown.texts(), _data(engine_run))
    assert bad == [], f"not retranslated to French:\n{_report(bad)}"
    language("en")  # type: ignore[operator]
    shown.show_notices()
    assert shown.messages() == english
    bad = left_in(shown.texts(), _data(engine_run), english=False)
    assert bad == [], f"French left after switching back:\n{_report(bad)}"


def test_lines_without_templates_would_be_caught(
    qtbot: QtBot, french: None, engine_run: EngineRun, screens: object
) -> None:
    """The walk can fail: the same lines as plain English (no template) are found out."""
    plain = tuple(
        ActivityLogEntry(e.id, e.at, e.kind, e.result, e.matter_id, e.matter_label, e.message)
        for e in engine_run.entries
    )
    shown = screens(plain)  # type: ignore[operator]
    bad = left_in(texts_of(shown.dock), _data(engine_run))
    assert len(bad) >= len(plain) // 2
    assert QApplication.instance() is not None
