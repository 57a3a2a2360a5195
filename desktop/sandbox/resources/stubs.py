"""Real Clio resources the app never asks about but that appear as associations of those it
does (``practice_area``, ``group``...). They are declared so ``fields`` accepts their names;
the sandbox shows them as null (or empty lists)."""

from __future__ import annotations

from desktop.sandbox.fields import resource

for _name in (
    "PracticeArea",
    "Group",
    "MatterStage",
    "DocumentCategory",
    "ActivityDescription",
    "Account",
    "JobTitle",
    "WebSite",
    "InstantMessenger",
    "Avatar",
    "Vendor",
):
    resource(_name).scalars("id", "etag", "name")

resource("Bill").scalars("id", "etag", "number", "state")
resource("PicklistOption").scalars("id", "etag", "option", "created_at", "updated_at", "deleted_at")
resource("CustomFieldMatterSelection", defaults=("id",)).scalars("id", "display_number")
resource("MultipartHeader", defaults=("name", "value")).scalars("name", "value")
