"""Every Clio behaviour the sandbox had to *guess*, in one place.

The reference (``clio-api-v4.md``) marks these as unverified or undocumented. Each constant is
the reading the sandbox took; change it here (and in ``docs/sandbox.md``) when real Clio is
observed to behave otherwise. Documented facts (page size 200, 5 external properties, 50 parts
per request...) live next to the code that enforces them.
"""

from __future__ import annotations

# --- API versions -------------------------------------------------------------------------
#: Default minor version (2026-04 OpenAPI snapshot).
DEFAULT_API_VERSION = "4.0.13"
#: Versions accepted in ``X-API-VERSION``; anything else is 410 Gone. Only versions whose
#: semantics for the resources the sandbox serves match what it implements (quantity in seconds
#: since 4.0.4, no ``document_versions`` field since 4.0.6).
SUPPORTED_API_VERSIONS = frozenset(
    {"4.0.6", "4.0.7", "4.0.8", "4.0.9", "4.0.10", "4.0.11", "4.0.12", "4.0.13"}
)

# --- OAuth --------------------------------------------------------------------------------
#: Authorization codes live this long (seconds) and are single-use.
AUTH_CODE_TTL = 600.0
#: Whether a refresh-token grant answers with a (new) ``refresh_token``. Clio's FAQ says Manage
#: refresh tokens are reusable and never expire; clients must keep the old one when absent.
REFRESH_RETURNS_REFRESH_TOKEN = False
#: Whether the previous access token keeps working after a refresh (until it expires).
REFRESH_KEEPS_OLD_ACCESS_TOKEN = True
#: Client credentials are read from the form body only (``client_secret_post``, as Clio
#: documents); HTTP Basic alone is refused with ``invalid_client``.
CLIENT_CREDENTIALS_IN_BODY_ONLY = True

# --- Errors ---------------------------------------------------------------------------------
#: 429 body type (Clio's spec only says the generic Error schema).
RATE_LIMIT_MESSAGE = "Rate limit exceeded. Retry after {retry} seconds."
#: Status for PATCH/DELETE of a billed activity (Clio: "expect 4xx (403/422)").
BILLED_ACTIVITY_STATUS = 422
#: Status for changing a locked document (rename, move, new version, delete).
LOCKED_DOCUMENT_STATUS = 403
#: Status for UploadNotFoundError / already-committed versions.
UPLOAD_ERROR_STATUS = 422
#: Only administrators may create, edit or delete custom fields (Clio's help centre: "Only Users
#: with Administrator Permissions can create Custom Fields"); the API's answer to other users is
#: taken to be 403. Applying existing fields' values stays open to everyone.
CUSTOM_FIELDS_NEED_ADMIN = True
#: Unknown attributes in a POST/PATCH body are refused (422) rather than ignored. Real Clio
#: (Rails) may silently drop them; refusing makes a client typo visible.
REJECT_UNKNOWN_BODY_ATTRIBUTES = True

# --- Listing --------------------------------------------------------------------------------
#: ``updated_since``/``created_since`` keep records strictly *after* the time ("after a specific
#: time" in the spec), compared at whole seconds as the timestamps are shown.
SINCE_IS_INCLUSIVE = False
#: ``meta.records`` (total count) in list responses: seen in client code, not in Clio's docs.
META_RECORDS = True
#: Whether ``/documents?matter_id=`` includes documents in sub-folders of the matter folder.
MATTER_ID_INCLUDES_SUBFOLDERS = True

# --- Records --------------------------------------------------------------------------------
#: Status of a new matter when the request gives none.
MATTER_DEFAULT_STATUS = "open"
#: The account numbers matters automatically; ``display_number`` in a body is then refused.
MANUAL_MATTER_NUMBERING = False
#: Time entries are rounded up to this many seconds for ``rounded_quantity``/``total`` (0.1 h).
TIME_ROUNDING_SECONDS = 360
#: Two folders with the same name in one parent are refused (documents may share names).
DUPLICATE_FOLDER_NAMES = False
#: A document whose extension gives no MIME type needs an explicit ``content_type``.
REQUIRE_CONTENT_TYPE_FOR_UNKNOWN_EXTENSION = True
#: ``latest_document_version`` is the newest version even while it is still uploading (the POST
#: that creates a new version must show its ``put_url``); ``size``/``filename``/``content_type``
#: of the document come from the newest *fully uploaded* version.
LATEST_VERSION_INCLUDES_PENDING = True
#: A new version POSTed with ``parent{type: Document}`` answers with the existing document's id.
NEW_VERSION_RETURNS_EXISTING_ID = True
#: The nested-email/phone "primary" flag goes to the first item when none is marked default.
FIRST_ITEM_IS_PRIMARY = True

# --- Storage --------------------------------------------------------------------------------
#: ``put_url`` lifetime (the schema says 10 minutes; multipart prose says 8 hours).
PUT_URL_TTL = 600
#: Download ``Location`` lifetime.
DOWNLOAD_URL_TTL = 300
