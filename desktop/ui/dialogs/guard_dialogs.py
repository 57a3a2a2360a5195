"""The safety-guard dialogs: the engine paused something big until the user decides.

* :class:`DeletionGuardDialog` — many documents deleted at once on one side. Shows what would be
  deleted, grouped by matter; "Delete them" confirms (``AllowDeletions``), "Restore them" brings
  the files back (``RestoreDeletions``), "Decide later" leaves them held. Each action applies to
  the matters ticked in the list.
* :class:`NewMattersGuardDialog` — many new matters at once. Shows them; "Create in Clio"
  (``AllowNewMatters``) or "Not now" (``DeferNewMatters``).

Both take the engine's ``GuardView`` values and a ``submit`` callable; ``on_guards`` takes the
engine's newer list (``GuardsChanged.guards``) and closes the dialog when nothing is held any
more. Enter never confirms a destructive choice: the default button is the safe one. The
dialogs say what is held in their own (translated) words, from the guards' kinds and items; the
engine's English ``message`` is not shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.sync.commands import (
    AllowDeletions,
    AllowNewMatters,
    Command,
    DeferNewMatters,
    RestoreDeletions,
)
from desktop.sync.views import GuardView
from desktop.ui import i18n, icons, style
from desktop.ui.dialogs.extra_icons import extra_icon

Submit = Callable[[Command], None]
MatterLabels = Callable[[str], str]

_MATTER_ROLE = Qt.ItemDataRole.UserRole + 1


def _heading(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setFont(style.title_font())
    label.setWordWrap(True)
    return label


class DeletionGuardDialog(QDialog):
    """Many deletions held: confirm them, or restore the files."""

    def __init__(
        self,
        guards: Sequence[GuardView],
        submit: Submit,
        *,
        matter_label: MatterLabels | None = None,
        confirm: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self._label = matter_label or (lambda matter_id: matter_id)
        self._confirm = confirm
        self._guards: list[GuardView] = []
        self.setMinimumSize(640, 420)

        layout = QVBoxLayout(self)
        self.heading = _heading()
        layout.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)

        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setIconSize(icons.default_size())
        self.tree.itemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setFont(style.small_font())
        layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox()
        self.later_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button = QPushButton(extra_icon("restore"), "")
        self.delete_button = QPushButton(icons.icon("warning"), "")
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        for b in (self.restore_button, self.delete_button):
            b.setAutoDefault(False)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore)
        self.delete_button.clicked.connect(self.confirm_deletions)
        layout.addWidget(self.buttons)
        self.later_button.setDefault(True)
        self.retranslate()
        self.on_guards(guards)
        self.tree.setFocus()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setWindowTitle(self.tr("Deletions paused"))
        self.intro.setText(
            self.tr(
                "So many documents disappeared at once — or every document of a matter — that "
                "Prolegis Desktop stopped before deleting them on the other side. This can be a "
                "folder moved or emptied by mistake, or a disconnected drive. Nothing has been "
                "deleted yet."
            )
        )
        self.tree.setAccessibleName(self.tr("Documents that would be deleted, by matter"))
        self.hint.setText(
            self.tr(
                "Untick a matter to leave its deletions waiting. Restored files come back from "
                "the other side; confirmed deletions go to the trash (Clio keeps them 30 days)."
            )
        )
        self.later_button.setText(self.tr("Decide &later"))
        if self._guards:
            self.on_guards(list(self._guards))

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ public

    def on_guards(self, guards: Sequence[GuardView]) -> None:
        """Show the deletion guards among ``guards``; close when none is left."""
        ticked = set(self.checked_matters()) if self._guards else None
        self._guards = [g for g in guards if g.kind == "deletions"]
        self.tree.blockSignals(True)
        self.tree.clear()
        for guard in self._guards:
            count = len(guard.items)
            label = self._label(guard.matter_id) if guard.matter_id else self.tr("Several matters")
            top = QTreeWidgetItem(
                [self.tr("{matter} — %n document(s)", "", count).format(matter=label)]
            )
            top.setIcon(0, icons.icon("document-held"))
            top.setData(0, _MATTER_ROLE, guard.matter_id or "")
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = ticked is None or (guard.matter_id or "") in ticked
            top.setCheckState(0, Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            top.setToolTip(0, self.tr("Untick to leave these deletions waiting"))
            for path in guard.items:
                child = QTreeWidgetItem([path])
                child.setIcon(0, icons.icon("file"))
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(self.tree.topLevelItemCount() == 1 or count <= 20)
        self.tree.blockSignals(False)
        total = sum(len(g.items) for g in self._guards)
        self.heading.setText(self.tr("%n deletion(s) waiting for your decision", "", total))
        self._update_buttons()
        if not self._guards and self.isVisible():
            self.accept()

    def checked_matters(self) -> list[str]:
        """Matter ids ("" for a guard over several matters) whose box is ticked."""
        out: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                out.append(str(item.data(0, _MATTER_ROLE)))
        return out

    def restore(self) -> None:
        """Bring the ticked matters' files back."""
        for matter in self.checked_matters():
            self._submit(RestoreDeletions(matter_id=matter or None))
        self._after_action()

    def confirm_deletions(self) -> None:
        """Delete the ticked matters' documents on the other side (after a confirmation)."""
        matters = self.checked_matters()
        count = sum(len(g.items) for g in self._guards if (g.matter_id or "") in matters)
        if self._confirm:
            answer = QMessageBox.warning(
                self,
                self.tr("Confirm deletions"),
                self.tr(
                    "Delete %n document(s) on the other side as well? They go to the "
                    "trash, where they can still be recovered.",
                    "",
                    count,
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        for matter in matters:
            self._submit(AllowDeletions(matter_id=matter or None))
        self._after_action()

    # ------------------------------------------------------------------ internals

    def _after_action(self) -> None:
        acted = set(self.checked_matters())
        remaining = [g for g in self._guards if (g.matter_id or "") not in acted]
        if remaining:
            self._guards = []  # what is left is shown afresh, every matter ticked
            self.on_guards(remaining)
        else:
            self.accept()

    def _update_buttons(self) -> None:
        matters = self.checked_matters()
        n = sum(len(g.items) for g in self._guards if (g.matter_id or "") in matters)
        self.restore_button.setText(self.tr("&Restore %n file(s)", "", n))
        self.delete_button.setText(self.tr("&Delete %n document(s)", "", n))
        self.restore_button.setEnabled(n > 0)
        self.delete_button.setEnabled(n > 0)


class NewMattersGuardDialog(QDialog):
    """Many new matters held: create them in Clio, or not now."""

    def __init__(self, guard: GuardView, submit: Submit, *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self._guard: GuardView | None = None
        self.setMinimumSize(560, 380)
        layout = QVBoxLayout(self)
        self.heading = _heading()
        layout.addWidget(self.heading)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        self.list.setIconSize(icons.default_size())
        layout.addWidget(self.list, 1)

        self.buttons = QDialogButtonBox()
        self.later_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.create_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setIcon(icons.icon("add"))
        self.create_button.setAutoDefault(False)
        self.create_button.clicked.connect(self.create_matters)
        self.buttons.rejected.connect(self.not_now)
        layout.addWidget(self.buttons)
        self.later_button.setDefault(True)
        self._decided = False
        self.retranslate()
        self.on_guard(guard)
        self.list.setFocus()

    def retranslate(self) -> None:
        """Every text in the current language (``QEvent.LanguageChange``)."""
        self.setWindowTitle(self.tr("New matters waiting"))
        self.intro.setText(
            self.tr(
                "Prolegis has more new matters than usual at once, so they were not created in "
                "Clio yet. Check the list: if these are real new matters, create them."
            )
        )
        self.list.setAccessibleName(self.tr("New matters waiting to be created in Clio"))
        self.later_button.setText(self.tr("&Not now"))
        if self._guard is not None:
            self.on_guard(self._guard)

    def changeEvent(self, event: QEvent) -> None:
        if i18n.is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def on_guard(self, guard: GuardView | None) -> None:
        """Show ``guard``'s matters (None: nothing held any more — close)."""
        if guard is None:
            if self.isVisible():
                self.accept()
            return
        self._guard = guard
        self.list.clear()
        for label in guard.items:
            QListWidgetItem(icons.icon("matter-waiting"), label, self.list)
        n = len(guard.items)
        self.heading.setText(self.tr("%n new matter(s) waiting to be created in Clio", "", n))
        self.create_button.setText(self.tr("&Create %n matter(s) in Clio", "", n))

    def on_guards(self, guards: Sequence[GuardView]) -> None:
        """Pick the new-matter guard out of the engine's list."""
        self.on_guard(next((g for g in guards if g.kind == "new_matters"), None))

    def create_matters(self) -> None:
        """Create the held matters in Clio."""
        self._decided = True
        self._submit(AllowNewMatters())
        self.accept()

    def not_now(self) -> None:
        """Keep them waiting; the main window keeps showing them as waiting."""
        self.reject()

    def reject(self) -> None:
        """Esc, the close button and "Not now" all keep the matters waiting."""
        if not self._decided:
            self._decided = True
            self._submit(DeferNewMatters())
        super().reject()
