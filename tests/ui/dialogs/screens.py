"""The screens ``screenshots.py`` renders: name → (factory, width, height)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from tests.ui.dialogs.conftest import Recorder
from tests.ui.dialogs.factories import (
    deletion_guard,
    many_clients,
    new_matters_guard,
    three_conflicts,
)

LABELS = {
    "m-2024-0012": "2024-0012 Purchase of 12 Elm St",
    "m-2025-0107": "2025-0107 Estate of Marguerite-Éléonore Tremblay-Okafor",
}


def conflict_dialog() -> QWidget:
    from desktop.ui.dialogs.conflict_dialog import ConflictDialog

    return ConflictDialog(three_conflicts(), Recorder())


def guard_deletions() -> QWidget:
    from desktop.ui.dialogs.guard_dialogs import DeletionGuardDialog

    guards = [deletion_guard("m-2024-0012", 63), deletion_guard("m-2025-0107", 12)]
    dlg = DeletionGuardDialog(guards, Recorder(), matter_label=LABELS.__getitem__)
    top = dlg.tree.topLevelItem(1)
    if top is not None:
        top.setExpanded(False)
    return dlg


def guard_new_matters() -> QWidget:
    from desktop.ui.dialogs.guard_dialogs import NewMattersGuardDialog

    return NewMattersGuardDialog(new_matters_guard(12), Recorder())


def matching_wizard() -> QWidget:
    from desktop.ui.wizards.matching import ContactMatchingDialog

    return ContactMatchingDialog(many_clients(240), Recorder())


SCREENS: dict[str, tuple[Callable[[], QWidget], int, int]] = {
    "conflict-dialog": (conflict_dialog, 900, 620),
    "guard-deletions": (guard_deletions, 760, 560),
    "guard-new-matters": (guard_new_matters, 700, 500),
    "matching-wizard": (matching_wizard, 1280, 800),
}
