"""Schema version 2: local copies of the Clio records the engine reads (contacts, matters,
activities it pushed, users, expense categories), refreshed by the remote feed."""

from __future__ import annotations

from desktop.sync.store.db import Migration

MIGRATION = Migration(
    2,
    "clio records cache",
    """
CREATE TABLE clio_records (
    resource TEXT NOT NULL,
    id INTEGER NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    data TEXT NOT NULL,
    PRIMARY KEY (resource, id)
);
CREATE TABLE held (
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    matter_id TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    decision TEXT NOT NULL DEFAULT 'ask',
    since TEXT NOT NULL,
    PRIMARY KEY (kind, subject)
)
""",
)
