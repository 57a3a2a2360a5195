"""The contact matching wizard, driven by keyboard and mouse: link, create, skip, accept all,
search and filters."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.sync.commands import AcceptConfidentMatches, LinkClient, UnlinkClient
from desktop.ui.wizards.matching import ContactMatchingDialog
from desktop.ui.wizards.matching.client_model import CLIENT_ID_ROLE
from desktop.ui.wizards.matching.panel import SEARCH_DELAY_MS
from tests.ui.dialogs.conftest import Recorder, answer_message_box, press, show_active
from tests.ui.dialogs.factories import LONG_COMPANY, LONG_PERSON, client, many_clients


def _wizard(qtbot: QtBot, submitted: Recorder, clients=None) -> ContactMatchingDialog:  # type: ignore[no-untyped-def]
    dlg = ContactMatchingDialog(many_clients(240) if clients is None else clients, submitted)
    qtbot.addWidget(dlg)
    show_active(qtbot, dlg)
    return dlg


def _text(button) -> str:  # type: ignore[no-untyped-def]
    return str(button.text()).replace("&", "")


def test_opens_on_unlinked_clients_with_counts(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    dlg = _wizard(qtbot, submitted, clients)
    p = dlg.panel
    bands = [c.band for c in clients]
    assert _text(p.filter_buttons["unlinked"]) == f"Unlinked ({240 - bands.count('linked')})"
    assert _text(p.filter_buttons["review"]) == f"Review ({bands.count('review')})"
    assert _text(p.filter_buttons["confident"]) == f"Confident ({bands.count('confident')})"
    assert _text(p.filter_buttons["linked"]) == f"Linked ({bands.count('linked')})"
    assert p.proxy.rowCount() == 240 - bands.count("linked")
    assert p.current_client().name == LONG_PERSON  # type: ignore[union-attr]
    assert p.candidates.heading.text() == f"Clio candidates for: {LONG_PERSON}"
    assert "2026-0042 Purchase of 7 Rue Cartier" in p.candidates.new_matters.text()
    # the best candidate is pre-selected; there is always a "create new" row last
    assert p.candidates.choice() == ("link", clients[0].candidates[0].contact_id)
    assert p.candidates.list.count() == len(clients[0].candidates) + 1


def test_enter_links_and_moves_on(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    dlg = _wizard(qtbot, submitted, clients)
    p = dlg.panel
    before = p.proxy.rowCount()
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.commands == [
        LinkClient(client_id="c-1000", contact_id=clients[0].candidates[0].contact_id)
    ]
    assert p.proxy.rowCount() == before - 1  # it left the "unlinked" list
    assert p.current_client().name == LONG_COMPANY  # type: ignore[union-attr]
    assert _text(p.filter_buttons["linked"]).startswith(
        f"Linked ({[c.band for c in clients].count('linked') + 1}"
    )


def test_arrows_choose_client_and_candidate(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    dlg = _wizard(qtbot, submitted, clients)
    p = dlg.panel
    assert p.clients_view.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert p.current_client().name == "Jean-François Côté"  # type: ignore[union-attr]
    press(qtbot, Qt.Key.Key_Right)
    assert p.candidates.list.hasFocus()
    press(qtbot, Qt.Key.Key_Down)
    assert p.candidates.choice() == ("link", clients[2].candidates[1].contact_id)
    press(qtbot, Qt.Key.Key_Left)
    assert p.clients_view.hasFocus()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Enter)
    assert submitted.commands == [
        LinkClient(client_id="c-1002", contact_id=clients[2].candidates[1].contact_id)
    ]


def test_number_keys_pick_a_candidate(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    dlg = _wizard(qtbot, submitted, clients)
    press(qtbot, Qt.Key.Key_3)
    assert dlg.panel.candidates.choice() == ("link", clients[0].candidates[2].contact_id)
    press(qtbot, Qt.Key.Key_4)  # the 4th row is "create a new contact"
    assert dlg.panel.candidates.choice() == ("create", None)
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.commands == [LinkClient(client_id="c-1000", create=True)]


def test_create_new_with_ctrl_n_and_button(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _wizard(qtbot, submitted)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert submitted.commands == [LinkClient(client_id="c-1000", create=True)]
    qtbot.mouseClick(dlg.panel.create_button, Qt.MouseButton.LeftButton)
    assert submitted.commands[-1] == LinkClient(client_id="c-1001", create=True)


def test_no_candidates_enter_creates(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _wizard(qtbot, submitted, [client(7, "none", "Rita Okafor")])
    assert dlg.panel.candidates.choice() == ("create", None)
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.commands == [LinkClient(client_id="c-1007", create=True)]
    assert dlg.panel.current_client() is None  # nothing left to link
    assert not dlg.panel.link_button.isEnabled()


def test_skip_moves_on_without_a_command(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _wizard(qtbot, submitted)
    press(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dlg.panel.current_client().name == LONG_COMPANY)  # type: ignore[union-attr]
    qtbot.mouseClick(dlg.panel.skip_button, Qt.MouseButton.LeftButton)
    assert dlg.panel.current_client().name == "Jean-François Côté"  # type: ignore[union-attr]
    assert submitted.commands == []


def test_accept_all_confident_confirms_the_count(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    n = sum(1 for c in clients if c.band == "confident")
    dlg = _wizard(qtbot, submitted, clients)
    p = dlg.panel
    assert _text(p.accept_all_button).startswith(f"Accept all {n} confident match")
    seen: list[str] = []
    answer_message_box(qtbot, QMessageBox.StandardButton.Cancel, seen)
    qtbot.mouseClick(p.accept_all_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == []
    assert str(n) in seen[0]
    answer_message_box(qtbot, QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(p.accept_all_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == [AcceptConfidentMatches(expected=n)]
    assert _text(p.filter_buttons["confident"]) == "Confident (0)"
    assert not p.accept_all_button.isEnabled()
    assert p.current_client().name == LONG_PERSON  # type: ignore[union-attr]  # still there


def test_search_ignores_accents_and_case(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _wizard(qtbot, submitted)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert dlg.panel.search.hasFocus()
    qtbot.keyClicks(dlg.panel.search, "jean-francois cote")
    press(qtbot, Qt.Key.Key_Down)  # back to the list, ready for Enter: the search applies now
    assert dlg.panel.proxy.rowCount() == 1
    assert dlg.panel.current_client().name == "Jean-François Côté"  # type: ignore[union-attr]
    assert dlg.panel.clients_view.hasFocus()
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.of(LinkClient)[0].client_id == "c-1002"  # type: ignore[attr-defined]


def _shown_ids(dlg: ContactMatchingDialog) -> set[str]:
    proxy = dlg.panel.proxy
    return {str(proxy.index(r, 0).data(CLIENT_ID_ROLE)) for r in range(proxy.rowCount())}


def test_the_list_follows_the_search_once_typing_pauses(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    dlg = _wizard(qtbot, submitted, clients)
    p = dlg.panel
    refiltered: list[str] = []  # the search text each time the list changed
    for signal in (p.proxy.layoutChanged, p.proxy.rowsRemoved, p.proxy.rowsInserted):
        signal.connect(lambda *_: refiltered.append(p.search.text()))
    before = _shown_ids(dlg)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(p.search, "levesque 002")  # a burst of 12 keystrokes
    assert refiltered == []  # not filtered once per keystroke…
    assert _shown_ids(dlg) == before
    qtbot.waitUntil(lambda: bool(refiltered))  # …but once the typing paused
    qtbot.wait(3 * SEARCH_DELAY_MS)
    assert refiltered == ["levesque 002"]
    wanted = {c.client_id for c in clients if c.band != "linked" and "002" in c.name}
    assert _shown_ids(dlg) == wanted and len(wanted) > 1
    chosen = p.current_client()
    assert chosen is not None and chosen.client_id in wanted
    # typing more keeps the chosen client selected while it still matches
    qtbot.keyClicks(p.search, chosen.name[chosen.name.index("002") + 3])  # "0020" for 0020
    qtbot.waitUntil(lambda: len(refiltered) == 2)
    assert p.current_client() == chosen
    assert p.candidates.heading.text().endswith(chosen.name)
    # erasing the search shows every unlinked client again
    p.search.clear()
    qtbot.waitUntil(lambda: len(refiltered) == 3)
    assert _shown_ids(dlg) == {c.client_id for c in clients if c.band != "linked"}
    assert p.current_client() == chosen


def test_filters(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    dlg = _wizard(qtbot, submitted, clients)
    p = dlg.panel
    for name, band in (("review", "review"), ("confident", "confident"), ("linked", "linked")):
        qtbot.mouseClick(p.filter_buttons[name], Qt.MouseButton.LeftButton)
        assert p.proxy.rowCount() == sum(1 for c in clients if c.band == band)
        shown = {p.proxy.index(r, 1).data() for r in range(p.proxy.rowCount())}
        assert len(shown) == 1
    qtbot.mouseClick(p.filter_buttons["all"], Qt.MouseButton.LeftButton)
    assert p.proxy.rowCount() == 240


def test_linked_client_can_be_unlinked(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _wizard(qtbot, submitted, [client(5, "linked", "Ada Lovelace")])
    p = dlg.panel
    p.set_filter("linked")
    assert p.candidates.unlink_button.isVisible()
    assert "Ada Lovelace" in p.candidates.linked.text()
    qtbot.mouseClick(p.candidates.unlink_button, Qt.MouseButton.LeftButton)
    assert submitted.commands == [UnlinkClient(client_id="c-1005")]


def test_opened_for_a_new_matter(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _wizard(qtbot, submitted)
    dlg.show_clients(["c-1000", "c-1004"], "Clients of 2026-0042 Purchase of 7 Rue Cartier")
    p = dlg.panel
    assert p.only_bar.isVisible()
    assert p.proxy.rowCount() == 2  # one unlinked, one linked: both shown
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.commands[0].client_id == "c-1000"  # type: ignore[attr-defined]
    qtbot.mouseClick(p.show_all_button, Qt.MouseButton.LeftButton)
    assert p.proxy.rowCount() == 240


def test_engine_results_keep_the_selection(qtbot: QtBot, submitted: Recorder) -> None:
    clients = many_clients(240)
    dlg = _wizard(qtbot, submitted, clients)
    p = dlg.panel
    press(qtbot, Qt.Key.Key_Down)
    dlg.on_matches(list(reversed(clients)))
    assert p.current_client().name == LONG_COMPANY  # type: ignore[union-attr]
    dlg.on_command_failed("Clio refused the link: the contact was deleted.")
    assert p.message.isVisible()
    press(qtbot, Qt.Key.Key_Down)
    assert not p.message.isVisible()


def test_close_button(qtbot: QtBot, submitted: Recorder) -> None:
    dlg = _wizard(qtbot, submitted)
    qtbot.mouseClick(dlg.panel.close_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert submitted.commands == []


def test_opened_from_a_new_matter_selects_its_unlinked_client(
    qtbot: QtBot, submitted: Recorder
) -> None:
    from desktop.sync.views import ClientChip, MatterSyncState, MatterView

    matter = MatterView(
        matter_id="m-2026-0042",
        number="2026-0042",
        title="Purchase of 7 Rue Cartier",
        status="open",
        preexisting=False,
        folder="/x",
        state=MatterSyncState.NEEDS_CLIENT,
        clients=(ClientChip("c-1004", "Client 0004", 123), ClientChip("c-1002", "J.-F. Côté")),
    )
    dlg = _wizard(qtbot, submitted)
    dlg.show_matter(matter)
    p = dlg.panel
    assert p.proxy.rowCount() == 2
    assert p.current_client().client_id == "c-1002"  # type: ignore[union-attr]
    assert "2026-0042 Purchase of 7 Rue Cartier" in p.only_label.text()
    press(qtbot, Qt.Key.Key_Return)
    assert submitted.commands[0].client_id == "c-1002"  # type: ignore[attr-defined]
