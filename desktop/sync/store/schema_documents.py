"""Schema version 3: the document mirror's state.

- ``doc_index``: one row per document of a linked matter — the base of the three-way reconcile
  (local path, size, mtime, inode, sha256; Clio document, folder path, name, version; historical).
- ``folder_index``: local folders and the Clio folders they mirror.
- ``clio_documents`` / ``clio_folders``: what the remote feed last saw of the linked matters'
  documents and folders (trash included), refreshed by one account-wide listing per resource.
- ``doc_conflicts``: conflicts awaiting the user (and the resolution asked for, if any).
- ``doc_held``: deletions held by the deletion guard, and the user's decision.
- ``doc_pushes``: files the user asked to push (historical or copied in), until uploaded.
- ``mirror_matters``: per linked matter, the link the mirror was initialised for and when it
  last synced.
"""

from __future__ import annotations

from desktop.sync.store.db import Migration

MIGRATION = Migration(
    3,
    "document mirror",
    """
CREATE TABLE doc_index (
    matter_id TEXT NOT NULL,
    rel_path TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    inode INTEGER NOT NULL,
    sha256 TEXT,
    doc_id INTEGER,
    remote_parent TEXT NOT NULL DEFAULT '[]',
    version_id INTEGER,
    remote_name TEXT NOT NULL DEFAULT '',
    historical INTEGER NOT NULL DEFAULT 0,
    prolegis_id TEXT NOT NULL DEFAULT '',
    synced_at TEXT NOT NULL,
    PRIMARY KEY (matter_id, rel_path)
);
CREATE INDEX doc_index_doc ON doc_index (doc_id);
CREATE TABLE folder_index (
    matter_id TEXT NOT NULL,
    rel_path TEXT NOT NULL,
    folder_id INTEGER,
    remote_path TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (matter_id, rel_path)
);
CREATE TABLE clio_documents (
    doc_id INTEGER PRIMARY KEY,
    clio_matter_id INTEGER NOT NULL,
    parent_id INTEGER,
    name TEXT NOT NULL,
    version_key INTEGER,
    size INTEGER,
    sha256 TEXT,
    prolegis_id TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT '',
    modified TEXT NOT NULL DEFAULT ''
);
CREATE INDEX clio_documents_matter ON clio_documents (clio_matter_id);
CREATE TABLE clio_folders (
    folder_id INTEGER PRIMARY KEY,
    clio_matter_id INTEGER NOT NULL,
    parent_id INTEGER,
    name TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    updated_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX clio_folders_matter ON clio_folders (clio_matter_id);
CREATE TABLE doc_conflicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    matter_id TEXT NOT NULL,
    rel_path TEXT NOT NULL,
    copy_path TEXT NOT NULL,
    kind TEXT NOT NULL,
    doc_id INTEGER NOT NULL,
    local_size INTEGER NOT NULL DEFAULT 0,
    local_modified TEXT NOT NULL DEFAULT '',
    clio_size INTEGER NOT NULL DEFAULT 0,
    clio_modified TEXT NOT NULL DEFAULT '',
    detected_at TEXT NOT NULL,
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX doc_conflicts_matter ON doc_conflicts (matter_id);
CREATE TABLE doc_held (
    matter_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',
    decision TEXT NOT NULL DEFAULT 'ask',
    since TEXT NOT NULL,
    PRIMARY KEY (matter_id, kind, subject)
);
CREATE TABLE doc_pushes (
    matter_id TEXT NOT NULL,
    rel_path TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    PRIMARY KEY (matter_id, rel_path)
);
CREATE TABLE mirror_matters (
    matter_id TEXT PRIMARY KEY,
    linked_at TEXT NOT NULL,
    clio_matter_id INTEGER NOT NULL,
    root_folder_id INTEGER NOT NULL,
    last_sync TEXT
)
""",
)
