"""Lost state: the state database deleted. The next start takes a new baseline, the user links
the client and the matter again (as after any fresh install), and the mirror rebuilds its index
from what Clio stores for the companion — the ``prolegis_id``, ``prolegis_sha256`` and
``prolegis_version`` of each document — without uploading anything again, without a second
document, and downloading only what it cannot compare otherwise (documents others uploaded,
whose hash is unknown, of the same size as the local file)."""

from __future__ import annotations

from pathlib import Path

from desktop.sandbox import Sandbox
from desktop.sync import commands as cmd
from desktop.sync.events import CommandFailed
from tests.proofs.conftest import ProofFactory
from tests.proofs.support import (
    Ledger,
    ProofHarness,
    assert_no_duplicates,
    assert_nothing_lost,
)
from tests.proofs.world import World

M = "m-1"


def command(mh: ProofHarness, c: cmd.Command) -> None:
    before = len(mh.h.events_of(CommandFailed))
    mh.h.engine.submit(c)
    mh.h.engine.checkpoint()
    failed = [e.message for e in mh.h.events_of(CommandFailed)[before:]]
    assert not failed, failed


class Firm:
    """A matter created by the companion (records half and mirror), with documents uploaded
    from here and by a colleague in Clio, in nested folders."""

    def __init__(self, sandbox: Sandbox, proof_factory: ProofFactory) -> None:
        self.mh = mh = proof_factory(sandbox, records=True)
        self.world = World(mh, [M], Ledger())
        b = mh.h.builder
        b.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
        b.write()
        mh.sync(expect=None)  # the baseline: no matters yet
        self.contact = mh.admin.create_contact(first_name="Ada", last_name="Lovelace")
        command(mh, cmd.LinkClient("c-1", contact_id=self.contact))
        b.add_matter("Purchase of 12 Elm St", id=M, number="2026-0001", client_ids=["c-1"])
        b.write()
        for rel in ("Offer.pdf", "Letters/Reply.docx", "Letters/2026/Notice.txt",
                    "Scans/Deed.pdf"):
            self.world.put_local(M, rel)
        mh.sync()
        link = mh.store.matter_links.get(M)
        assert link is not None
        self.clio_matter = mh.clio_matters[M] = link.clio_matter_id
        for rel in ("From Clio/Appraisal.pdf", "Letters/From the bank.pdf"):
            self.world.put_clio(M, rel)
        mh.sync()
        mh.assert_in_step(M)

    def snapshot(self) -> dict[str, tuple[int | None, str]]:
        rows = self.mh.store.documents.rows(M)
        return {p: (r.base.doc_id, r.prolegis_id) for p, r in rows.items()}

    def lose_state(self) -> None:
        path: Path = self.mh.store.path
        self.mh.h.close()
        gone = list(path.parent.glob(path.name + "*"))
        assert gone
        for f in gone:
            f.unlink()
        self.mh.h.restart()

    def link_again(self) -> None:
        """What the user does after a fresh start: the new baseline makes every matter
        pre-existing; link the client, then the matter to its Clio matter."""
        self.mh.sync()
        assert self.mh.store.matter_links.get(M) is None
        command(self.mh, cmd.LinkClient("c-1", contact_id=self.contact))
        command(self.mh, cmd.LinkMatter(M, clio_matter_id=self.clio_matter))


def transfers(mh: ProofHarness) -> tuple[int, int, int]:
    """(documents created, bytes uploaded, bytes downloaded) so far, from the sandbox."""
    stats = mh.admin.stats()
    created = sum(stats["routes"].get("POST /api/v4/documents", {}).values())
    return created, stats["bytes_uploaded"], stats["bytes_downloaded"]


def test_a_lost_state_database_rebuilds_from_clios_tags(
        sandbox: Sandbox, proof_factory: ProofFactory, trash: Path) -> None:
    firm = Firm(sandbox, proof_factory)
    mh = firm.mh
    before = firm.snapshot()
    theirs = {p for p in before if p.startswith(("From Clio/", "Letters/From the bank"))}
    firm.lose_state()
    firm.link_again()
    created, up, down = transfers(mh)
    mh.sync()
    created2, up2, down2 = transfers(mh)
    assert (created2, up2) == (created, up), "something was uploaded again"
    unknown = sum(len(mh.local_state(M)[p]) for p in theirs)  # hashes Clio does not have
    assert down2 - down <= unknown
    assert firm.snapshot() == before  # the same documents, the same companion ids
    mh.assert_in_step(M)
    assert_no_duplicates(mh, [M], firm.world.ledger)
    assert_nothing_lost(firm.world.ledger, [(mh, [M])], [trash], known=firm.world.labels)
    # and the mirror goes on as before, both ways
    firm.world.put_local(M, "Letters/After.docx")
    firm.world.edit_clio(before["Offer.pdf"][0] or 0)
    mh.sync()
    assert "Letters/After.docx" in mh.clio_by_path(M)
    assert mh.local_state(M)["Offer.pdf"] == mh.admin.document_bytes(before["Offer.pdf"][0])
    mh.assert_in_step(M)


def test_changes_made_while_the_state_was_lost_surface_as_conflicts(
        sandbox: Sandbox, proof_factory: ProofFactory, trash: Path) -> None:
    firm = Firm(sandbox, proof_factory)
    mh, world = firm.mh, firm.world
    before = firm.snapshot()
    firm.lose_state()
    world.put_local(M, "Letters/Reply.docx")  # edited here meanwhile
    world.edit_clio(before["Scans/Deed.pdf"][0] or 0)  # and in Clio
    world.put_local(M, "New here.txt")
    world.put_clio(M, "From Clio/New there.pdf")
    created, _, _ = transfers(mh)
    firm.link_again()
    mh.sync(expect=3)  # two files differ from Clio's: both kept, the user chooses
    conflicts = mh.store.documents.conflicts(M)
    assert sorted(c.rel_path for c in conflicts) == ["Letters/Reply.docx", "Scans/Deed.pdf"]
    assert transfers(mh)[0] == created  # nothing uploaded on its own
    assert "From Clio/New there.pdf" in mh.local_state(M)
    mh.assert_in_step(M, local_only={"New here.txt"})  # taken when linked: stays local
    assert_no_duplicates(mh, [M], world.ledger)
    assert_nothing_lost(world.ledger, [(mh, [M])], [trash], known=world.labels)
    command(mh, cmd.ResolveAllConflicts("local"))
    mh.sync()
    assert_nothing_lost(world.ledger, [(mh, [M])], [trash], known=world.labels)
    mh.assert_in_step(M, local_only={"New here.txt"})
