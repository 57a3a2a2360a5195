"""The right side of the contact matching wizard: the selected client's Clio candidates, best
first, each with its score and the evidence (fields that agree ✓, disagree ✗ or partly agree ~,
marked by symbol and word, not by colour alone), and a last row "Create a new Clio contact".
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.views import CandidateView, ClientMatchView, EvidenceView
from desktop.ui import i18n, style
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.wizards.matching.client_model import Matching

CREATE_ROW = -1  # the contact id stored on the "create a new contact" row
_CONTACT_ROLE = Qt.ItemDataRole.UserRole + 1


def field_text(field: str) -> str:
    return {
        "name": Matching.tr("name"),
        "email": Matching.tr("email"),
        "phone": Matching.tr("phone"),
        "company": Matching.tr("company"),
        "address": Matching.tr("address"),
    }.get(field, field)


_MARKS = {"agrees": ("✓", "ok"), "disagrees": ("✗", "bad"), "partial": ("~", "warn")}


def evidence_html(evidence: tuple[EvidenceView, ...]) -> str:
    """``✓ email  ✓ phone  ✗ name`` as rich text (symbol, word and colour)."""
    parts = []
    for ev in evidence:
        mark, role = _MARKS.get(ev.verdict, ("?", "muted"))
        parts.append(
            f'<span style="color:{style.hex_colour(role)}">{mark}</span>&nbsp;'
            f"{html.escape(field_text(ev.field))}"
        )
    return "&nbsp;&nbsp; ".join(parts)


def evidence_plain(evidence: tuple[EvidenceView, ...]) -> str:
    """The same evidence in words, for screen readers and tooltips."""
    verdicts = {
        "agrees": Matching.tr("{field} agrees"),
        "disagrees": Matching.tr("{field} differs"),
        "partial": Matching.tr("{field} partly agrees"),
    }
    return ", ".join(
        verdicts.get(ev.verdict, "{field}").format(field=field_text(ev.field)) for ev in evidence
    )


class CandidateRow(QWidget):
    """One candidate (or the "create new" row) as shown in the list."""

    def __init__(
        self,
        title: str,
        score: str,
        evidence: str,
        summary: str,
        icon_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(6, 4, 6, 4)
        icon = QLabel()
        icon.setPixmap(extra_icon(icon_name).pixmap(20, 20))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        outer.addWidget(icon)
        text = QVBoxLayout()
        text.setSpacing(1)
        top = QHBoxLayout()
        self.title = QLabel(html.escape(title))
        self.title.setFont(style.heading_font())
        self.title.setTextFormat(Qt.TextFormat.RichText)
        top.addWidget(self.title, 1)
        self.score = QLabel(score)
        self.score.setFont(style.heading_font())
        top.addWidget(self.score)
        text.addLayout(top)
        self.evidence = QLabel(evidence)
        self.evidence.setTextFormat(Qt.TextFormat.RichText)
        if evidence:
            text.addWidget(self.evidence)
        self.summary = QLabel(html.escape(summary))
        self.summary.setFont(style.small_font())
        self.summary.setStyleSheet(f"color: {style.hex_colour('muted')}")
        if summary:
            text.addWidget(self.summary)
        outer.addLayout(text, 1)


class CandidatePanel(QWidget):
    """The candidates of one client; the current row is the choice Enter links."""

    link_requested = Signal()
    unlink_requested = Signal(str)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setFont(style.title_font())
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.client_summary = QLabel()
        self.client_summary.setWordWrap(True)
        self.client_summary.setStyleSheet(f"color: {style.hex_colour('muted')}")
        layout.addWidget(self.client_summary)
        self.new_matters = QLabel()
        self.new_matters.setWordWrap(True)
        layout.addWidget(self.new_matters)
        linked_row = QHBoxLayout()
        self.linked = QLabel()
        self.linked.setWordWrap(True)
        linked_row.addWidget(self.linked, 1)
        self.unlink_button = QPushButton(extra_icon("unlink"), "")
        self.unlink_button.clicked.connect(self._unlink)
        linked_row.addWidget(self.unlink_button)
        layout.addLayout(linked_row)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.itemDoubleClicked.connect(lambda _item: self.link_requested.emit())
        self._style_selection()
        style.theme_notifier().changed.connect(self._style_selection)
        layout.addWidget(self.list, 1)
        self._client: ClientMatchView | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.unlink_button.setText(self.tr("&Unlink"))
        self.list.setAccessibleName(self.tr("Clio candidates"))
        row = self.list.currentRow()
        self.show_client(self._client)
        self.select_row(row)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ public

    @property
    def client(self) -> ClientMatchView | None:
        return self._client

    def show_client(self, view: ClientMatchView | None) -> None:
        """Show ``view``'s candidates; pre-select the best one (or "create new" when there is
        none)."""
        self._client = view
        self.list.clear()
        if view is None:
            self.heading.setText(self.tr("No client selected"))
            for w in (self.client_summary, self.new_matters, self.linked, self.unlink_button):
                w.hide()
            return
        self.heading.setText(self.tr("Clio candidates for: {name}").format(name=view.name))
        self.client_summary.setText(view.summary)
        self.client_summary.setVisible(bool(view.summary))
        self.new_matters.setText(
            self.tr("Needed for the new matter(s): {matters}").format(
                matters=", ".join(view.on_new_matters)
            )
        )
        self.new_matters.setVisible(bool(view.on_new_matters))
        is_linked = view.band == "linked"
        self.linked.setText(
            self.tr(
                "Linked to the Clio contact {contact}. Linking another contact replaces this link."
            ).format(contact=view.linked_contact_name or "?")
        )
        self.linked.setVisible(is_linked)
        self.unlink_button.setVisible(is_linked)
        for cand in view.candidates:
            self._add_candidate(cand, view)
        self._add_create_row(view)
        if view.candidates and view.band != "linked":
            self.list.setCurrentRow(0)
        elif view.band == "linked":
            linked_row = next(
                (
                    i
                    for i, c in enumerate(view.candidates)
                    if c.contact_id == view.linked_contact_id
                ),
                0,
            )
            self.list.setCurrentRow(linked_row)
        else:
            self.list.setCurrentRow(self.list.count() - 1)

    def choice(self) -> tuple[str, int | None]:
        """``("link", contact_id)``, ``("create", None)`` or ``("none", None)``."""
        item = self.list.currentItem()
        if item is None or self._client is None:
            return ("none", None)
        contact = int(item.data(_CONTACT_ROLE))
        return ("create", None) if contact == CREATE_ROW else ("link", contact)

    def choice_name(self) -> str:
        kind, contact = self.choice()
        if self._client is None:
            return ""
        if kind == "create":
            return self._client.name
        return next((c.name for c in self._client.candidates if c.contact_id == contact), "")

    def select_row(self, row: int) -> None:
        if 0 <= row < self.list.count():
            self.list.setCurrentRow(row)

    def select_create(self) -> None:
        self.list.setCurrentRow(self.list.count() - 1)

    # ------------------------------------------------------------------ internals

    def _add_candidate(self, cand: CandidateView, view: ClientMatchView) -> None:
        is_linked = view.linked_contact_id == cand.contact_id
        title = cand.name + ("  " + self.tr("(linked)") if is_linked else "")
        row = CandidateRow(
            title,
            self.tr("score {score}", "a match score out of 100").format(score=round(cand.score)),
            evidence_html(cand.evidence),
            cand.summary,
            "band-linked" if is_linked else "client",
        )
        spoken = self.tr("{name}, score {score}: {evidence}. {summary}").format(
            name=cand.name,
            score=round(cand.score),
            evidence=evidence_plain(cand.evidence),
            summary=cand.summary,
        )
        self._add_row(row, cand.contact_id, spoken)

    def _add_create_row(self, view: ClientMatchView) -> None:
        title = self.tr("Create a new Clio contact from this client")
        row = CandidateRow(title, "", "", view.summary, "person-add")
        self._add_row(row, CREATE_ROW, title)

    def _add_row(self, widget: CandidateRow, contact_id: int, spoken: str) -> None:
        item = QListWidgetItem()
        item.setData(_CONTACT_ROLE, contact_id)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
        item.setToolTip(spoken)
        hint = widget.sizeHint()
        item.setSizeHint(QSize(hint.width(), hint.height()))
        self.list.addItem(item)
        self.list.setItemWidget(item, widget)

    def _style_selection(self) -> None:
        # The rows are rich widgets with coloured marks: a pale accent background with an accent
        # edge keeps them readable where the palette's strong highlight would not.
        self.list.setStyleSheet(
            "QListWidget::item { border-left: 4px solid transparent; }"
            f"QListWidget::item:selected {{ background: {style.hex_colour('banner_info_bg')};"
            f" border-left: 4px solid {style.accent().name()}; }}"
        )

    def _unlink(self) -> None:
        if self._client is not None:
            self.unlink_requested.emit(self._client.client_id)
