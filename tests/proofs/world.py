"""Operations on both sides of the mirror, as people do them — a staff member in the matter
folders, a colleague in Clio's web UI — each keeping the version ledger up to date.

Every operation takes a ``random.Random`` for its choices (which file, which name, which
folder), reads the world as it is at that moment (so it also works in the middle of a pass), and
returns a line describing what it did, or ``None`` when there was nothing to do it to. Every
content written is new (a counter inside it), except for the two "copy" operations.
"""

from __future__ import annotations

import os
import random
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from desktop.clio.errors import ClioError
from desktop.sync.mirror import names
from tests.proofs.support import Ledger, ProofHarness, RemotePath, files_under, sha
from tests.support.mirror_harness import settle

FOLDERS: tuple[RemotePath, ...] = ((), ("A",), ("B",), ("A", "C"))
NAMES = ("x.txt", "y.pdf", "z.docx", "w.txt")
DIR_NAMES = ("A", "B", "C", "D")
PADS = (0, 0, 1, 3, 8)

Op = Callable[["World", random.Random, str], "str | None"]


class World:
    """The two sides of one seat's linked matters (see the module docstring)."""

    def __init__(self, mh: ProofHarness, matters: Sequence[str], ledger: Ledger, *,
                 tag: str = "u") -> None:
        self.mh = mh
        self.matters = list(matters)
        self.ledger = ledger
        self.tag = tag
        self.n = 0
        self.log: list[str] = []
        self.labels: dict[str, str] = {}

    def content(self, rnd: random.Random, who: str) -> bytes:
        """A new content; sizes repeat often, so equal sizes with other bytes happen."""
        self.n += 1
        label = f"{who}{self.tag}{self.n:04d}"
        data = f"{label}.".encode() + b"x" * rnd.choice(PADS)
        self.labels[sha(data)] = label
        return data

    def apply(self, op: Op, rnd: random.Random, matter: str) -> str | None:
        line = op(self, rnd, matter)
        if line is not None:
            self.log.append(f"{matter}: {line}")
        return line

    # -- explicit steps (the fixed workloads of the fault, crash and two-seat suites) --------

    def put_local(self, m: str, rel: str, rnd: random.Random | None = None) -> bytes:
        """Write a new content at ``rel`` (creating or overwriting it)."""
        path = self.root(m) / rel
        if path.is_file():
            self.ledger.destroyed_local(path.read_bytes())
        data = self.content(rnd or random.Random(self.n), "L")
        self._write(path, data)
        self.ledger.wrote_local(data)
        self.log.append(f"{m}: local write {rel} = {self.labels[sha(data)]}")
        return data

    def put_clio(self, m: str, rel: str, rnd: random.Random | None = None) -> int:
        """A colleague uploads a new document at ``rel`` (folders created as needed)."""
        data = self.content(rnd or random.Random(self.n), "C")
        doc = self.mh.clio_upload(m, rel, data)
        self.ledger.wrote_clio(data)
        self.log.append(f"{m}: clio upload {rel} = {self.labels[sha(data)]}")
        return doc

    def edit_clio(self, doc: int, rnd: random.Random | None = None) -> bytes:
        data = self.content(rnd or random.Random(self.n), "C")
        self.mh.clio_edit(doc, data)
        self.ledger.wrote_clio(data)
        self.log.append(f"clio edit {doc} = {self.labels[sha(data)]}")
        return data

    # -- the local side ---------------------------------------------------------------------

    def root(self, m: str) -> Path:
        return self.mh.folder(m)

    def files(self, m: str) -> list[str]:
        root = self.root(m)
        return sorted(p.relative_to(root).as_posix() for p in files_under(root)
                      if not any(names.is_ignored(part)
                                 for part in p.relative_to(root).parts))

    def dirs(self, m: str) -> list[str]:
        root = self.root(m)
        if not root.exists():
            return []
        return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                      if p.is_dir() and not p.is_symlink())

    def _free_folder(self, m: str, rnd: random.Random) -> str:
        choices = ["/".join(f) for f in FOLDERS] + self.dirs(m)
        return rnd.choice(sorted(set(choices)))

    def _write(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        settle(path)

    def _clear(self, path: Path) -> bool:
        """No file or folder at ``path`` and no file in the way of its folders."""
        if path.exists():
            return False
        p = path.parent
        while p != p.parent:
            if p.exists() and not p.is_dir():
                return False
            p = p.parent
        return True

    def local_create(self, rnd: random.Random, m: str) -> str | None:
        rel = names.join(self._free_folder(m, rnd), rnd.choice(NAMES))
        path = self.root(m) / rel
        if not self._clear(path):
            return None
        data = self.content(rnd, "L")
        self._write(path, data)
        self.ledger.wrote_local(data)
        return f"local create {rel} = {self.labels[sha(data)]}"

    def local_copy(self, rnd: random.Random, m: str) -> str | None:
        """A new file with the bytes of another one (the same content written twice)."""
        files = self.files(m)
        if not files:
            return None
        src = rnd.choice(files)
        rel = names.join(self._free_folder(m, rnd), rnd.choice(NAMES))
        path = self.root(m) / rel
        if not self._clear(path):
            return None
        data = (self.root(m) / src).read_bytes()
        self._write(path, data)
        self.ledger.wrote_local(data)
        return f"local copy {src} to {rel}"

    def local_edit(self, rnd: random.Random, m: str) -> str | None:
        files = self.files(m)
        if not files:
            return None
        rel = rnd.choice(files)
        path = self.root(m) / rel
        old = path.read_bytes()
        data = self.content(rnd, "L")
        self._write(path, data)
        self.ledger.destroyed_local(old)
        self.ledger.wrote_local(data)
        return f"local edit {rel} = {self.labels[sha(data)]}"

    def local_rename(self, rnd: random.Random, m: str) -> str | None:
        files = self.files(m)
        if not files:
            return None
        rel = rnd.choice(files)
        dst = names.join(names.parent_of(rel), rnd.choice(NAMES))
        return self._move(m, rel, m, dst, "rename")

    def local_move(self, rnd: random.Random, m: str) -> str | None:
        files = self.files(m)
        if not files:
            return None
        rel = rnd.choice(files)
        dst = names.join(self._free_folder(m, rnd), names.name_of(rel))
        return self._move(m, rel, m, dst, "move")

    def local_move_to_other_matter(self, rnd: random.Random, m: str) -> str | None:
        others = [o for o in self.matters if o != m]
        files = self.files(m)
        if not others or not files:
            return None
        rel = rnd.choice(files)
        data = (self.root(m) / rel).read_bytes()
        line = self._move(m, rel, rnd.choice(others), rel, "move across matters")
        if line is not None:  # a new document there; a change in Clio meanwhile keeps the old
            self.ledger.writes[sha(data)] += 1
        return line

    def _move(self, m: str, rel: str, m2: str, dst: str, what: str) -> str | None:
        src_path, dst_path = self.root(m) / rel, self.root(m2) / dst
        if src_path == dst_path or not self._clear(dst_path):
            return None
        dst_path.parent.mkdir(parents=True, exist_ok=True)
        os.rename(src_path, dst_path)
        return f"local {what} {rel} to {m2}:{dst}"

    def local_delete(self, rnd: random.Random, m: str) -> str | None:
        files = self.files(m)
        if not files:
            return None
        rel = rnd.choice(files)
        path = self.root(m) / rel
        self.ledger.destroyed_local(path.read_bytes())
        path.unlink()
        return f"local delete {rel}"

    def local_mkdir(self, rnd: random.Random, m: str) -> str | None:
        parent = rnd.choice(["", *self.dirs(m)])
        rel = names.join(parent, rnd.choice(DIR_NAMES))
        path = self.root(m) / rel
        if not self._clear(path):
            return None
        path.mkdir(parents=True)
        return f"local mkdir {rel}"

    def local_rename_dir(self, rnd: random.Random, m: str) -> str | None:
        dirs = self.dirs(m)
        if not dirs:
            return None
        rel = rnd.choice(dirs)
        dst = names.join(names.parent_of(rel), rnd.choice(DIR_NAMES))
        src_path, dst_path = self.root(m) / rel, self.root(m) / dst
        if not self._clear(dst_path):
            return None
        os.rename(src_path, dst_path)
        return f"local rename folder {rel} to {dst}"

    def local_delete_dir(self, rnd: random.Random, m: str) -> str | None:
        dirs = self.dirs(m)
        if not dirs:
            return None
        rel = rnd.choice(dirs)
        path = self.root(m) / rel
        for p in files_under(path):
            self.ledger.destroyed_local(p.read_bytes())
        shutil.rmtree(path)
        return f"local delete folder {rel}"

    # -- Clio's side ------------------------------------------------------------------------

    def clio_upload(self, rnd: random.Random, m: str) -> str | None:
        remote = (*rnd.choice(FOLDERS), rnd.choice(NAMES))
        data = self.content(rnd, "C")
        self.mh.clio_upload(m, remote, data)
        self.ledger.wrote_clio(data)
        return f"clio upload {'/'.join(remote)} = {self.labels[sha(data)]}"

    def clio_copy(self, rnd: random.Random, m: str) -> str | None:
        """A colleague uploads the bytes of a local file at the same path (new on both
        sides with one content, or an upload of what is there already)."""
        files = self.files(m)
        if not files:
            return None
        rel = rnd.choice(files)
        data = (self.root(m) / rel).read_bytes()
        self.mh.clio_upload(m, rel, data)
        self.ledger.wrote_clio(data)
        return f"clio upload a copy of local {rel}"

    def _doc(self, rnd: random.Random, m: str, *, deleted: bool = False
             ) -> tuple[int, RemotePath] | None:
        docs = self.mh.clio_docs(m, deleted=deleted)
        if not docs:
            return None
        doc = rnd.choice(sorted(docs))
        return doc, docs[doc]

    def clio_edit(self, rnd: random.Random, m: str) -> str | None:
        found = self._doc(rnd, m)
        if found is None:
            return None
        data = self.content(rnd, "C")
        self.mh.clio_edit(found[0], data)
        self.ledger.wrote_clio(data)
        return f"clio edit {'/'.join(found[1])} = {self.labels[sha(data)]}"

    def clio_rename(self, rnd: random.Random, m: str) -> str | None:
        found = self._doc(rnd, m)
        if found is None:
            return None
        name = rnd.choice(NAMES)
        self.mh.admin.update_document(found[0], name=name)
        return f"clio rename {'/'.join(found[1])} to {name}"

    def clio_move(self, rnd: random.Random, m: str) -> str | None:
        found = self._doc(rnd, m)
        if found is None:
            return None
        folder = rnd.choice(FOLDERS)
        self.mh.admin.update_document(found[0], folder_id=self.mh.clio_folder(m, folder))
        return f"clio move {'/'.join(found[1])} to {'/'.join(folder) or '.'}"

    def clio_delete(self, rnd: random.Random, m: str) -> str | None:
        found = self._doc(rnd, m)
        if found is None:
            return None
        self.mh.admin.delete_document(found[0])
        return f"clio delete {'/'.join(found[1])}"

    def clio_restore(self, rnd: random.Random, m: str) -> str | None:
        found = self._doc(rnd, m, deleted=True)
        if found is None:
            return None
        try:
            self.mh.observer.update_document(found[0], restore=True)
        except ClioError as exc:
            return f"clio restore {'/'.join(found[1])} refused ({exc.status})"
        # live again: its content may also be live elsewhere (moved to another matter here)
        self.ledger.writes[sha(self.mh.admin.document_bytes(found[0]))] += 1
        return f"clio restore {'/'.join(found[1])}"

    def clio_purge(self, rnd: random.Random, m: str) -> str | None:
        found = self._doc(rnd, m, deleted=True)
        if found is None:
            return None
        doc = found[0]
        gone = {sha(self.mh.admin.document_bytes(doc, v.id))
                for v in self.mh.observer.document_versions(doc) if v.fully_uploaded}
        self.mh.clio_purge(doc)
        self.ledger.purged(gone)
        return f"clio purge {'/'.join(found[1])} (30 days later)"

    def clio_mkdir(self, rnd: random.Random, m: str) -> str | None:
        folders = self.mh.clio_folder_ids(m)
        path = (*rnd.choice(sorted(folders)), rnd.choice(DIR_NAMES))
        if path in folders or len(path) > 3:
            return None
        self.mh.clio_folder(m, path)
        return f"clio mkdir {'/'.join(path)}"

    def clio_rename_dir(self, rnd: random.Random, m: str) -> str | None:
        folders = {p: i for p, i in self.mh.clio_folder_ids(m).items() if p}
        if not folders:
            return None
        path = rnd.choice(sorted(folders))
        name = rnd.choice(DIR_NAMES)
        try:
            self.mh.observer.update_folder(folders[path], name=name)
        except ClioError as exc:
            return f"clio rename folder {'/'.join(path)} to {name} refused ({exc.status})"
        return f"clio rename folder {'/'.join(path)} to {name}"

    def clio_move_dir(self, rnd: random.Random, m: str) -> str | None:
        folders = self.mh.clio_folder_ids(m)
        movable = sorted(p for p in folders if p)
        if not movable:
            return None
        path = rnd.choice(movable)
        target = rnd.choice(sorted(p for p in folders if p[:len(path)] != path))
        try:
            self.mh.observer.update_folder(folders[path], parent_id=folders[target])
        except ClioError as exc:
            return f"clio move folder {'/'.join(path)} refused ({exc.status})"
        return f"clio move folder {'/'.join(path)} into {'/'.join(target) or '.'}"

    def clio_delete_dir(self, rnd: random.Random, m: str) -> str | None:
        folders = {p: i for p, i in self.mh.clio_folder_ids(m).items() if p}
        if not folders:
            return None
        path = rnd.choice(sorted(folders))
        self.mh.admin.delete_folder(folders[path])
        return f"clio delete folder {'/'.join(path)}"


LOCAL_OPS: tuple[Op, ...] = (
    World.local_create, World.local_create, World.local_edit, World.local_edit,
    World.local_rename, World.local_move, World.local_delete, World.local_mkdir,
    World.local_rename_dir, World.local_delete_dir, World.local_copy,
    World.local_move_to_other_matter,
)
CLIO_OPS: tuple[Op, ...] = (
    World.clio_upload, World.clio_upload, World.clio_edit, World.clio_edit, World.clio_rename,
    World.clio_move, World.clio_delete, World.clio_restore, World.clio_mkdir,
    World.clio_rename_dir, World.clio_move_dir, World.clio_delete_dir, World.clio_copy,
    World.clio_purge,
)
