"""The version-conflict dialog: a document changed on this computer and in Clio since the last
sync. Both versions side by side (name, size, modified, by whom, open each), then keep both /
keep mine / keep Clio's, one by one or "do this for all", or "decide later".

Self-contained: it takes the open conflicts (``ConflictView``) and a ``submit`` callable for
engine commands (``ResolveConflict`` / ``ResolveAllConflicts``); :meth:`ConflictDialog.on_conflicts`
takes the engine's newer list (``ConflictsChanged.conflicts``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.commands import Command, ResolveAllConflicts, ResolveConflict
from desktop.sync.views import ConflictView, VersionInfo
from desktop.ui import i18n, icons, style
from desktop.ui.dialogs.formatting import (
    FileOpener,
    open_local_file,
    parse_iso,
    size_text,
    when_text,
)

KEEP_CHOICES = ("both", "local", "clio")
POLICY_TO_KEEP = {"keep_both": "both", "keep_local": "local", "keep_clio": "clio", "ask": "both"}

Submit = Callable[[Command], None]


def newer_side(conflict: ConflictView) -> str:
    """``local`` or ``clio`` when one version is newer than the other, else ``""``."""
    local, clio = parse_iso(conflict.local.modified), parse_iso(conflict.clio.modified)
    if local is None or clio is None or local == clio:
        return ""
    return "local" if local > clio else "clio"


class VersionPanel(QGroupBox):
    """One side of a conflict: name, size, modified, by whom, and an Open button."""

    open_requested = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._path = ""
        self._shown: tuple[VersionInfo, bool] | None = None
        self.setAccessibleName(title)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name_label = QLabel()
        self.name_label.setWordWrap(True)
        self.name_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_label = QLabel()
        self.modified_label = QLabel()
        self.by_label = QLabel()
        self.by_label.setWordWrap(True)
        self.captions = [QLabel() for _ in range(4)]
        for caption, field in zip(
            self.captions,
            (self.name_label, self.size_label, self.modified_label, self.by_label),
            strict=True,
        ):
            form.addRow(caption, field)
        self.open_button = QPushButton(icons.icon("open-external"), "")
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self._path))
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        form.addRow(row)
        self.retranslate()

    def set_title(self, title: str) -> None:
        self.setTitle(title)
        self.setAccessibleName(title)

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        texts = (self.tr("Name:"), self.tr("Size:"), self.tr("Modified:"), self.tr("By:"))
        for caption, text in zip(self.captions, texts, strict=True):
            caption.setText(text)
        self.open_button.setText(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open this version"))
        if self._shown is not None:
            self.show_version(*self._shown)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def show_version(self, version: VersionInfo, newer: bool) -> None:
        self._shown = (version, newer)
        self.name_label.setText(version.name)
        self.size_label.setText(size_text(version.size))
        when = when_text(version.modified)
        self.modified_label.setText(self.tr("{when} (newer)").format(when=when) if newer else when)
        self.by_label.setText(self.tr("you") if version.by in ("", "you") else version.by)
        self._path = version.path
        self.open_button.setEnabled(bool(version.path))
        self.open_button.setToolTip(version.path)


class ConflictDialog(QDialog):
    """Resolve version conflicts one by one or all at once."""

    resolved = Signal(int, str)  # conflict_id (-1: all of them), keep

    def __init__(
        self,
        conflicts: Sequence[ConflictView],
        submit: Submit,
        *,
        default_keep: str = "both",
        open_file: FileOpener = open_local_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._open_file = open_file
        self._conflicts: list[ConflictView] = []
        self._done: set[int] = set()
        self.setMinimumWidth(720)

        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setFont(style.title_font())
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.list = QListWidget()
        self.list.setIconSize(icons.default_size())
        self.list.currentRowChanged.connect(self._show_current)
        layout.addWidget(self.list, 1)

        self.document = QLabel()
        self.document.setFont(style.heading_font())
        self.document.setWordWrap(True)
        layout.addWidget(self.document)

        sides = QHBoxLayout()
        self.local_panel = VersionPanel("")
        self.clio_panel = VersionPanel("")
        for panel in (self.local_panel, self.clio_panel):
            panel.open_requested.connect(self._open)
            sides.addWidget(panel, 1)
        layout.addLayout(sides)

        choice = QHBoxLayout()
        self.keep_both = QRadioButton()
        self.keep_local = QRadioButton()
        self.keep_clio = QRadioButton()
        self._group = QButtonGroup(self)
        for button, keep in zip(
            (self.keep_both, self.keep_local, self.keep_clio), KEEP_CHOICES, strict=True
        ):
            button.setProperty("keep", keep)
            self._group.addButton(button)
            choice.addWidget(button)
        self._group.buttonToggled.connect(lambda *_: self._explain())
        choice.addStretch(1)
        self.for_all = QCheckBox()
        choice.addWidget(self.for_all)
        layout.addLayout(choice)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setFont(style.small_font())
        layout.addWidget(self.explanation)

        self.buttons = QDialogButtonBox()
        self.later_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)
        layout.addStretch(0)  # takes the room of the list when it is hidden
        layout.addWidget(self.buttons)
        self.apply_button.setDefault(True)  # only once the button is inside the dialog
        QShortcut(QKeySequence("Ctrl+O"), self, lambda: self._open(self._local_path()))

        self.retranslate()
        self.set_default_keep(default_keep)
        self.on_conflicts(conflicts)

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setWindowTitle(self.tr("Version conflicts"))
        self.intro.setText(
            self.tr(
                "These documents were changed on this computer and in Clio since the last sync. "
                "Nothing has been lost: both versions are kept until you choose."
            )
        )
        self.list.setAccessibleName(self.tr("Documents with a version conflict"))
        self.local_panel.set_title(self.tr("On this computer"))
        self.clio_panel.set_title(self.tr("In Clio"))
        self.keep_both.setText(self.tr("Keep &both"))
        self.keep_local.setText(self.tr("Keep &mine"))
        self.keep_clio.setText(self.tr("Keep &Clio's"))
        self.keep_both.setToolTip(
            self.tr(
                "Your version stays as it is; Clio's version is kept beside it as a conflicted "
                "copy and sent to Clio as its own document."
            )
        )
        self.keep_local.setToolTip(
            self.tr(
                "Your version is sent to Clio as the newest version; Clio keeps the other one in "
                "the document's version history."
            )
        )
        self.keep_clio.setToolTip(
            self.tr(
                "Clio's version replaces yours on this computer; yours goes to the trash, where "
                "you can still get it back."
            )
        )
        self.later_button.setText(self.tr("Decide &later"))
        self.apply_button.setText(self.tr("&Apply"))
        if self._conflicts:
            self.on_conflicts(list(self._conflicts))
        self._explain()

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ public

    def set_default_keep(self, keep: str) -> None:
        """Pre-select ``keep`` (``both``/``local``/``clio``, or a settings policy name)."""
        keep = POLICY_TO_KEEP.get(keep, keep)
        button = {"both": self.keep_both, "local": self.keep_local, "clio": self.keep_clio}.get(
            keep, self.keep_both
        )
        button.setChecked(True)
        self._explain()

    def chosen_keep(self) -> str:
        button = self._group.checkedButton()
        return str(button.property("keep")) if button is not None else "both"

    def current_conflict(self) -> ConflictView | None:
        row = self.list.currentRow()
        return self._conflicts[row] if 0 <= row < len(self._conflicts) else None

    def on_conflicts(self, conflicts: Sequence[ConflictView]) -> None:
        """Show the engine's current list of open conflicts (keeps the selected one)."""
        current = self.current_conflict()
        keep_id = current.conflict_id if current else None
        live = {c.conflict_id for c in conflicts}
        self._done &= live
        self._conflicts = [c for c in conflicts if c.conflict_id not in self._done]
        self.list.blockSignals(True)
        self.list.clear()
        row = 0
        for i, c in enumerate(self._conflicts):
            item = QListWidgetItem(
                icons.icon("document-conflict"),
                self.tr("{file} — {matter}").format(
                    file=c.local.name or c.rel_path, matter=c.matter_label
                ),
            )
            item.setToolTip(c.rel_path)
            self.list.addItem(item)
            if c.conflict_id == keep_id:
                row = i
        self.list.blockSignals(False)
        if not self._conflicts:
            if self.isVisible():
                self.accept()
            return
        self.list.setCurrentRow(row)
        self._show_current(row)
        self._update_counts()

    def apply(self) -> None:
        """Send the choice for the shown conflict, or for all of them."""
        keep = self.chosen_keep()
        if len(self._conflicts) > 1 and self.for_all.isChecked():
            self._submit(ResolveAllConflicts(keep=keep))
            self.resolved.emit(-1, keep)
            self._done |= {c.conflict_id for c in self._conflicts}
            self._conflicts = []
            self.accept()
            return
        current = self.current_conflict()
        if current is None:
            return
        self._resolve_one(current, keep)
        row = self.list.currentRow()
        self._conflicts.pop(row)
        self.list.blockSignals(True)
        self.list.takeItem(row)
        self.list.blockSignals(False)
        if not self._conflicts:
            self.accept()
            return
        row = min(row, len(self._conflicts) - 1)
        self.list.setCurrentRow(row)
        self._show_current(row)
        self._update_counts()

    # ------------------------------------------------------------------ internals

    def _resolve_one(self, conflict: ConflictView, keep: str) -> None:
        self._submit(ResolveConflict(conflict_id=conflict.conflict_id, keep=keep))
        self._done.add(conflict.conflict_id)
        self.resolved.emit(conflict.conflict_id, keep)

    def _update_counts(self) -> None:
        n = len(self._conflicts)
        self.heading.setText(self.tr("%n document(s) changed in both places", "", n))
        self.for_all.setText(self.tr("&Do this for all %n", "", n))
        self.for_all.setVisible(n > 1)
        self.list.setVisible(n > 1)
        self.setWindowTitle(self.tr("Version conflicts (%n)", "", n))

    def _show_current(self, row: int) -> None:
        if not 0 <= row < len(self._conflicts):
            return
        c = self._conflicts[row]
        self.document.setText(
            self.tr("{file} — {matter}").format(file=c.rel_path, matter=c.matter_label)
        )
        newer = newer_side(c)
        self.local_panel.show_version(c.local, newer == "local")
        self.clio_panel.show_version(c.clio, newer == "clio")
        self._explain()

    def _explain(self) -> None:
        button = self._group.checkedButton()
        self.explanation.setText(button.toolTip() if button is not None else "")

    def _local_path(self) -> str:
        c = self.current_conflict()
        return c.local.path if c else ""

    def _open(self, path: str) -> None:
        if path and not self._open_file(path):
            self.explanation.setText(
                self.tr(
                    "This version cannot be opened: {path} is not on this computer any more."
                ).format(path=path)
            )
