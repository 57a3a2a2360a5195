"""What a drop of files onto a matter will do, decided before the user lets go.

Files dragged from the file manager are copied into the matter folder and pushed to Clio; files
already inside the matter folder (e.g. historical documents) are pushed where they are. Folders,
links that are not local files, and matters without a Clio matter are refused with a message
that says why. The copying itself is the engine's job (``PushFiles`` with outside paths): the
GUI thread never copies.

The documents view also drags its own historical files (``DOCUMENTS_MIME``) onto "Push to Clio".
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath

from PySide6.QtCore import QMimeData, QUrl

from desktop.sync.commands import PushFiles
from desktop.sync.views import MatterView
from desktop.ui.i18n import TranslationContext

DOCUMENTS_MIME = "application/x-prolegis-documents"
"""Mime type of documents dragged from the documents view: the matter id, then one absolute
path per line (UTF-8)."""


class Drop(TranslationContext):
    """The translation context of the drop messages (``Drop.tr``). English singulars and
    plurals are two source texts; the translations carry their own plural forms."""


@dataclass(frozen=True)
class DropPlan:
    """The outcome of dropping some files on a matter: a command, or a refusal with a reason."""

    accepted: bool
    message: str  # what will happen ("Push 3 files to 2024-0012"), or why not
    command: PushFiles | None = None
    to_copy: tuple[str, ...] = ()
    to_push: tuple[str, ...] = ()


def local_paths(mime: QMimeData) -> tuple[list[str], list[str]]:
    """The local file paths in ``mime`` and the URLs that are not local files."""
    paths: list[str] = []
    foreign: list[str] = []
    if mime.hasFormat(DOCUMENTS_MIME):
        lines = bytes(mime.data(DOCUMENTS_MIME).data()).decode("utf-8").splitlines()
        return [line for line in lines[1:] if line], []
    for url in mime.urls():
        if url.isLocalFile() and url.toLocalFile():
            paths.append(os.path.normpath(url.toLocalFile()))
        else:
            foreign.append(url.toDisplayString())
    return paths, foreign


def documents_mime(matter_id: str, paths: list[str]) -> QMimeData:
    """Mime data for documents dragged out of the documents view (also as file URLs)."""
    mime = QMimeData()
    mime.setData(DOCUMENTS_MIME, "\n".join([matter_id, *paths]).encode("utf-8"))
    mime.setUrls([QUrl.fromLocalFile(p) for p in paths])
    return mime


def _inside(path: str, folder: str) -> bool:
    try:
        return PurePath(os.path.normpath(path)).is_relative_to(os.path.normpath(folder))
    except ValueError:
        return False


def _label(matter: MatterView) -> str:
    return f"{matter.number} {matter.title}".strip()


def plan_drop(
    mime: QMimeData,
    matter: MatterView | None,
    *,
    target_subfolder: str = "",
    is_dir: Callable[[str], bool] = os.path.isdir,
) -> DropPlan:
    """Decide what dropping ``mime`` on ``matter`` does (``target_subfolder`` for outside files).

    ``is_dir`` tells folders from files; the check is a ``stat`` of paths the user just
    dragged, cheap enough for the GUI thread.
    """
    if matter is None:
        return DropPlan(False, Drop.tr("Drop the files on a matter."))
    paths, foreign = local_paths(mime)
    if foreign and not paths:
        return DropPlan(
            False,
            Drop.tr(
                "Only files on this computer can be dropped here. Save them to a folder first."
            ),
        )
    if not paths:
        return DropPlan(False, Drop.tr("Nothing to drop: drag files from your file manager."))
    folders = [p for p in paths if is_dir(p)]
    if folders:
        return DropPlan(
            False,
            Drop.tr("Folders can't be dropped — open the folder and drag the files inside it."),
        )
    if foreign:
        return DropPlan(
            False,
            Drop.tr("Some of these are not files on this computer. Drop only local files."),
        )
    if not matter.linked:
        return DropPlan(
            False,
            Drop.tr("%1 is not linked to a Clio matter yet — use “Sync with Clio” first.").replace(
                "%1", matter.number
            ),
        )
    to_push = tuple(p for p in paths if _inside(p, matter.folder))
    to_copy = tuple(p for p in paths if not _inside(p, matter.folder))
    command = PushFiles(matter.matter_id, tuple(paths), target_subfolder if to_copy else "")
    where = matter.number
    if target_subfolder and to_copy:
        where = f"{matter.number}/{target_subfolder}"
    copies, pushes = len(to_copy), len(to_push)
    if to_copy and not to_push:
        message = (
            Drop.tr("Copy 1 file into %1 and push it to Clio")
            if copies == 1
            else Drop.tr("Copy %n files into %1 and push them to Clio", "", copies)
        ).replace("%1", where if target_subfolder else _label(matter))
    elif to_push and not to_copy:
        message = (
            Drop.tr("Push 1 file to %1")
            if pushes == 1
            else Drop.tr("Push %n files to %1", "", pushes)
        ).replace("%1", matter.number)
    else:
        message = (
            Drop.tr("Copy 1 file into %1 and push it")
            if copies == 1
            else Drop.tr("Copy %n files into %1 and push them", "", copies)
        ).replace("%1", where) + (
            Drop.tr("; push 1 file already in the folder")
            if pushes == 1
            else Drop.tr("; push %n files already in the folder", "", pushes)
        )
    return DropPlan(True, message, command, to_copy, to_push)
