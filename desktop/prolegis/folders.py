"""Rules for a matter's ``folder``: a relative POSIX path that stays inside the workspace and is a
valid folder name on Windows, macOS and Linux alike.

:func:`normalize_folder` checks one value and returns its normal form; :class:`FolderSet` finds two
matters sharing a folder or one folder lying inside another, comparing case-insensitively (as
Windows and macOS do) and regardless of Unicode normalization (macOS stores NFD).
"""

from __future__ import annotations

import re
import unicodedata

MANIFEST_NAME = "prolegis.json"

_INVALID_CHARS = frozenset('<>:"|?*')
_BAD_CHAR = re.compile(r'[<>:"|?*\x00-\x1f\x7f\ud800-\udfff]')
_DRIVE = re.compile(r"^[A-Za-z]:")
_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"]
    + [f"{p}{n}" for p in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]]
)
MAX_SEGMENT_BYTES = 255


class FolderProblem(ValueError):
    """Why a folder value is refused, in plain language."""


def _check_segment(seg: str) -> None:
    if seg == "..":
        raise FolderProblem("must not contain '..' (a folder must stay inside the workspace)")
    bad = _BAD_CHAR.search(seg)
    if bad:
        ch = bad.group()
        if ch in _INVALID_CHARS:
            raise FolderProblem(
                f"contains {ch!r}, which Windows does not allow in folder names "
                '(< > : " | ? * are not allowed)'
            )
        if 0xD800 <= ord(ch) <= 0xDFFF:
            raise FolderProblem("contains an invalid character (a lone UTF-16 surrogate)")
        raise FolderProblem(f"contains a control character (U+{ord(ch):04X})")
    if seg[-1] in ". ":
        raise FolderProblem(
            f"has a part ending in a {'dot' if seg[-1] == '.' else 'space'} ({seg!r}), "
            "which Windows silently drops"
        )
    stem = seg.split(".", 1)[0].rstrip(" ").upper()
    if stem in _RESERVED:
        raise FolderProblem(f"uses {seg!r}, a name Windows reserves for devices")
    if len(seg.encode("utf-8")) > MAX_SEGMENT_BYTES:
        raise FolderProblem(f"has a part longer than {MAX_SEGMENT_BYTES} bytes")


def normalize_folder(value: str) -> str:
    """Return ``value`` in normal form (``./``, doubled and trailing slashes removed) or raise
    :class:`FolderProblem` saying why it cannot be a matter folder."""
    if not value.strip():
        raise FolderProblem("must not be empty")
    if "\\" in value:
        raise FolderProblem("contains a backslash (\\); write folders with forward slashes (/)")
    if value.startswith("/"):
        raise FolderProblem(
            "is an absolute path; a folder is relative to the workspace (no leading '/')"
        )
    if _DRIVE.match(value):
        raise FolderProblem(
            "starts with a drive letter; a folder is relative to the workspace"
        )
    parts = [p for p in value.split("/") if p not in ("", ".")]
    if not parts:
        raise FolderProblem("must name a folder inside the workspace, not the workspace itself")
    for seg in parts:
        _check_segment(seg)
    if fold(parts[0]) == MANIFEST_NAME:
        raise FolderProblem(f"would collide with the manifest file {MANIFEST_NAME}")
    return "/".join(parts)


def fold(path: str) -> str:
    """The comparison key of a normalized folder: NFC, case-folded."""
    if path.isascii():
        return path.lower()
    return unicodedata.normalize("NFC", path).casefold()


class FolderSet:
    """Folders seen so far, to refuse duplicates and nesting (``add`` raises FolderProblem)."""

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}
        self._ancestors: dict[str, str] = {}

    def add(self, folder: str, owner: str) -> None:
        """Record ``folder`` (normalized) for matter ``owner``."""
        key = fold(folder)
        other = self._folders.get(key)
        if other is not None:
            raise FolderProblem(f'is the same folder as matter "{other}"\'s')
        other = self._ancestors.get(key)
        if other is not None:
            raise FolderProblem(f'contains the folder of matter "{other}"; folders must not nest')
        parts = key.split("/")
        prefixes = ["/".join(parts[:i]) for i in range(1, len(parts))]
        for prefix in prefixes:
            other = self._folders.get(prefix)
            if other is not None:
                raise FolderProblem(
                    f'lies inside the folder of matter "{other}"; folders must not nest'
                )
        self._folders[key] = owner
        for prefix in prefixes:
            self._ancestors.setdefault(prefix, owner)
