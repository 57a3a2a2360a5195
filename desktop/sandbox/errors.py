"""API errors: one exception type and the JSON bodies Clio uses for them.

Clio's API errors are ``{"error": {"type": "<Name>", "message": "<text>"}}``; OAuth errors are
flat ``{"error": "...", "error_description": "..."}``. Handlers raise :class:`ApiError`; the server
turns it into the response. The ``type`` names for 404/422/403/412/410 are not documented by Clio
(only ``InvalidFields``, ``UploadNotFoundError``, ``UploadTimeoutError`` and ``ArgumentError`` are
seen in the wild); they are kept here so they are easy to change.
"""

from __future__ import annotations

from typing import Any

T_ARGUMENT = "ArgumentError"
T_INVALID_FIELDS = "InvalidFields"
T_NOT_FOUND = "RecordNotFound"
T_INVALID = "RecordInvalid"
T_FORBIDDEN = "Forbidden"
T_PRECONDITION = "PreconditionFailed"
T_GONE = "InvalidApiVersion"
T_RATE_LIMITED = "RateLimitExceeded"
T_UPLOAD_NOT_FOUND = "UploadNotFoundError"
T_UNSUPPORTED = "SandboxUnsupported"


class ApiError(Exception):
    """An error answer of the API: HTTP status, Clio error type and message."""

    def __init__(self, status: int, type_: str, message: str) -> None:
        super().__init__(f"{status} {type_}: {message}")
        self.status = status
        self.type = type_
        self.message = message

    def body(self) -> dict[str, Any]:
        return {"error": {"type": self.type, "message": self.message}}


def bad_request(message: str) -> ApiError:
    """400 ArgumentError: a malformed parameter or body."""
    return ApiError(400, T_ARGUMENT, message)


def invalid_fields(message: str) -> ApiError:
    """400 InvalidFields: an unknown field or nesting deeper than one level."""
    return ApiError(400, T_INVALID_FIELDS, message)


def not_found(kind: str, ident: object) -> ApiError:
    """404 for a record that does not exist (or is not visible)."""
    return ApiError(404, T_NOT_FOUND, f"Couldn't find {kind} with 'id'={ident}")


def invalid(message: str) -> ApiError:
    """422: the request was understood but the record would be invalid."""
    return ApiError(422, T_INVALID, f"Validation failed: {message}")


def forbidden(message: str) -> ApiError:
    return ApiError(403, T_FORBIDDEN, message)


def unsupported(message: str) -> ApiError:
    """400 for a real Clio parameter the sandbox does not implement (so tests never pass by
    accident on an ignored filter)."""
    return ApiError(400, T_UNSUPPORTED, f"Not implemented by the Clio sandbox: {message}")
