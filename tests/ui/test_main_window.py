"""The main window driven as a user would: search, quick filters, selecting matters, the
fly-out, "Sync with Clio", unlinking, pause/resume, sync now, the banner's actions, and the
status icons following the engine's events."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from desktop.sync.commands import (
    LinkMatter,
    Pause,
    RequestDocuments,
    Resume,
    SuggestMatters,
    SyncNow,
    UnlinkMatter,
)
from desktop.sync.events import (
    CommandFailed,
    ConflictsChanged,
    GuardsChanged,
    HistoryAdded,
    MattersChanged,
    StatusChanged,
    SuggestionsReady,
)
from desktop.sync.views import (
    ConflictView,
    EngineState,
    GuardView,
    MatterSyncState,
    VersionInfo,
)
from desktop.ui import icons
from desktop.ui.matter_filter import QuickFilter
from desktop.ui.matter_model import Column
from tests.ui import sample_data as sd
from tests.ui.conftest import deliver


@pytest.fixture
def loaded(qtbot, window, host, engine, matters):  # type: ignore[no-untyped-def]
    deliver(
        qtbot, host, engine, StatusChanged(sd.status()), MattersChanged(tuple(matters), full=True)
    )
    return window


def _click_row(qtbot, window, matter_id: str) -> None:  # type: ignore[no-untyped-def]
    table = window.table
    row = window.proxy.row_of(matter_id)
    assert row >= 0
    index = window.proxy.index(row, Column.TITLE)
    table.scrollTo(index)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center()
    )


def test_typing_in_the_search_box_filters_the_list(qtbot, loaded) -> None:
    window = loaded
    qtbot.mouseClick(window.toolbar.search, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.toolbar.search, "cote bern")
    assert window.proxy.shown_ids() == ["m-2024-0302"]
    assert "Showing 1 of 202" in window.shown_label.text()
    qtbot.keyClick(window.toolbar.search, Qt.Key.Key_Escape)
    assert window.toolbar.search.text() == ""
    assert window.proxy.rowCount() == 202


def test_ctrl_f_then_down_moves_from_search_to_the_first_match(qtbot, loaded) -> None:
    window = loaded
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.toolbar.search.hasFocus()
    qtbot.keyClicks(window.toolbar.search, "tremblay-okafor")
    qtbot.keyClick(window.toolbar.search, Qt.Key.Key_Down)
    assert window.table.hasFocus()
    assert window.table.current_matter_id() == window.proxy.view_at(0).matter_id


def test_quick_filters_are_buttons_with_counts(qtbot, loaded) -> None:
    window = loaded
    counts = window.proxy.quick_counts()
    attention = window.filter_buttons[QuickFilter.NEEDS_ATTENTION]
    assert str(counts[QuickFilter.NEEDS_ATTENTION]) in attention.text()
    qtbot.mouseClick(attention, Qt.MouseButton.LeftButton)
    assert window.proxy.quick_filter() == QuickFilter.NEEDS_ATTENTION
    assert window.proxy.rowCount() == counts[QuickFilter.NEEDS_ATTENTION]
    qtbot.mouseClick(window.filter_buttons[QuickFilter.NOT_SYNCED], Qt.MouseButton.LeftButton)
    assert {window.proxy.view_at(r).state for r in range(window.proxy.rowCount())} == {
        MatterSyncState.NOT_SYNCED
    }
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.proxy.rowCount() == 202
    assert window.filter_buttons[QuickFilter.ALL].isChecked()


def test_selecting_a_matter_opens_the_flyout_and_esc_closes_it(qtbot, loaded, engine) -> None:
    window = loaded
    assert not window.flyout.isVisible()
    _click_row(qtbot, window, "m-2025-0107")
    assert window.flyout.isVisible()
    assert window.flyout.number.text() == "2025-0107"
    assert "Tremblay-Okafor" in window.flyout.title.text()
    qtbot.waitUntil(
        lambda: any(c.matter_id == "m-2025-0107" for c in engine.commands(RequestDocuments))
    )
    qtbot.keyClick(window.table, Qt.Key.Key_Escape)
    assert not window.flyout.isVisible()
    qtbot.keyClick(window.table, Qt.Key.Key_I)
    assert window.flyout.isVisible()
    qtbot.keyClick(window.table, Qt.Key.Key_I)
    assert not window.flyout.isVisible()


def test_sync_with_clio_links_a_preexisting_matter(qtbot, loaded, host, engine) -> None:
    window = loaded
    pre = sd.preexisting_matter()
    engine.on(SuggestMatters, lambda c: [SuggestionsReady(c.matter_id, sd.suggestions_for(pre))])
    linked = replace(
        pre,
        state=MatterSyncState.IN_SYNC,
        clio_matter_id=800_302,
        clio_display_number="00302-Côté",
        clio_web_url="https://ca.app.clio.com/nc/#/matters/800302",
    )
    engine.on(LinkMatter, lambda c: [MattersChanged((linked,))])

    _click_row(qtbot, window, pre.matter_id)
    flyout = window.flyout
    assert flyout.sync_box.isVisible()
    qtbot.waitUntil(lambda: flyout.suggestion_list.count() == 3, timeout=5000)
    assert engine.commands(SuggestMatters)[-1] == SuggestMatters(pre.matter_id)
    assert "00302-Côté" in flyout.suggestion_list.item(0).text()
    assert flyout.sync_button.isEnabled()

    with qtbot.waitSignal(host.mattersChanged, timeout=5000):
        qtbot.mouseClick(flyout.sync_button, Qt.MouseButton.LeftButton)
    assert engine.commands(LinkMatter) == [LinkMatter(pre.matter_id, clio_matter_id=800_302)]
    assert not flyout.sync_box.isVisible()
    assert flyout.clio_number.text() == "00302-Côté"
    row = window.proxy.row_of(pre.matter_id)
    assert window.proxy.index(row, Column.STATUS).data() == "In sync"


def test_sync_with_clio_can_create_a_new_clio_matter(qtbot, loaded, host, engine) -> None:
    window = loaded
    pre = sd.preexisting_matter()
    _click_row(qtbot, window, pre.matter_id)
    deliver(qtbot, host, engine, SuggestionsReady(pre.matter_id, ()))
    flyout = window.flyout
    assert flyout.choose_suggestion(None)
    assert flyout.sync_button.text() == "Create and sync"
    qtbot.mouseClick(flyout.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(engine.commands(LinkMatter)))
    assert engine.commands(LinkMatter) == [LinkMatter(pre.matter_id, create=True)]


def test_unlink_asks_first_then_sends_unlink(qtbot, loaded, engine) -> None:
    window = loaded
    _click_row(qtbot, window, "m-2025-0107")
    flyout = window.flyout
    qtbot.mouseClick(flyout.unlink_button, Qt.MouseButton.LeftButton)
    assert flyout.unlink_confirm.isVisible()
    assert not engine.commands(UnlinkMatter)
    qtbot.mouseClick(flyout.confirm_unlink_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(engine.commands(UnlinkMatter)))
    assert engine.commands(UnlinkMatter) == [UnlinkMatter("m-2025-0107")]
    assert not flyout.unlink_confirm.isVisible()


class _UrlRecorder(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_in_clio_and_open_folder(qtbot, loaded) -> None:
    window = loaded
    recorder = _UrlRecorder()
    QDesktopServices.setUrlHandler("https", recorder, "open")
    QDesktopServices.setUrlHandler("file", recorder, "open")
    try:
        _click_row(qtbot, window, "m-2025-0107")
        qtbot.mouseClick(window.flyout.open_clio, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.flyout.open_folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("https")
        QDesktopServices.unsetUrlHandler("file")
    feature = sd.feature_matter()
    assert [u.toString() for u in recorder.urls] == [
        feature.clio_web_url,
        QUrl.fromLocalFile(feature.folder).toString(),
    ]


def test_pause_resume_and_sync_now(qtbot, loaded, host, engine) -> None:
    window = loaded
    tb = window.toolbar
    engine.on(Pause, lambda _c: [StatusChanged(sd.status(EngineState.PAUSED))])
    engine.on(Resume, lambda _c: [StatusChanged(sd.status(EngineState.SYNCING, uploading=2))])
    pause_button = tb.widgetForAction(tb.pause_action)
    sync_button = tb.widgetForAction(tb.sync_action)

    qtbot.mouseClick(sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(engine.commands(SyncNow)))

    with qtbot.waitSignal(host.statusChanged, timeout=5000):
        qtbot.mouseClick(pause_button, Qt.MouseButton.LeftButton)
    assert engine.commands(Pause) == [Pause()]
    assert tb.pause_action.text() == "Resume"
    assert tb.status_button.text() == "Paused"
    assert (
        tb.status_button.icon().cacheKey() == icons.engine_state_icon(EngineState.PAUSED).cacheKey()
    )
    assert not tb.sync_action.isEnabled()

    with qtbot.waitSignal(host.statusChanged, timeout=5000):
        qtbot.mouseClick(pause_button, Qt.MouseButton.LeftButton)
    assert engine.commands(Resume) == [Resume()]
    assert tb.pause_action.text() == "Pause"
    assert tb.status_button.text().startswith("Syncing 2↑ 0↓")
    assert tb.sync_action.isEnabled()


def test_status_icons_follow_the_engine_events(qtbot, loaded, host, engine) -> None:
    window = loaded
    feature = sd.feature_matter()
    row = window.proxy.row_of(feature.matter_id)
    cell = window.proxy.index(row, Column.STATUS)
    assert cell.data() == "Syncing 2↑ 1↓"
    for state, words in (
        (MatterSyncState.CONFLICT, "Conflict (1)"),
        (MatterSyncState.ERROR, "Error"),
        (MatterSyncState.PAUSED, "Paused"),
        (MatterSyncState.IN_SYNC, "In sync"),
    ):
        deliver(qtbot, host, engine, MattersChanged((replace(feature, state=state),)))
        cell = window.proxy.index(window.proxy.row_of(feature.matter_id), Column.STATUS)
        assert cell.data() == words
        assert cell.data(Qt.ItemDataRole.DecorationRole).cacheKey() == (
            icons.matter_state_icon(state).cacheKey()
        )


def test_the_flyout_follows_updates_of_its_matter(qtbot, loaded, host, engine) -> None:
    window = loaded
    _click_row(qtbot, window, "m-2025-0107")
    feature = sd.feature_matter()
    deliver(
        qtbot,
        host,
        engine,
        MattersChanged(
            (replace(feature, state=MatterSyncState.ERROR, state_detail="The folder is missing."),)
        ),
    )
    assert window.flyout.state_text.text() == "Error — The folder is missing."


def test_the_banner_offers_what_needs_the_user(qtbot, loaded, host, engine) -> None:
    window = loaded
    feature = sd.feature_matter()
    guard = GuardView("deletions", "m-2025-0009", ("a.pdf",) * 12, "12 deletions held")
    conflict = ConflictView(
        1,
        feature.matter_id,
        "2025-0107",
        "a.pdf",
        VersionInfo("a.pdf", 1, None, "you"),
        VersionInfo("a.pdf", 2, None, "J. Smith"),
        sd.NOW.isoformat(),
    )
    deliver(qtbot, host, engine, ConflictsChanged((conflict,)), GuardsChanged((guard,)))
    banner = window.banner
    assert banner.isVisible()
    keys = {item.key for item in banner.items()}
    assert {"conflicts", "guard-0", "matching"} <= keys

    with qtbot.waitSignal(window.openConflictsRequested):
        qtbot.mouseClick(banner.buttons["conflicts"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.openGuardRequested) as blocker:
        qtbot.mouseClick(banner.buttons["guard-0"], Qt.MouseButton.LeftButton)
    assert blocker.args == [guard]
    with qtbot.waitSignal(window.openMatchingRequested):
        qtbot.mouseClick(banner.buttons["matching"], Qt.MouseButton.LeftButton)

    deliver(
        qtbot, host, engine, ConflictsChanged(()), GuardsChanged(()), MattersChanged((), full=True)
    )
    assert not banner.isVisible()


def test_signed_out_offers_to_connect(qtbot, loaded, host, engine) -> None:
    window = loaded
    deliver(qtbot, host, engine, StatusChanged(sd.status(EngineState.SIGNED_OUT)))
    with qtbot.waitSignal(window.openConnectRequested):
        qtbot.mouseClick(window.banner.buttons["connect"], Qt.MouseButton.LeftButton)
    assert not window.toolbar.pause_action.isEnabled()


def test_a_failed_command_is_explained(qtbot, loaded, host, engine) -> None:
    window = loaded
    deliver(qtbot, host, engine, CommandFailed("LinkMatter", "Clio matter 00302 is closed."))
    assert "Clio matter 00302 is closed." in window.statusBar().currentMessage()
    entry = window.activity.model.entry(0)
    assert entry.result == "error"
    assert entry.detail == "Clio matter 00302 is closed."


def test_settings_and_activity_toggle(qtbot, loaded) -> None:
    window = loaded
    tb = window.toolbar
    with qtbot.waitSignal(window.openSettingsRequested):
        qtbot.mouseClick(tb.widgetForAction(tb.settings_action), Qt.MouseButton.LeftButton)
    assert window.activity.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.activity.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.activity.isVisible()


def test_the_activity_log_filters_and_says_what_to_do(qtbot, loaded, host, engine) -> None:
    window = loaded
    history = sd.make_history(60)
    deliver(qtbot, host, engine, HistoryAdded(history))
    dock = window.activity
    proxy = dock.proxy
    assert proxy.rowCount() == 60
    assert proxy.index(0, 3).data() == history[-1].message  # newest first
    combo = dock.result_filter
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "Errors"
    errors = [e for e in history if e.result == "error"]
    assert proxy.rowCount() == len(errors) > 0
    table = dock.table
    first = proxy.index(0, 3)
    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(first).center()
    )
    assert dock.detail.isVisible()
    assert "What to do:" in dock.detail.text()
    assert "tried again" in dock.detail.text()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # back to all results
    qtbot.keyClicks(dock.search, "lender")
    assert proxy.rowCount() > 0
    assert all("lender" in proxy.index(r, 3).data().lower() for r in range(proxy.rowCount()))
    dock.search.clear()
    known = next(e for e in history if window.model.row_of(e.matter_id) >= 0)
    window.select_matter(known.matter_id)
    qtbot.mouseClick(dock.this_matter, Qt.MouseButton.LeftButton)
    assert proxy.rowCount() == sum(1 for e in history if e.matter_id == known.matter_id)


def test_a_burst_of_activity_is_shown_in_a_few_inserts(qtbot, loaded, host, engine) -> None:
    """A first sync writes one line per document: the log shows the first at once and the rest
    in a few inserts (the GUI stalled up to 50 ms inserting 1,000 lines one by one)."""
    window = loaded
    history = sd.make_history(300)
    proxy = window.activity.proxy
    inserts: list[int] = []
    window.activity.model.rowsInserted.connect(lambda _p, first, last: inserts.append(last + 1))
    for entry in history:  # as the engine sends them during a pass: one event per line
        host.historyAdded.emit(HistoryAdded((entry,)))
    assert proxy.rowCount() == 1  # the first line at once
    qtbot.waitUntil(lambda: proxy.rowCount() == 300, timeout=2000)
    assert len(inserts) <= 3 and sum(inserts) == 300
    assert [proxy.index(r, 3).data() for r in range(300)] == [
        e.message for e in reversed(history)]  # newest first, none lost or twice


def test_double_clicking_an_activity_opens_its_matter(qtbot, loaded, host, engine) -> None:
    window = loaded
    history = sd.make_history(60)
    deliver(qtbot, host, engine, HistoryAdded(history))
    known = next(e for e in reversed(history) if window.model.row_of(e.matter_id) >= 0)
    proxy = window.activity.proxy
    row = next(r for r in range(proxy.rowCount()) if proxy.index(r, 2).data() == known.matter_label)
    table = window.activity.table
    pos = table.visualRect(proxy.index(row, 2)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.table.current_matter_id() == known.matter_id
    assert window.flyout.isVisible()


def test_a_matter_that_disappears_closes_its_flyout(qtbot, loaded, host, engine) -> None:
    window = loaded
    _click_row(qtbot, window, "m-2025-0107")
    assert window.flyout.isVisible()
    deliver(qtbot, host, engine, MattersChanged((), removed=("m-2025-0107",)))
    assert not window.flyout.isVisible()
    assert window.model.row_of("m-2025-0107") == -1


def test_every_control_has_a_name_for_screen_readers(qtbot, loaded) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    window = loaded
    _click_row(qtbot, window, "m-2025-0107")
    unnamed = []
    for kind in (QAbstractButton, QLineEdit, QComboBox):
        for widget in window.findChildren(kind):
            if not widget.isVisible():
                continue
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            if isinstance(widget, QLineEdit):
                name = widget.accessibleName()
            if not name.strip():
                unnamed.append(
                    f"{type(widget).__name__} {widget.objectName()!r} in "
                    f"{type(widget.parent()).__name__} {widget.parent().objectName()!r}"
                )
    assert not unnamed, unnamed
