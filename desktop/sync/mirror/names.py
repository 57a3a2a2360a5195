"""Names on both sides of the mirror: Clio names → safe local names that can never escape the
matter folder, local names → the names sent to Clio, duplicate numbering (`` (2)``),
conflicted-copy names, the ignore rules, and mapping whole paths between the two sides.

Everything here is pure string work; nothing touches the file system.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from datetime import datetime

from desktop.sync.mirror.model import RemotePath

MAX_NAME_BYTES = 255
"""Longest path component (UTF-8 bytes) written locally; ext4, APFS and NTFS all allow 255."""

TEMP_PREFIX = ".prolegis-"
"""Every file the companion writes for itself in a matter folder starts with this (ignored)."""

PARTIAL_PREFIX = TEMP_PREFIX + "partial-"
"""Partial downloads: ``.prolegis-partial-<token>-<name>``."""

_FORBIDDEN = frozenset('<>:"/\\|?*') | frozenset(chr(c) for c in range(32)) | {"\x7f"}
_TRANSLATE = {ord(c): "_" for c in _FORBIDDEN}
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{p}{d}" for p in ("COM", "LPT") for d in "123456789¹²³"}
)
_EXACT_IGNORED = frozenset({"thumbs.db", "desktop.ini", ".ds_store"})
_TMP_SUFFIXES = tuple(
    "." + a + b + c for a in "tT" for b in "mM" for c in "pP"
)  # every case of ".tmp", so the hot path needs no lower()


# --- ignore rules ---------------------------------------------------------------------------

def is_office_lock(name: str) -> bool:
    """An Office (``~$…``) or LibreOffice (``.~lock.…#``) lock file."""
    return name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#"))


def is_ignored(name: str) -> bool:
    """A name the mirror never syncs: Office/LibreOffice lock files, ``*.tmp`` (incl. ``~*.tmp``),
    ``.DS_Store``, ``Thumbs.db``, ``desktop.ini``, AppleDouble ``._*`` files, and the companion's
    own ``.prolegis-*`` files (partial downloads among them). Called once per scanned file: keep
    it cheap."""
    if not name:
        return True
    first = name[0]
    if first == "~" or first == ".":
        return (
            is_office_lock(name)
            or name.startswith((TEMP_PREFIX, "._"))
            or name.endswith(_TMP_SUFFIXES)
            or name.lower() in _EXACT_IGNORED
        )
    if len(name) in (9, 11) and name.lower() in _EXACT_IGNORED:
        return True
    return name.endswith(_TMP_SUFFIXES)


def office_lock_names(name: str) -> tuple[str, ...]:
    """The lock-file names Office or LibreOffice may create while ``name`` is open.

    Word/Excel write ``~$`` + the name, with the first one or two characters dropped for longer
    names; all three forms count (a false positive only makes a download wait)."""
    return (f"~${name}", f"~${name[1:]}", f"~${name[2:]}", f".~lock.{name}#")


# --- single names ---------------------------------------------------------------------------

def nfc(text: str) -> str:
    """Unicode NFC (macOS hands out decomposed names; Clio and Windows use composed ones)."""
    return unicodedata.normalize("NFC", text)


def split_ext(name: str) -> tuple[str, str]:
    """``"a.tar.gz"`` → ``("a.tar", ".gz")``; a leading dot is not an extension."""
    dot = name.rfind(".")
    if dot <= 0 or dot == len(name) - 1 or name[:dot].strip(".") == "":
        return name, ""
    return name[:dot], name[dot:]


def _cut(text: str, max_bytes: int) -> str:
    raw = text.encode("utf-8")
    if len(raw) <= max_bytes:
        return text
    return raw[: max(max_bytes, 0)].decode("utf-8", errors="ignore")


def fit_name(stem: str, tail: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """``stem + tail`` within ``max_bytes`` UTF-8 bytes, shortening the stem (never the tail)."""
    budget = max_bytes - len(tail.encode("utf-8"))
    if budget < 1:  # an absurd tail: keep what fits of the whole name
        return _cut(stem + tail, max_bytes)
    return _cut(stem, budget).rstrip(" ") + tail


def truncate_name(name: str, max_bytes: int = MAX_NAME_BYTES) -> str:
    """Shorten ``name`` to ``max_bytes`` UTF-8 bytes, keeping its extension."""
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    stem, ext = split_ext(name)
    if len(ext.encode("utf-8")) > 32:  # not a real extension
        stem, ext = name, ""
    return fit_name(stem, ext, max_bytes)


def _is_reserved(name: str) -> bool:
    return name.split(".", 1)[0].rstrip(" ").upper() in _RESERVED


def _unignore(name: str) -> str:
    if name.endswith(_TMP_SUFFIXES):
        name = name[:-4] + "_" + name[-3:]
    if is_ignored(name):
        name = "_" + name
    return name


def safe_local_name(clio_name: str) -> str:
    """A Clio name made safe as one local path component.

    NFC; ``/ \\ < > : " | ? *``, NUL and control characters → ``_``; no trailing dots or
    spaces; never empty, ``.`` or ``..``; reserved Windows names (``CON``, ``COM1.txt``…) get a
    ``_`` prefix; names the ignore rules would hide get a ``_`` (``~$x`` → ``_~$x``,
    ``a.tmp`` → ``a_tmp``); at most 255 UTF-8 bytes, extension kept. The result is a fixpoint:
    ``safe_local_name(safe_local_name(x)) == safe_local_name(x)``.
    """
    name = nfc(clio_name).translate(_TRANSLATE)
    for _ in range(4):
        before = name
        name = truncate_name(name).rstrip(". ")
        if not name:
            name = "_"
        if _is_reserved(name):
            name = "_" + name
        name = _unignore(name)
        if name == before:
            return name
    raise AssertionError(f"name sanitising did not settle for {clio_name!r}")  # pragma: no cover


def clio_name(local_name: str) -> str:
    """The name sent to Clio for a local file or folder name (NFC; otherwise unchanged)."""
    return nfc(local_name)


def numbered(name: str, n: int) -> str:
    """``"Claim.pdf"``, 2 → ``"Claim (2).pdf"``; n = 1 is the name itself."""
    if n <= 1:
        return name
    stem, ext = split_ext(name)
    return fit_name(stem, f" ({n}){ext}")


def dedupe(name: str, is_taken: Callable[[str], bool]) -> str:
    """The first of ``name``, ``name (2)``, ``name (3)``… that ``is_taken`` rejects not."""
    n = 1
    while is_taken(candidate := numbered(name, n)):
        n += 1
    return candidate


def conflicted_copy_name(
    name: str, user: str, when: datetime, is_taken: Callable[[str], bool] = lambda _: False
) -> str:
    """``name (conflicted copy, <user>, <YYYY-MM-DD HHMM>).ext``; on a collision `` 2``, `` 3``
    follow the parenthesis (``… 1402) 2.ext``). ``when`` should be local time."""
    stem, ext = split_ext(name)
    who = safe_local_name(user.strip() or "unknown").replace(",", " ")
    mark = f" (conflicted copy, {who}, {when:%Y-%m-%d %H%M})"
    n = 1
    while True:
        tail = mark + ("" if n == 1 else f" {n}") + ext
        candidate = fit_name(stem, tail)
        if not is_taken(candidate):
            return candidate
        n += 1


# --- paths ----------------------------------------------------------------------------------

def path_key(path: str, case_insensitive: bool = False) -> str:
    """The key two local paths collide on: the path itself, or on a case-insensitive file system
    its NFC case-fold (``Report.PDF`` and ``report.pdf`` are one file there)."""
    if not case_insensitive:
        return path
    return nfc(nfc(path).casefold())


def join(parent: str, name: str) -> str:
    """Join a local folder path (``""`` = matter folder) and a name."""
    return f"{parent}/{name}" if parent else name


def parent_of(path: str) -> str:
    """``"a/b/c.pdf"`` → ``"a/b"``; ``"c.pdf"`` → ``""``."""
    cut = path.rfind("/")
    return path[:cut] if cut >= 0 else ""


def name_of(path: str) -> str:
    """The last component of a local path."""
    return path[path.rfind("/") + 1 :]


def is_under(path: str, folder: str) -> bool:
    """``path`` is ``folder`` itself or inside it (``""`` contains everything)."""
    return not folder or path == folder or path.startswith(folder + "/")


def is_safe_relative(path: str) -> bool:
    """A relative local path that stays inside its matter folder: no absolute path, drive,
    empty, ``.`` or ``..`` component, no NUL."""
    if not path or path.startswith(("/", "\\")) or "\x00" in path:
        return False
    if len(path) > 1 and path[1] == ":":
        return False
    return all(part not in ("", ".", "..") for part in path.replace("\\", "/").split("/"))


def _map_parts(parts: tuple[str, ...], folders: Mapping[tuple[str, ...], tuple[str, ...]],
               convert: Callable[[str], str], *, whole_is_folder: bool) -> tuple[str, ...]:
    """Map a path through the deepest known folder prefix, converting the rest name by name."""
    top = len(parts) if whole_is_folder else len(parts) - 1
    for cut in range(top, 0, -1):
        known = folders.get(parts[:cut])
        if known is not None:
            return (*known, *(convert(p) for p in parts[cut:]))
    return tuple(convert(p) for p in parts)


def _split(path: str) -> tuple[str, ...]:
    return tuple(path.split("/")) if path else ()


def local_path_for(remote: RemotePath, folders: Mapping[RemotePath, str] | None = None) -> str:
    """The local path for a Clio document path: the deepest known folder (``folders``: Clio
    folder path → local folder path; the root is implied) then each remaining name made safe."""
    known = {k: _split(v) for k, v in (folders or {}).items()}
    return "/".join(_map_parts(remote, known, safe_local_name, whole_is_folder=False))


def local_folder_for(remote: RemotePath, folders: Mapping[RemotePath, str] | None = None) -> str:
    """The local folder path for a Clio folder path (``()`` → ``""``)."""
    known = {k: _split(v) for k, v in (folders or {}).items()}
    return "/".join(_map_parts(remote, known, safe_local_name, whole_is_folder=True))


def remote_path_for(local: str, folders: Mapping[str, RemotePath] | None = None) -> RemotePath:
    """The Clio path for a local file path: the deepest known folder (``folders``: local folder
    path → Clio folder path) then each remaining name as sent to Clio."""
    known = {_split(k): v for k, v in (folders or {}).items()}
    return _map_parts(_split(local), known, clio_name, whole_is_folder=False)


def remote_folder_for(local_folder: str, folders: Mapping[str, RemotePath] | None = None
                      ) -> RemotePath:
    """The Clio folder path for a local folder path (``""`` → the matter's root, ``()``)."""
    known = {_split(k): v for k, v in (folders or {}).items()}
    return _map_parts(_split(local_folder), known, clio_name, whole_is_folder=True)
