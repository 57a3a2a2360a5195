"""Logging: a rotating file in the log directory, and redaction of every secret.

Redaction runs in the *formatter* of every handler this module installs, on the fully formatted
record (message, arguments and traceback), so a token cannot reach a log through a third-party
logger or an exception message. Two mechanisms work together:

* patterns for the shapes secrets take in HTTP traffic (``Authorization`` headers, bearer tokens,
  ``access_token=``/``refresh_token=``/``code=``/``client_secret=`` in URLs, forms and JSON);
* exact values registered at run time with :func:`register_secret` (every token the app loads),
  replaced wherever they appear.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path

REDACTED = "[REDACTED]"

_SECRET_KEYS = (
    r"access_token|refresh_token|id_token|client_secret|code_verifier|code|token|password"
    r"|secret|api_key|X-Hook-Secret"
    # pre-signed storage links (S3): whoever holds one can read or replace a client's document
    r"|X-Amz-Signature|X-Amz-Credential|X-Amz-Security-Token|Signature|sig"
)

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # Authorization: Bearer abc / 'authorization': 'Basic abc' / Authorization=Bearer abc
    (
        re.compile(
            r"(?i)(\bauthorization['\"]?\s*[:=]\s*['\"]?)(?:bearer|basic|token)?\s*[^\s'\",}]+"
        ),
        r"\1" + REDACTED,
    ),
    (re.compile(r"(?i)(\bbearer\s+)[A-Za-z0-9._~+/=-]+"), r"\1" + REDACTED),
    # JSON / dict reprs: "access_token": "abc"  or 'code': 'abc'
    (
        re.compile(r"(?i)(['\"](?:" + _SECRET_KEYS + r")['\"]\s*:\s*)(['\"])(?:\\.|(?!\2).)*\2"),
        r"\1\2" + REDACTED + r"\2",
    ),
    # query strings and form bodies: access_token=abc&...  code=abc
    (
        re.compile(r"(?i)(?<![A-Za-z0-9_])((?:" + _SECRET_KEYS + r")=)[^&\s'\"<>]+"),
        r"\1" + REDACTED,
    ),
]

_registered: set[str] = set()
_registered_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Remember a secret value so it is replaced wherever it appears in a log line."""
    if value and len(value) >= 6:
        with _registered_lock:
            _registered.add(value)


def redact(text: str) -> str:
    """Return ``text`` with every known secret shape and registered secret value replaced."""
    with _registered_lock:
        values = sorted(_registered, key=len, reverse=True)
    for value in values:
        if value in text:
            text = text.replace(value, REDACTED)
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


class RedactingFormatter(logging.Formatter):
    """A formatter whose output never contains a secret."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
LOG_FILE_NAME = "prolegis-desktop.log"


def configure_logging(
    log_dir: Path | None, *, verbose: bool = False, console: bool = True
) -> logging.Logger:
    """Install the rotating file handler (if ``log_dir``) and a console handler on stderr.

    Safe to call more than once: earlier handlers installed by this function are replaced.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_prolegis", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    formatter = RedactingFormatter(LOG_FORMAT)
    if log_dir is not None:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=5_000_000, backupCount=5, encoding="utf-8"
        )
        file_handler.setFormatter(formatter)
        file_handler._prolegis = True  # type: ignore[attr-defined]
        root.addHandler(file_handler)
    if console:
        stream = logging.StreamHandler(sys.stderr)
        # Commands print their own outcome; the console shows only failures unless -v.
        stream.setLevel(logging.DEBUG if verbose else logging.ERROR)
        stream.setFormatter(RedactingFormatter("%(levelname)s: %(message)s"))
        stream._prolegis = True  # type: ignore[attr-defined]
        root.addHandler(stream)
    # httpx logs every request URL at INFO; keep it at DEBUG unless asked.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    return root
