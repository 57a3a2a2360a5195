"""Plain frozen values the document mirror reasons about: one index row (``Base``), what the
local folder shows (``LocalState``), what Clio shows (``RemoteState``), and what to do about it
(``Decision``). No I/O here; every other mirror module speaks in these types.

Paths
    A *local path* is relative to the matter folder, POSIX-style (``"Pleadings/Claim.pdf"``).
    A *remote path* (``RemotePath``) is a tuple of raw Clio names below the matter's root folder,
    folders first, then the document's name (``("Pleadings", "Claim.pdf")``). It is a tuple, not a
    string, because a Clio name may contain ``/``.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

RemotePath = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Base:
    """One document index row: the state both sides agreed on after the last sync.

    ``doc_id`` is None for a file that is not in Clio (historical, or not yet uploaded).
    ``sha256`` is None when the content was never hashed (a historical snapshot row).
    """

    path: str
    size: int
    mtime_ns: int
    inode: int
    sha256: str | None
    doc_id: int | None = None
    remote_parent: RemotePath = ()
    version_id: int | None = None
    remote_name: str = ""
    historical: bool = False

    @property
    def remote_path(self) -> RemotePath:
        """The Clio path recorded at the last sync (folder path + name)."""
        return (*self.remote_parent, self.remote_name)


@dataclass(frozen=True, slots=True)
class LocalState:
    """A file in the matter folder as the scanner saw it (``present=False``: no file).

    ``sha256`` is None when the file was not hashed (its size, mtime and inode equal its row).
    ``open_in_office``: an Office/LibreOffice lock file sits beside it.
    ``still_being_written``: its size/mtime were still moving (or it was modified moments ago).
    """

    present: bool
    path: str
    size: int = 0
    mtime_ns: int = 0
    inode: int = 0
    sha256: str | None = None
    open_in_office: bool = False
    still_being_written: bool = False

    @classmethod
    def absent(cls, path: str = "") -> LocalState:
        """No local file (at ``path``, if one is expected there)."""
        return cls(present=False, path=path)


@dataclass(frozen=True, slots=True)
class RemoteState:
    """A Clio document as the listing showed it.

    ``present``: listed at all (live or in Clio's trash); ``deleted``: in the trash (restorable).
    ``sha256`` comes from ``external_properties`` when the companion uploaded the version.
    ``local_path`` is where this document lives (or would live) locally — filled by pairing,
    which owns name sanitising and duplicate numbering.
    """

    present: bool
    deleted: bool = False
    doc_id: int | None = None
    path: RemotePath = ()
    version_id: int | None = None
    size: int | None = None
    sha256: str | None = None
    locked: bool = False
    local_path: str = ""

    @classmethod
    def absent(cls) -> RemoteState:
        """Not listed by Clio at all (never existed, or purged from the trash)."""
        return cls(present=False)

    @property
    def live(self) -> bool:
        """Listed and not in the trash."""
        return self.present and not self.deleted


class Action(Enum):
    """What the executor does for one document."""

    NOTHING = "nothing"
    UPLOAD_NEW = "upload_new"
    UPLOAD_VERSION = "upload_version"
    DOWNLOAD = "download"
    DELETE_REMOTE = "delete_remote"
    TRASH_LOCAL = "trash_local"
    MOVE_REMOTE = "move_remote"
    MOVE_LOCAL = "move_local"
    MOVE_REMOTE_THEN_UPLOAD_VERSION = "move_remote_then_upload_version"
    MOVE_REMOTE_THEN_DOWNLOAD = "move_remote_then_download"
    MOVE_LOCAL_THEN_UPLOAD_VERSION = "move_local_then_upload_version"
    MOVE_LOCAL_THEN_DOWNLOAD = "move_local_then_download"
    RESTORE_REMOTE_THEN_UPLOAD_VERSION = "restore_remote_then_upload_version"
    UPDATE_BASE_ONLY = "update_base_only"
    LINK = "link"
    CONFLICT = "conflict"
    WAIT = "wait"
    FORGET = "forget"
    KEEP_HISTORICAL = "keep_historical"


DELETIONS = frozenset({Action.DELETE_REMOTE, Action.TRASH_LOCAL})
"""The actions the deletion guard counts."""


class WaitReason(Enum):
    """Why a document waits for a later pass."""

    BEING_WRITTEN = "the file is still being written"
    OPEN_IN_OFFICE = "the document is open in Office"
    REMOTE_LOCKED = "the Clio document is locked"
    FOLDER_RENAMED = "its folder was renamed in Clio; looked at again once it has moved here"


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of reconcile for one document, with what the executor needs.

    Field use per action (unused fields stay at their defaults):

    - ``path``: the local file the action starts from; for DOWNLOAD the file written.
    - ``move_to``: local destination of MOVE_LOCAL* (then the download/upload uses it), and of
      the local copy in a CONFLICT (None: the local copy stays where it is).
    - ``download_to``: CONFLICT only — where Clio's version is written.
    - ``remote_path``: Clio destination for UPLOAD_NEW, MOVE_REMOTE*, RESTORE_REMOTE_*.
    - ``doc_id`` / ``version_id``: the Clio document, and the version to download, link or
      record (for uploads: the version the upload replaces, for an optimistic check).
    - ``replace``: DOWNLOAD over an existing local file (atomic replace); False means the target
      must not exist (no-clobber write).
    - ``verify_same``: CONFLICT where Clio's content hash is unknown but the sizes match — fetch
      Clio's copy first and, if its sha256 equals the local one, LINK/UPDATE_BASE_ONLY instead.
    - ``wait``: why a WAIT waits. ``logged``: a note for the history (e.g. a losing local name).

    RESTORE_REMOTE_THEN_UPLOAD_VERSION restores the document from Clio's trash, moves it to
    ``remote_path`` if it is elsewhere, then uploads the local file as a new version — the
    upload may be skipped when the file's sha256 equals the base's (it was only renamed).
    MOVE_* actions move first, then transfer; a move whose source and destination are equal is
    never returned. After any action the executor writes the new base from the resulting local
    and remote states (UPDATE_BASE_ONLY is exactly that and nothing else).
    """

    action: Action
    why: str
    path: str = ""
    move_to: str | None = None
    download_to: str | None = None
    remote_path: RemotePath | None = None
    doc_id: int | None = None
    version_id: int | None = None
    replace: bool = False
    verify_same: bool = False
    wait: WaitReason | None = None
    logged: str = ""


def _now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Context:
    """What the rules need besides the three states.

    - ``matter_live``: the matter is linked for live sync (new local files are uploaded).
    - ``push``: local paths the user asked to push in this pass (historical files included).
    - ``folders``: known local folder path → Clio folder path (``""`` → ``()``), used to name
      the Clio destination of a local file; unknown folders map by name (see ``names``).
    - ``taken``: local paths already in use, as ``names.path_key`` keys, so a conflicted-copy
      name never lands on an existing file.
    - ``user_name`` / ``now``: for conflicted-copy names (local time).
    - ``case_insensitive``: the matter folder's file system ignores case.
    """

    matter_live: bool = True
    push: Set[str] = frozenset()
    folders: Mapping[str, RemotePath] = field(default_factory=dict)
    taken: Set[str] = frozenset()
    user_name: str = "me"
    now: datetime = field(default_factory=_now)
    case_insensitive: bool = False
