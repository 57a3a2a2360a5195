"""The state store: links, baseline, journal, cursors, problems, migrations and write faults."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.sync.store import Store, StoreWriteFault, state_db_path
from desktop.sync.store.db import Database, Migration
from desktop.sync.store.links import SnapshotEntry
from desktop.sync.store.problems import retry_delay


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "state.sqlite3")
    yield s
    s.close()


def test_database_is_wal_and_versioned(store: Store) -> None:
    mode = store.db.query_one("PRAGMA journal_mode")
    assert mode is not None and mode[0] == "wal"
    assert store.db.schema_version >= 1


def test_state_path_separates_accounts_and_workspaces(tmp_path: Path) -> None:
    a = state_db_path(tmp_path, "https://ca.app.clio.com", 12, tmp_path / "ws1")
    b = state_db_path(tmp_path, "https://ca.app.clio.com", 13, tmp_path / "ws1")
    c = state_db_path(tmp_path, "https://ca.app.clio.com", 12, tmp_path / "ws2")
    d = state_db_path(tmp_path, "http://127.0.0.1:5310", 12, tmp_path / "ws1")
    assert len({a, b, c, d}) == 4
    assert a == state_db_path(tmp_path, "https://ca.app.clio.com", 12, tmp_path / "ws1" / ".")


def test_client_links_round_trip(store: Store) -> None:
    store.client_links.link("c-1001", 77, "Ada Lovelace", "matched")
    assert store.client_links.get("c-1001") is not None
    assert store.client_links.get("c-1001").contact_id == 77  # type: ignore[union-attr]
    assert [link.client_id for link in store.client_links.by_contact(77)] == ["c-1001"]
    assert store.client_links.unlink("c-1001") is True
    assert store.client_links.get("c-1001") is None
    assert store.client_links.unlink("c-1001") is False


def test_matter_link_records_snapshot_atomically(store: Store) -> None:
    snap = [SnapshotEntry("Old APS.pdf", 10, 5, 99), SnapshotEntry("Letters/a.docx", 3, 4, 100)]
    store.matter_links.link(
        "m-1",
        500,
        display_number="00500-Lovelace",
        clio_folder_id=9,
        how="linked",
        folder="2024-0001 Elm",
        status="open",
        snapshot=snap,
    )
    assert set(store.matter_links.snapshot("m-1")) == {"Old APS.pdf", "Letters/a.docx"}
    store.matter_links.forget_historical("m-1", ["Old APS.pdf"])
    assert set(store.matter_links.snapshot("m-1")) == {"Letters/a.docx"}
    store.matter_links.update("m-1", status="closed")
    assert store.matter_links.get("m-1").status == "closed"  # type: ignore[union-attr]
    assert store.matter_links.by_clio_id(500).matter_id == "m-1"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        store.matter_links.update("m-1", clio_matter_id=3)
    store.matter_links.unlink("m-1")
    assert store.matter_links.snapshot("m-1") == {}


def test_failed_write_leaves_no_half_link(store: Store) -> None:
    bad = [SnapshotEntry("a", 1, 1, 1), SnapshotEntry("a", 1, 1, 1)]  # duplicate key
    with pytest.raises(sqlite3.IntegrityError):
        store.matter_links.link(
            "m-2",
            1,
            display_number="",
            clio_folder_id=None,
            how="linked",
            folder="x",
            status="open",
            snapshot=bad,
        )
    assert store.matter_links.get("m-2") is None


def test_baseline_is_taken_once(store: Store) -> None:
    assert not store.baseline.taken()
    store.baseline.take(["m-1", "m-2"])
    store.baseline.take(["m-3"])  # a later pass: no new pre-existing matters
    assert store.baseline.taken()
    assert store.baseline.preexisting() == {"m-1", "m-2"}
    assert store.baseline.is_preexisting("m-1") and not store.baseline.is_preexisting("m-3")


def test_journal_open_intents_survive_reopen(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    s1 = Store(path)
    done = s1.journal.open("create_matter", "m-1", {"description": "x"})
    s1.journal.close(done, "done", {"clio_id": 5})
    pending = s1.journal.open("create_matter", "m-2", {"description": "y"})
    s1.journal.update_payload(pending, {"description": "y", "stub": 12})
    s1.close()
    s2 = Store(path)
    intents = s2.journal.open_intents()
    assert [(i.id, i.subject, i.payload["stub"]) for i in intents] == [(pending, "m-2", 12)]
    assert s2.journal.get(done).result == {"clio_id": 5}  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        s2.journal.close(pending, "finished")
    s2.close()


def test_cursor_mark_advances_only_after_last_page(store: Store) -> None:
    store.cursors.save_page("documents", listing_since="T0", page_token="p2", max_seen="T5")
    c = store.cursors.get("documents")
    assert (c.updated_since, c.page_token, c.listing_since, c.max_seen) == (None, "p2", "T0", "T5")
    store.cursors.finish_listing("documents", "T4")
    c = store.cursors.get("documents")
    assert (c.updated_since, c.page_token, c.max_seen) == ("T4", None, None)
    store.cursors.finish_listing("documents", None)  # nothing seen: keep the old mark
    assert store.cursors.get("documents").updated_since == "T4"


def test_problems_back_off_and_need_user(store: Store) -> None:
    p1 = store.problems.report("activity", "a-1", "network", "Clio unreachable")
    p2 = store.problems.report("activity", "a-1", "network", "Clio unreachable")
    assert (p1.attempts, p2.attempts) == (1, 2)
    assert not p2.due()
    billed = store.problems.report("activity", "a-2", "billed", "already billed", needs_user=True)
    assert billed.retry_at is None and not billed.due()
    assert {p.subject for p in store.problems.all("activity")} == {"a-1", "a-2"}
    assert store.problems.clear("activity", "a-1")
    assert retry_delay(1).total_seconds() == 25 and retry_delay(2).total_seconds() == 125
    assert retry_delay(50).total_seconds() == 86400


def test_history_and_settings(store: Store) -> None:
    store.history.add("upload", "Uploaded Letter.docx", matter_id="m-1")
    store.history.add("error", "Could not upload", result="error", matter_id="m-1")
    recent = store.history.recent(10)
    assert [e.kind for e in recent] == ["error", "upload"]
    assert store.history.recent(10, after_id=recent[0].id) == []
    store.account_settings.set("author_map", {"jdoe": 3})
    assert store.account_settings.get("author_map") == {"jdoe": 3}
    assert store.account_settings.get("missing", 7) == 7


def test_nth_write_fault_rolls_back(store: Store) -> None:
    store.db.fail_write_at = store.db.writes + 2
    store.client_links.link("c-1", 1, "A", "matched")
    with pytest.raises(StoreWriteFault):
        store.client_links.link("c-2", 2, "B", "matched")
    store.db.fail_write_at = None
    assert store.client_links.get("c-1") is not None and store.client_links.get("c-2") is None


def test_migration_copies_database_first(tmp_path: Path) -> None:
    path = tmp_path / "m.sqlite3"
    v1 = Migration(1, "one", "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (41)")
    Database(path, [v1]).close()
    v2 = Migration(2, "two", "UPDATE t SET x = x + 1")
    db = Database(path, [v1, v2])
    assert db.query_one("SELECT x FROM t")[0] == 42  # type: ignore[index]
    backup = tmp_path / "m.v1.bak.sqlite3"
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("SELECT x FROM t").fetchone()[0] == 41
    old.close()
    db.close()


def test_records_cache_upsert_replace_and_read(store: Store) -> None:
    store.clio.upsert("contacts", [{"id": 2, "etag": "e2", "name": "B"}, {"id": 1, "name": "A"}])
    assert [c["name"] for c in store.clio.all("contacts")] == ["A", "B"]
    store.clio.upsert("contacts", [{"id": 2, "etag": "e3", "name": "B2"}])
    assert store.clio.get("contacts", 2) == {"id": 2, "etag": "e3", "name": "B2"}
    store.clio.replace_all("contacts", [{"id": 3, "name": "C"}])
    assert store.clio.count("contacts") == 1 and store.clio.get("contacts", 1) is None
    store.clio.delete("contacts", [3])
    assert store.clio.count("contacts") == 0


def test_holds_record_decisions(store: Store) -> None:
    store.holds.hold("new_matter", "m-1")
    store.holds.hold("new_matter", "m-2")
    store.holds.hold("activity_removal", "a-1", matter_id="m-9")
    assert store.holds.decide("new_matter", "defer") == 2
    assert store.holds.with_decision("new_matter", "defer") == {"m-1", "m-2"}
    store.holds.decide("activity_removal", "allow", matter_id="m-9")
    assert store.holds.with_decision("activity_removal", "allow") == {"a-1"}
    store.holds.release("new_matter", ["m-1"])
    assert [h.subject for h in store.holds.all("new_matter")] == ["m-2"]
    with pytest.raises(ValueError):
        store.holds.decide("new_matter", "maybe")
