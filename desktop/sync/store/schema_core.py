"""Schema version 1: links, baseline, historical snapshots, cursors, journal, history, problems."""

from __future__ import annotations

from desktop.sync.store.db import Migration

MIGRATION = Migration(
    1,
    "core records state",
    """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE account_settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE client_links (
    client_id TEXT PRIMARY KEY,
    contact_id INTEGER NOT NULL,
    contact_name TEXT NOT NULL DEFAULT '',
    how TEXT NOT NULL,
    linked_at TEXT NOT NULL
);
CREATE INDEX client_links_contact ON client_links (contact_id);
CREATE TABLE baseline (
    matter_id TEXT PRIMARY KEY,
    taken_at TEXT NOT NULL
);
CREATE TABLE matter_links (
    matter_id TEXT PRIMARY KEY,
    clio_matter_id INTEGER NOT NULL,
    display_number TEXT NOT NULL DEFAULT '',
    clio_folder_id INTEGER,
    how TEXT NOT NULL,
    linked_at TEXT NOT NULL,
    folder TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL DEFAULT '',
    etag TEXT NOT NULL DEFAULT ''
);
CREATE INDEX matter_links_clio ON matter_links (clio_matter_id);
CREATE TABLE historical (
    matter_id TEXT NOT NULL,
    rel_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    PRIMARY KEY (matter_id, rel_path)
);
CREATE TABLE activity_links (
    activity_id TEXT PRIMARY KEY,
    matter_id TEXT NOT NULL,
    clio_activity_id INTEGER NOT NULL,
    etag TEXT NOT NULL DEFAULT '',
    pushed_digest TEXT NOT NULL DEFAULT '',
    pushed_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pushed',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX activity_links_matter ON activity_links (matter_id);
CREATE TABLE cursors (
    resource TEXT PRIMARY KEY,
    updated_since TEXT,
    page_token TEXT,
    listing_since TEXT,
    max_seen TEXT
);
CREATE TABLE journal (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    payload TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    closed_at TEXT,
    result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX journal_open ON journal (state) WHERE state = 'open';
CREATE TABLE history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    result TEXT NOT NULL,
    matter_id TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    message TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX history_at ON history (at);
CREATE TABLE problems (
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    matter_id TEXT NOT NULL DEFAULT '',
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    needs_user INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    retry_at TEXT,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    PRIMARY KEY (kind, subject)
)
""",
)
