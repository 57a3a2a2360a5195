"""Secrets never reach a log line: headers, bearer tokens, form fields, JSON, URLs, tracebacks."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from desktop.logsetup import LOG_FILE_NAME, REDACTED, configure_logging, redact, register_secret


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Authorization: Bearer AT-abcdef123456", "AT-abcdef123456"),
        ("{'authorization': 'Bearer AT-zz9zz9zz9'}", "AT-zz9zz9zz9"),
        ('headers={"Authorization": "Basic dXNlcjpwYXNz"}', "dXNlcjpwYXNz"),
        ("GET /callback?code=CODE12345&state=xyz", "CODE12345"),
        ("grant_type=authorization_code&code=c0de99&client_secret=s3cr3t-value", "s3cr3t-value"),
        ("grant_type=authorization_code&code=c0de99&client_secret=s3cr3t-value", "c0de99"),
        ('{"access_token": "AT-json-1234", "expires_in": 3600}', "AT-json-1234"),
        ('{"refresh_token":"RT-json-5678"}', "RT-json-5678"),
        ("refresh_token=RT-form-0001&client_id=abc", "RT-form-0001"),
        ("token=AT-deauth-42", "AT-deauth-42"),
        ("sent bearer   tok.en-with~chars/+=", "tok.en-with~chars/+="),
        (
            "GET http://127.0.0.1:5/blobs/9?X-Amz-Credential=AKIAEXAMPLE%2F2026&X-Amz-Expires=300"
            "&X-Amz-Signature=deadbeefcafe1234",
            "deadbeefcafe1234",
        ),
        ("PUT https://s3/b/k?X-Amz-Credential=AKIAEXAMPLE%2F2026&x=1", "AKIAEXAMPLE"),
        ("https://storage/x?Signature=abcdef123456&Expires=1", "abcdef123456"),
    ],
)
def test_redact_removes_secret_shapes(text: str, secret: str) -> None:
    out = redact(text)
    assert secret not in out
    assert REDACTED in out


def test_redact_keeps_ordinary_text() -> None:
    line = "uploaded 'Statement of Adjustments.docx' to matter 00231 (state=synced, barcode=77)"
    assert redact(line) == line


def test_registered_secret_is_replaced_anywhere() -> None:
    register_secret("opaque-token-value-XYZ")
    assert "opaque-token-value-XYZ" not in redact("boom: opaque-token-value-XYZ!")


def test_log_file_never_contains_tokens(tmp_path: Path) -> None:
    configure_logging(tmp_path, console=False)
    log = logging.getLogger("desktop.test")
    register_secret("RT-registered-0042")
    log.info("request headers %s", {"Authorization": "Bearer AT-in-args-777"})
    log.warning("token endpoint said %s", '{"access_token": "AT-in-json-888"}')
    try:
        raise RuntimeError("refresh failed for RT-registered-0042")
    except RuntimeError:
        log.exception("refresh error")
    for h in logging.getLogger().handlers:
        h.flush()
    content = (tmp_path / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "refresh error" in content and "RuntimeError" in content
    for secret in ("AT-in-args-777", "AT-in-json-888", "RT-registered-0042"):
        assert secret not in content
    configure_logging(None, console=False)
