"""The example manifest of the format note (``docs/prolegis-workspace.md``), for the tests."""

from __future__ import annotations

import copy
import json
from typing import Any

EXAMPLE_JSON = """\
{
  "format": "prolegis-workspace",
  "version": 1,
  "clients": [
    {
      "id": "c-1001",
      "kind": "person",
      "first_name": "Ada",
      "last_name": "Lovelace",
      "company": null,
      "emails": ["ada@example.com"],
      "phones": ["403-555-0100"],
      "addresses": [{"street": "12 Elm St", "city": "Calgary", "province": "AB",
                     "postal_code": "T2P 1J9", "country": "CA"}],
      "updated_at": "2026-11-20T17:04:00Z"
    },
    {
      "id": "c-1002",
      "kind": "company",
      "company": "Prairie Holdings Ltd.",
      "emails": [], "phones": [], "addresses": [],
      "updated_at": "2026-11-20T17:04:00Z"
    }
  ],
  "matters": [
    {
      "id": "m-2024-0012",
      "number": "2024-0012",
      "title": "Purchase of 12 Elm St",
      "status": "open",
      "open_date": "2024-03-02",
      "client_ids": ["c-1001", "c-1002"],
      "folder": "2024-0012 Purchase of 12 Elm St",
      "updated_at": "2026-11-20T17:04:00Z"
    }
  ],
  "activities": [
    {
      "id": "a-5001", "matter_id": "m-2024-0012", "kind": "time",
      "date": "2026-11-20", "hours": 1.5, "rate": 350.00,
      "note": "Review title search", "author": "jdoe",
      "updated_at": "2026-11-20T17:04:00Z"
    },
    {
      "id": "a-5002", "matter_id": "m-2024-0012", "kind": "expense",
      "date": "2026-11-21", "amount": 45.20, "category": "Courier",
      "note": "Courier to lender", "author": "jdoe",
      "updated_at": "2026-11-21T09:30:00Z"
    }
  ]
}
"""

_EXAMPLE: dict[str, Any] = json.loads(EXAMPLE_JSON)


def example() -> dict[str, Any]:
    """A fresh, mutable copy of the example manifest."""
    return copy.deepcopy(_EXAMPLE)


def dumps(data: Any) -> bytes:
    """JSON bytes as an exporter would write them."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
