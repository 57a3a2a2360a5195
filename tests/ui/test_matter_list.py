"""The matter model and its filter/sort proxy: O(1) row updates, search that ignores case and
accents, quick filters, sorting, live updates moving rows in and out, and model consistency."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush, QIcon

from desktop.sync.events import MattersChanged
from desktop.sync.views import ClientChip, MatterSyncState, MatterView
from desktop.ui import icons
from desktop.ui.matter_filter import MatterFilterProxy, QuickFilter, needs_attention
from desktop.ui.matter_model import Column, MatterTableModel, Role, fold
from tests.ui import sample_data as sd


@pytest.fixture
def models(qapp, matters):  # type: ignore[no-untyped-def]
    model = MatterTableModel()
    proxy = MatterFilterProxy()
    proxy.setSourceModel(model)
    model.apply(MattersChanged(tuple(matters), full=True))
    return model, proxy


def _matter(
    mid: str,
    number: str,
    title: str,
    clients: tuple[str, ...] = ("Ada Lovelace",),
    state: MatterSyncState = MatterSyncState.IN_SYNC,
    **kw: object,
) -> MatterView:
    return MatterView(
        matter_id=mid,
        number=number,
        title=title,
        status="open",
        clients=tuple(
            ClientChip(f"c-{i}", n, 1 if i == 0 else None) for i, n in enumerate(clients)
        ),
        preexisting=False,
        folder=f"/w/{number}",
        state=state,
        **kw,  # type: ignore[arg-type]
    )


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Côté-Lévesque ÉLÉONORE") == "cote-levesque eleonore"
    assert fold("9876-5432 Québec inc.") == "9876-5432 quebec inc."


def test_partial_update_replaces_one_row_in_place(models) -> None:  # type: ignore[no-untyped-def]
    model, _proxy = models
    before = model.rowCount()
    target = model.view_at(10)
    changed_rows: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _r: changed_rows.append((a.row(), b.row())))
    updated = replace(target, state=MatterSyncState.ERROR, state_detail="Folder missing")
    model.apply(MattersChanged((updated,)))
    assert model.rowCount() == before
    assert model.row_of(target.matter_id) == 10
    assert model.view_at(10) is updated
    assert changed_rows == [(10, 10)]


def test_new_and_removed_matters(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    n = model.rowCount()
    new = _matter("m-new", "2026-0001", "Purchase of 1 New St")
    model.apply(MattersChanged((new,), removed=(model.view_at(0).matter_id,)))
    assert model.rowCount() == n
    assert model.row_of("m-new") >= 0
    assert proxy.row_of("m-new") >= 0
    assert proxy.rowCount() == n


def test_data_never_returns_none_for_handled_roles(models) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    roles = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Role.VIEW,
        Role.MATTER_ID,
        Role.STATE,
    ]
    for row in range(proxy.rowCount()):
        for col in Column:
            for role in roles:
                value = proxy.index(row, col).data(role)
                assert value is not None, (row, col, role)
    assert isinstance(proxy.index(0, Column.STATUS).data(Qt.ItemDataRole.DecorationRole), QIcon)
    assert isinstance(proxy.index(0, Column.CLIO).data(Qt.ItemDataRole.ForegroundRole), QBrush)


def test_status_cell_shows_icon_and_words_for_every_state(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    for state in MatterSyncState:
        row = next(r for r in range(model.rowCount()) if model.view_at(r).state == state)
        view = model.view_at(row)
        index = proxy.index(proxy.row_of(view.matter_id), Column.STATUS)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        assert text  # words, never colour alone
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        assert icon.cacheKey() == icons.matter_state_icon(state).cacheKey()


def test_search_matches_number_title_clients_and_clio_number(models) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    proxy.set_search("TREMBLAY-OKAFOR")
    assert "m-2025-0107" in proxy.shown_ids()
    proxy.set_search("cote bernadette")  # accents and order of words do not matter
    assert proxy.shown_ids() == ["m-2024-0302"]
    proxy.set_search("00107-tremblay")  # the Clio number
    assert "m-2025-0107" in proxy.shown_ids()
    proxy.set_search("québec inc")  # a client
    ids = proxy.shown_ids()
    assert ids and all(
        any("quebec inc" in fold(c.name) for c in proxy.view_at(r).clients)
        for r in range(proxy.rowCount())
    )
    proxy.set_search("no such matter anywhere")
    assert proxy.rowCount() == 0
    proxy.set_search("")
    assert proxy.rowCount() == 202


def test_narrowing_and_widening_the_search_agree_with_a_fresh_filter(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    for text in ("e", "es", "est", "esta", "estat", "esta", "es", "e", ""):
        proxy.set_search(text)
        expected = {v.matter_id for v in model.views() if fold(text) in _key(v)}
        assert set(proxy.shown_ids()) == expected, text


def _key(v: MatterView) -> str:
    return fold(" ".join([v.number, v.title, v.clio_display_number, *(c.name for c in v.clients)]))


def test_quick_filters_and_their_counts(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    counts = proxy.quick_counts()
    assert counts[QuickFilter.ALL] == model.rowCount()
    proxy.set_quick_filter(QuickFilter.NOT_SYNCED)
    assert proxy.rowCount() == counts[QuickFilter.NOT_SYNCED] > 0
    assert all(
        proxy.view_at(r).state == MatterSyncState.NOT_SYNCED for r in range(proxy.rowCount())
    )
    proxy.set_quick_filter(QuickFilter.NEEDS_ATTENTION)
    assert proxy.rowCount() == counts[QuickFilter.NEEDS_ATTENTION] > 0
    states = {proxy.view_at(r).state for r in range(proxy.rowCount())}
    assert states >= {
        MatterSyncState.CONFLICT,
        MatterSyncState.ERROR,
        MatterSyncState.NEEDS_CLIENT,
        MatterSyncState.WAITING,
    }
    assert MatterSyncState.IN_SYNC not in states or all(
        proxy.view_at(r).conflicts or proxy.view_at(r).errors
        for r in range(proxy.rowCount())
        if proxy.view_at(r).state == MatterSyncState.IN_SYNC
    )


def test_a_matter_held_by_a_guard_needs_attention(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    paused = next(v for v in model.views() if v.state == MatterSyncState.PAUSED)
    assert not needs_attention(paused, set())
    proxy.set_quick_filter(QuickFilter.NEEDS_ATTENTION)
    assert proxy.row_of(paused.matter_id) == -1
    proxy.set_guarded({paused.matter_id})
    assert proxy.row_of(paused.matter_id) >= 0


def test_live_updates_move_rows_in_and_out_of_a_filter(models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    proxy.set_quick_filter(QuickFilter.NEEDS_ATTENTION)
    conflict = next(v for v in model.views() if v.state == MatterSyncState.CONFLICT)
    calm = next(v for v in model.views() if v.state == MatterSyncState.IN_SYNC and not v.errors)
    assert proxy.row_of(conflict.matter_id) >= 0
    assert proxy.row_of(calm.matter_id) == -1
    model.apply(
        MattersChanged(
            (
                replace(conflict, state=MatterSyncState.IN_SYNC, conflicts=0),
                replace(calm, state=MatterSyncState.ERROR, errors=1),
            )
        )
    )
    assert proxy.row_of(conflict.matter_id) == -1
    assert proxy.row_of(calm.matter_id) >= 0


def test_sorting_by_status_puts_the_urgent_first(models) -> None:  # type: ignore[no-untyped-def]
    _model, proxy = models
    proxy.sort(Column.STATUS, Qt.SortOrder.AscendingOrder)
    assert proxy.view_at(0).state == MatterSyncState.ERROR
    assert proxy.view_at(proxy.rowCount() - 1).state == MatterSyncState.IN_SYNC
    proxy.sort(Column.NUMBER, Qt.SortOrder.AscendingOrder)
    numbers = [proxy.view_at(r).number for r in range(proxy.rowCount())]
    assert numbers == sorted(numbers)


def test_a_persistent_index_follows_its_matter_through_sort_and_filter(models) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPersistentModelIndex

    _model, proxy = models
    row = proxy.row_of("m-2024-0302")
    kept = QPersistentModelIndex(proxy.index(row, 0))
    proxy.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert kept.data(Role.MATTER_ID) == "m-2024-0302"
    proxy.set_search("estate")
    assert kept.isValid() and kept.data(Role.MATTER_ID) == "m-2024-0302"
    proxy.set_search("purchase")
    assert not kept.isValid()  # filtered out: no longer in the list


def test_the_proxy_passes_qt_model_checks(qtmodeltester, models) -> None:  # type: ignore[no-untyped-def]
    model, proxy = models
    qtmodeltester.check(proxy, force_py=False)
    proxy.set_search("estate")
    proxy.set_quick_filter(QuickFilter.NEEDS_ATTENTION)
    proxy.sort(Column.STATUS, Qt.SortOrder.DescendingOrder)
    model.apply(MattersChanged((replace(model.view_at(3), state=MatterSyncState.ERROR),)))
    model.apply(MattersChanged(tuple(sd.make_matters(50, seed=9)), full=True))
    assert proxy.index(0, 0, proxy.index(0, 0)) == QModelIndex()
