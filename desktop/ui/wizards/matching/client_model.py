"""The left side of the contact matching wizard: Prolegis clients with their match band, as a
two-column table model (client, match). It keeps, beside the rows, the plain lists a filter
reads in bulk (each client's band, id and folded search text); the filter itself is
``client_filter.ClientFilterProxy``.

Bands: ``confident`` (a candidate is almost surely the same person), ``review`` (look before
linking), ``none`` (no likely contact in Clio), ``linked`` (already linked). The filter
"unlinked" is every band but ``linked``.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.sync.views import ClientMatchView
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.i18n import TranslationContext

BANDS = ("confident", "review", "none", "linked")
FILTERS = ("unlinked", "review", "confident", "linked", "all")

CLIENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the ClientMatchView
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 2
BAND_ROLE = Qt.ItemDataRole.UserRole + 3

AnyIndex = QModelIndex | QPersistentModelIndex


class Matching(TranslationContext):
    """The translation context of the matching words (``Matching.tr``)."""


def band_text(band: str) -> str:
    """The word shown for a band (never colour alone)."""
    return {
        "confident": Matching.tr("Confident"),
        "review": Matching.tr("Review"),
        "none": Matching.tr("No match"),
        "linked": Matching.tr("Linked"),
    }.get(band, band)


def fold(text: str) -> str:
    """Lower case without accents, so "cote" finds "Côté"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class ClientListModel(QAbstractTableModel):
    """Clients and their band; ``mark_linked`` updates a row at once after a link."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ClientMatchView] = []
        self._folded: list[str] = []
        self._bands: list[str] = []
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}

    def retranslate(self) -> None:
        """Show the headers and the band words in the new language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 1))

    # ------------------------------------------------------------------ Qt API

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Prolegis client"), self.tr("Match"))[section]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view = self._rows[index.row()]
        col = index.column()
        if role == CLIENT_ROLE:
            return view
        if role == CLIENT_ID_ROLE:
            return view.client_id
        if role == BAND_ROLE:
            return view.band
        if role == Qt.ItemDataRole.DisplayRole:
            return view.name if col == 0 else band_text(view.band)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == 1:
                return extra_icon(f"band-{view.band}")
            if view.on_new_matters:
                return extra_icon("matter-needs_client")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [view.summary] if view.summary else []
            if view.band == "linked" and view.linked_contact_name:
                parts.append(
                    self.tr("Linked to {contact}").format(contact=view.linked_contact_name)
                )
            if view.on_new_matters:
                parts.append(
                    self.tr("Needed for the new matter(s): {matters}").format(
                        matters=", ".join(view.on_new_matters)
                    )
                )
            return "\n".join(parts)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if col == 0 and view.on_new_matters:
                return self.tr("{name}, needed for a new matter").format(name=view.name)
            return view.name if col == 0 else band_text(view.band)
        return None

    # ------------------------------------------------------------------ content

    def set_clients(self, clients: Sequence[ClientMatchView]) -> None:
        self.beginResetModel()
        self._rows = list(clients)
        self._folded = [fold(f"{c.name} {c.summary}") for c in self._rows]
        self._bands = [c.band for c in self._rows]
        self._ids = [c.client_id for c in self._rows]
        self._row_of = {c.client_id: i for i, c in enumerate(self._rows)}
        self.endResetModel()

    def clients(self) -> list[ClientMatchView]:
        return list(self._rows)

    def client(self, client_id: str) -> ClientMatchView | None:
        row = self._row_of.get(client_id)
        return self._rows[row] if row is not None else None

    def row_of(self, client_id: str) -> int:
        """The row of ``client_id``, or -1."""
        return self._row_of.get(client_id, -1)

    def folded_text(self, row: int) -> str:
        return self._folded[row]

    # The lists a filter reads in bulk, one entry per row (read them, never change them).

    def folded_texts(self) -> Sequence[str]:
        return self._folded

    def bands(self) -> Sequence[str]:
        return self._bands

    def client_ids(self) -> Sequence[str]:
        return self._ids

    def band_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(BANDS, 0)
        for band in self._bands:
            counts[band] = counts.get(band, 0) + 1
        return counts

    def mark_linked(self, client_ids: Iterable[str], contact_names: dict[str, str]) -> None:
        """Show these clients as linked now (the engine's next list confirms it); one
        ``dataChanged`` covers them all."""
        changed: list[int] = []
        for cid in client_ids:
            row = self._row_of.get(cid)
            if row is None:
                continue
            old = self._rows[row]
            self._rows[row] = dataclasses.replace(
                old, band="linked", linked_contact_name=contact_names.get(cid, old.name)
            )
            self._bands[row] = "linked"
            changed.append(row)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), 1))
