"""The activity log keeps each line's English text and, for a ``Message``, its template and
parameters (schema version 4); a database of version 3 is upgraded with its lines kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.sync.messages import msg
from desktop.sync.store import Store
from desktop.sync.store.db import Database
from desktop.sync.store.store import migrations


def test_a_message_is_stored_as_english_and_as_its_template(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.sqlite3")
    try:
        added = store.history.add(
            "error",
            msg("{path}: {reason}", path="Lettre à l'ami.docx", reason="Permission denied"),
            result="error",
            matter_id="m-1",
            detail=msg("Tried {n} time(s); it will be tried again.", n=2),
        )
        store.history.add("upload", "Uploaded a.pdf")  # plain text, as before
        newest, oldest = store.history.recent(10)
        assert oldest == added
        assert oldest.message == "Lettre à l'ami.docx: Permission denied"
        assert oldest.template == "{path}: {reason}"
        assert oldest.params == (("path", "Lettre à l'ami.docx"), ("reason", "Permission denied"))
        assert oldest.detail == "Tried 2 time(s); it will be tried again."
        assert oldest.detail_template == "Tried {n} time(s); it will be tried again."
        assert oldest.detail_params == (("n", "2"),)
        assert (newest.message, newest.template, newest.params) == ("Uploaded a.pdf", "", ())
        # support reads the English text straight from the table
        row = store.db.query_one("SELECT message, params FROM history WHERE id = ?", (added.id,))
        assert row is not None and row[0] == "Lettre à l'ami.docx: Permission denied"
        assert '"path":"Lettre à l\'ami.docx"' in row[1]
    finally:
        store.close()


def test_a_version_3_database_is_upgraded_with_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    old = Database(path, [m for m in migrations() if m.version <= 3])
    assert old.schema_version == 3
    with old.write() as c:
        c.execute(
            "INSERT INTO history (at, kind, result, message) VALUES (?, ?, ?, ?)",
            ("2026-11-20T19:02:00+00:00", "upload", "ok", "Uploaded old.pdf"),
        )
    old.close()
    store = Store(path)
    try:
        assert store.db.schema_version >= 4
        (entry,) = store.history.recent(5)
        assert (entry.message, entry.template, entry.params) == ("Uploaded old.pdf", "", ())
        assert list(tmp_path.glob("state.v3.bak.sqlite3"))  # copied before the migration
    finally:
        store.close()


def test_unreadable_stored_parameters_read_as_none(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.sqlite3")
    try:
        store.history.add("upload", msg("Uploaded {path}", path="a.pdf"))
        store.close()
        conn = sqlite3.connect(tmp_path / "state.sqlite3")
        conn.execute("UPDATE history SET params = 'not json', detail_params = '[1]'")
        conn.commit()
        conn.close()
        store = Store(tmp_path / "state.sqlite3")
        (entry,) = store.history.recent(5)
        assert (entry.message, entry.template) == ("Uploaded a.pdf", "Uploaded {path}")
        assert entry.params == ()
        assert entry.detail_params == ()
    finally:
        store.close()
