"""The mirror beside the records half, as ``prolegis-desktop sync`` runs them: a new matter the
records half creates in Clio has its documents synced in the same pass."""

from __future__ import annotations

M = "m-1"


def test_with_the_records_half_a_new_matter_gets_its_documents(sandbox, mirror_factory) -> None:  # type: ignore[no-untyped-def]
    mh = mirror_factory(sandbox, records=True)
    b = mh.h.builder
    b.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    b.write()
    mh.sync(expect=None)  # the baseline: no matters yet
    contact = mh.admin.create_contact(first_name="Ada", last_name="Lovelace")
    mh.store.client_links.link("c-1", contact, "Ada Lovelace", "matched")
    b.add_matter("Purchase of 12 Elm St", id=M, number="2026-0001", client_ids=["c-1"])
    b.write()
    mh.write(M, "Offer.pdf", b"offer")
    mh.sync()
    link = mh.store.matter_links.get(M)
    assert link is not None and link.how == "created"
    mh.clio_matters[M] = link.clio_matter_id
    assert mh.clio_by_path(M) == {"Offer.pdf": b"offer"}
    mh.assert_in_step(M)
