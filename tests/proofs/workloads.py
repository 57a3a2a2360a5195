"""Fixed workloads of the fault, crash and two-seat suites: a matter with documents on both
sides, then a pass's worth of changes on both sides — uploads, downloads, new versions both
ways, renames, moves and deletions both ways, new folders on both sides — that never touch the
same document from both sides (so a settled pass is in step with no conflict, exit code 0)."""

from __future__ import annotations

import random

from tests.proofs.world import World

SUBFOLDERS = ("Pleadings", "Letters", "Letters/2026", "Scans")


BOXES = ("Box here", "Box there")  # folders renamed each round, one per side


def seed_matter(world: World, m: str, *, files: int = 8, clio: int = 4) -> None:
    """Documents on both sides, not synced yet (and a folder per side to rename)."""
    for i in range(files):
        world.put_local(m, f"{SUBFOLDERS[i % len(SUBFOLDERS)]}/doc {i:02d}.txt")
    for i in range(clio):
        world.put_clio(m, f"From Clio/clio {i:02d}.txt")
    for box in BOXES:
        world.put_local(m, f"{box}/in the box.txt")


def mixed_changes(world: World, m: str, rnd: random.Random, *, scale: int = 1) -> list[str]:
    """Changes on both sides of a synced matter, each document touched by one side only;
    returns the log lines."""
    start = len(world.log)
    mh = world.mh
    docs = mh.clio_docs(m)
    by_path = {"/".join(p): d for d, p in docs.items()}
    files = [f for f in world.files(m) if f in by_path and not f.startswith(BOXES)]
    rnd.shuffle(files)
    half = len(files) // 2
    mine, theirs = files[:half], files[half:]
    n = world.n
    # this computer
    for i in range(3 * scale):
        world.put_local(m, f"{rnd.choice(SUBFOLDERS)}/new {n:04d}-{i}.txt", rnd)
    world.put_local(m, f"New {n:04d}/inside.txt", rnd)
    for rel in mine[:2 * scale]:
        world.put_local(m, rel, rnd)
    for op in (World.local_rename, World.local_move):
        if len(mine) > 2 * scale:
            rel = mine.pop()
            dst = f"{rnd.choice(SUBFOLDERS)}/moved {n:04d} {rel.rsplit('/', 1)[-1]}" \
                if op is World.local_move else rel.rsplit("/", 1)[0] + f"/renamed {n:04d}.txt"
            world._move(m, rel, m, dst, "rename" if op is World.local_rename else "move")
    if len(mine) > 2 * scale:
        rel = mine.pop()
        world.ledger.destroyed_local((world.root(m) / rel).read_bytes())
        (world.root(m) / rel).unlink()
        world.log.append(f"{m}: local delete {rel}")
    here = next((d for d in world.dirs(m) if d.startswith(BOXES[0])), None)
    if here is not None:
        world._move(m, here, m, f"{BOXES[0]} {n:04d}", "rename folder")
    # a colleague in Clio
    folders = mh.clio_folder_ids(m)
    there = next((p for p in folders if len(p) == 1 and p[0].startswith(BOXES[1])), None)
    if there is not None:
        mh.observer.update_folder(folders[there], name=f"{BOXES[1]} {n:04d}")
        world.log.append(f"clio rename folder {there[0]}")
    for i in range(2 * scale):
        world.put_clio(m, f"From Clio/{n:04d}/upload {i}.txt", rnd)
    for rel in theirs[:2 * scale]:
        world.edit_clio(by_path[rel], rnd)
    rest = theirs[2 * scale:]
    if rest:
        doc = by_path[rest.pop()]
        mh.admin.update_document(doc, name=f"clio renamed {n:04d}.txt")
        world.log.append(f"clio rename {doc}")
    if rest:
        doc = by_path[rest.pop()]
        mh.admin.update_document(doc, folder_id=mh.clio_folder(m, ("Scans", f"Moved {n:04d}")))
        world.log.append(f"clio move {doc}")
    if rest:
        doc = by_path[rest.pop()]
        mh.admin.delete_document(doc)
        world.log.append(f"clio delete {doc}")
    return world.log[start:]
