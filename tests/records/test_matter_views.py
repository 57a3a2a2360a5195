"""Matter rows: the status word follows the rules of precedence the list shows."""

from __future__ import annotations

from pathlib import Path

from desktop.sync.matter_views import DocCounts, MatterLinkInfo, build_matter_view, clio_web_url
from desktop.sync.views import MatterSyncState
from tests.records.test_plans import client, manifest, matter

M = matter("m-1", ("c-1", "c-2"))
MAN = manifest([client("c-1"), client("c-2", "Rita", "Okafor")], [M])
LINK = MatterLinkInfo(42, "00042-Lovelace", clio_web_url("https://ca.app.clio.com", 42))


def view(**kw):  # type: ignore[no-untyped-def]
    args = {
        "link": None,
        "contact_of": {},
        "preexisting": False,
        "counts": DocCounts(),
        "paused": False,
        "held_new": False,
    }
    args.update(kw)
    return build_matter_view(M, MAN, Path("/ws"), **args)


def test_unlinked_states() -> None:
    assert view(preexisting=True).state is MatterSyncState.NOT_SYNCED
    v = view()
    assert v.state is MatterSyncState.NEEDS_CLIENT and "Ada Lovelace, Rita Okafor" in v.state_detail
    assert view(contact_of={"c-2": 7}).state is MatterSyncState.PENDING
    assert view(contact_of={"c-2": 7}, held_new=True).state is MatterSyncState.WAITING
    chips = view(contact_of={"c-2": 7}).clients
    assert [(c.name, c.contact_id) for c in chips] == [("Ada Lovelace", None), ("Rita Okafor", 7)]


def test_linked_states_in_precedence_order() -> None:
    busy = DocCounts(uploading=2, downloading=1, pending=3, conflicts=1, errors=1, held=4)
    assert view(link=LINK, counts=busy, paused=True).state is MatterSyncState.PAUSED
    assert view(link=LINK, counts=busy).state is MatterSyncState.CONFLICT
    assert (
        view(link=LINK, counts=DocCounts(errors=1, error_detail="Disk full")).state_detail
        == "Disk full"
    )
    assert view(link=LINK, counts=DocCounts(held=12)).state is MatterSyncState.PAUSED
    syncing = view(link=LINK, counts=DocCounts(uploading=2, downloading=1))
    assert syncing.state is MatterSyncState.SYNCING and "2↑ 1↓" in syncing.state_detail
    assert view(link=LINK, counts=DocCounts(pending=3)).state is MatterSyncState.PENDING
    ok = view(link=LINK, counts=DocCounts(documents=5, historical=2))
    assert ok.state is MatterSyncState.IN_SYNC and ok.historical == 2
    assert ok.clio_web_url == "https://ca.app.clio.com/nc/#/matters/42"
    assert ok.folder == "/ws/m-1" and ok.linked
