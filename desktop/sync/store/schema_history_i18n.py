"""Schema version 4: the activity log's lines as templates, so the GUI can show them in the
user's language (``desktop.sync.messages``). ``message`` and ``detail`` keep the English text
(what support reads); ``template``/``params`` and ``detail_template``/``detail_params`` hold
the English template and its parameters (a JSON object of strings). Lines written before
this version, or as plain text, have ``''`` and ``'{}'`` and are shown as written."""

from __future__ import annotations

from desktop.sync.store.db import Migration

MIGRATION = Migration(
    4,
    "activity log templates",
    """
ALTER TABLE history ADD COLUMN template TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN params TEXT NOT NULL DEFAULT '{}';
ALTER TABLE history ADD COLUMN detail_template TEXT NOT NULL DEFAULT '';
ALTER TABLE history ADD COLUMN detail_params TEXT NOT NULL DEFAULT '{}'
""",
)
