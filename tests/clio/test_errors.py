"""Error answers become typed exceptions with messages people can act on."""

from __future__ import annotations

import json

import pytest

from desktop.clio import errors as e


def body(etype: str, msg: str) -> bytes:
    return json.dumps({"error": {"type": etype, "message": msg}}).encode()


@pytest.mark.parametrize(("status", "cls"), [
    (401, e.TokenRevokedError), (403, e.PermissionDeniedError), (404, e.NotFoundError),
    (409, e.ConflictError), (410, e.ApiVersionError), (412, e.PreconditionFailedError),
    (429, e.RateLimitedError), (422, e.ValidationError), (400, e.ValidationError),
    (500, e.ServerError), (503, e.ServerError),
])
def test_status_maps_to_class(status: int, cls: type[e.ClioError]) -> None:
    err = e.error_from_response("GET", "/api/v4/x.json", status, {}, b"")
    assert isinstance(err, cls)
    assert err.status == status
    assert err.user_message and len(err.user_message) > 20


def test_validation_carries_clios_message() -> None:
    err = e.error_from_response("POST", "/api/v4/contacts.json", 422, {},
                                body("ArgumentError", "At least one of first name or last name"))
    assert isinstance(err, e.ValidationError)
    assert err.error_type == "ArgumentError"
    assert "first name" in err.user_message
    assert "first name" in str(err)


def test_invalid_fields_is_its_own_class() -> None:
    err = e.error_from_response("GET", "/api/v4/documents.json", 400, {},
                                body("InvalidFields", "document_versions is not a valid field"))
    assert isinstance(err, e.InvalidFieldsError)


def test_412_reports_current_etag() -> None:
    err = e.error_from_response("PATCH", "/api/v4/matters/1.json", 412, {"etag": '"new"'}, b"",
                                possibly_own_change=True)
    assert isinstance(err, e.PreconditionFailedError)
    assert err.current_etag == '"new"'
    assert err.possibly_own_change


def test_429_reads_retry_after() -> None:
    err = e.error_from_response("GET", "/x", 429, {"retry-after": "17"}, b"")
    assert isinstance(err, e.RateLimitedError)
    assert err.retry_after == 17.0
    assert "17 seconds" in err.user_message


def test_oauth_style_body_is_understood() -> None:
    raw = json.dumps({"error": "invalid_token", "error_description": "expired"}).encode()
    assert e.parse_error_body(raw) == ("invalid_token", "expired")
    assert e.parse_error_body(b"<html>oops</html>") == (None, None)


def test_every_error_class_has_a_user_message() -> None:
    def all_subclasses(cls: type) -> set[type]:
        out = set(cls.__subclasses__())
        for sub in list(out):
            out |= all_subclasses(sub)
        return out

    for cls in all_subclasses(e.ClioError) | {e.ClioError}:
        assert cls.default_user_message.strip(), cls
