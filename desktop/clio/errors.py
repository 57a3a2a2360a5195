"""Every failure the Clio client reports, as typed exceptions with a message people can act on.

``str(exc)`` is the technical description for logs (never a secret); ``exc.user_message`` is one
or two sentences a law-firm user understands, saying what happened and what to do — in English,
for the command line and logs; ``exc.user_template`` is the same sentence as a
:class:`~desktop.messages.Message` (an English template and its parameters) that the GUI says in
the user's language. Each class's default is its ``default_user_template`` (written with
``msg("…")``; ``default_user_message`` is its English text).
:func:`error_from_response` turns an HTTP error answer from Clio into the right class.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from desktop.messages import Message, msg, verbatim


class ClioError(Exception):
    """Base class. ``status`` is the HTTP status when there was one; ``error_type`` and
    ``clio_message`` are Clio's ``error.type``/``error.message`` when it sent them.

    ``user_template`` (a :class:`~desktop.messages.Message`) is what the user is told;
    ``user_message`` its English text. Give ``user_template``; a plain ``user_message`` alone
    is kept as it is (shown untranslated)."""

    default_user_template: Message = msg(
        "Something went wrong while talking to Clio. Please try again."
    )
    default_user_message = default_user_template.english()
    retryable = False

    def __init_subclass__(cls, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        if "default_user_template" in cls.__dict__:
            cls.default_user_message = cls.default_user_template.english()
        elif "default_user_message" in cls.__dict__:  # a subclass that only says it in English
            cls.default_user_template = verbatim(cls.default_user_message)

    def __init__(
        self,
        message: str,
        *,
        user_message: str | None = None,
        user_template: Message | None = None,
        status: int | None = None,
        error_type: str | None = None,
        clio_message: str | None = None,
    ) -> None:
        super().__init__(message)
        if user_template is None:
            user_template = verbatim(user_message) if user_message else self.default_user_template
        self.user_template = user_template
        self.user_message = user_message or user_template.english()
        self.status = status
        self.error_type = error_type
        self.clio_message = clio_message


# ---------------------------------------------------------------- sign-in and tokens


class AuthError(ClioError):
    """The sign-in is missing, expired or refused: the user has to sign in again."""

    default_user_template = msg("Prolegis Desktop needs you to sign in to Clio again.")


class SignInRequired(AuthError):
    """No tokens are stored for this Clio and account."""

    default_user_template = msg(
        "Prolegis Desktop is not signed in to Clio. Sign in (Connect in the app, or "
        "'prolegis-desktop login')."
    )


class TokenExpiredError(AuthError):
    """The access token expired and could not be renewed (no refresh token or app secret)."""

    default_user_template = msg("Your Clio sign-in has expired. Please sign in to Clio again.")


class TokenRevokedError(AuthError):
    """Clio no longer accepts the tokens (revoked, app disconnected, wrong region)."""

    default_user_template = msg(
        "Clio no longer accepts this sign-in: it was revoked, the app was disconnected in Clio, "
        "or the account is in another region. Please sign in to Clio again."
    )


class AppNotConfiguredError(AuthError):
    """No Clio app (client id and secret) is known for this region or URL."""

    default_user_template = msg(
        "No Clio app is set up for this Clio region. Ask your administrator for the firm's Clio "
        "app id and secret, and give them when signing in (--client-id and --client-secret, or "
        "the wizard's Advanced page)."
    )


class SignInError(AuthError):
    """The browser sign-in did not complete."""

    default_user_template = msg("The sign-in to Clio did not complete. Please start it again.")


class AuthorizationDenied(SignInError):
    default_user_template = msg(
        "Access was declined in the Clio page. To connect, sign in again and choose to allow "
        "Prolegis Desktop."
    )


class StateMismatchError(SignInError):
    default_user_template = msg(
        "The browser sent back an answer that does not belong to this sign-in (perhaps from an "
        "old tab). Close the old Clio tabs and start the sign-in again."
    )


class SignInTimeout(SignInError):
    default_user_template = msg(
        "No answer came back from the browser in time. Start the sign-in again and finish it in "
        "the Clio page that opens."
    )


class SignInCancelled(SignInError):
    default_user_template = msg("The sign-in to Clio was cancelled.")


class PortInUseError(SignInError):
    """The loopback port for the redirect is taken by another program."""

    def __init__(self, port: int) -> None:
        super().__init__(
            f"cannot listen on 127.0.0.1:{port}: address in use",
            user_template=msg(
                "Port {port} on this computer is used by another program, so the Clio sign-in "
                "cannot receive its answer. Close that program, or set another port with "
                "'prolegis-desktop config set oauth_port N' (the Clio app's redirect URI must "
                "use the same port).",
                port=port,
            ),
        )
        self.port = port


class OAuthProtocolError(SignInError):
    """Clio's token endpoint refused a request (``oauth_error`` is e.g. ``invalid_grant``)."""

    def __init__(self, message: str, *, oauth_error: str, user_message: str | None = None,
                 user_template: Message | None = None, status: int | None = None) -> None:
        super().__init__(message, user_message=user_message, user_template=user_template,
                         status=status, error_type=oauth_error)
        self.oauth_error = oauth_error


# ---------------------------------------------------------------- keychain


class KeychainError(ClioError):
    """The system keychain failed (other than being absent or locked)."""

    default_user_template = msg(
        "The system keychain, where the Clio sign-in is kept, reported an error. Check that it "
        "works (it may need unlocking) and try again."
    )


class KeychainUnavailableError(KeychainError):
    default_user_template = msg(
        "No system keychain is available to keep the Clio sign-in safe. On Windows and macOS the "
        "built-in one is used; on Linux install and start GNOME Keyring or KWallet (a Secret "
        "Service provider), or choose a keyring backend in keyring's configuration "
        "(PYTHON_KEYRING_BACKEND). Then sign in again."
    )


class KeychainLockedError(KeychainError):
    default_user_template = msg(
        "The system keychain is locked, so the Clio sign-in cannot be read or saved. Unlock it "
        "(log in to your desktop session or open your keychain app) and try again."
    )


# ---------------------------------------------------------------- API answers


class PermissionDeniedError(ClioError):
    default_user_template = msg(
        "Clio refused this action: your Clio user or the Prolegis Desktop app does not have "
        "permission for it. Ask your Clio administrator to grant access."
    )


class NotFoundError(ClioError):
    default_user_template = msg("The record was not found in Clio; it may have been deleted.")


class PreconditionFailedError(ClioError):
    """412: the record changed since it was read (``If-Match`` did not match).

    ``current_etag`` is the record's etag now when Clio said it; ``possibly_own_change`` is true
    when an earlier attempt of the same request may have succeeded (the connection dropped).
    """

    default_user_template = msg(
        "Someone changed this record in Clio since Prolegis Desktop last read it. It will be "
        "read again before anything is changed."
    )

    def __init__(self, message: str, *, current_etag: str | None = None,
                 possibly_own_change: bool = False, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.current_etag = current_etag
        self.possibly_own_change = possibly_own_change


class RateLimitedError(ClioError):
    """429 (or the local request budget could not be obtained in time)."""

    retryable = True

    def __init__(self, message: str, *, retry_after: float | None = None, **kw: Any) -> None:
        if "user_message" not in kw:
            kw.setdefault(
                "user_template",
                msg(
                    "Clio limits how fast Prolegis Desktop may work; it will continue in about "
                    "{n} second(s).",
                    n=round(retry_after),
                )
                if retry_after and round(retry_after) > 0
                else msg(
                    "Clio limits how fast Prolegis Desktop may work; it will continue shortly."
                ),
            )
        super().__init__(message, **kw)
        self.retry_after = retry_after


class ValidationError(ClioError):
    """400/422: Clio refused the request's content; ``clio_message`` says what."""

    def __init__(self, message: str, **kw: Any) -> None:
        detail = kw.get("clio_message")
        if "user_message" not in kw:
            kw.setdefault(
                "user_template",
                msg("Clio did not accept the change: {reason}", reason=detail) if detail
                else msg("Clio did not accept the change."),
            )
        super().__init__(message, **kw)


class InvalidFieldsError(ValidationError):
    """400 ``InvalidFields``: a field name in ``fields`` is unknown (a bug in this program)."""


class ConflictError(ClioError):
    """409: the document or an ancestor folder is being changed at the same moment."""

    retryable = True
    default_user_template = msg(
        "Clio is busy with another change to this document or folder. It will be tried again "
        "in a moment."
    )


class ApiVersionError(ClioError):
    """410: Clio no longer serves the API version this program asks for."""

    default_user_template = msg(
        "This version of Prolegis Desktop uses a Clio API version that Clio has retired. "
        "Please update Prolegis Desktop."
    )


class ServerError(ClioError):
    """5xx from Clio (after the retries the request allowed)."""

    retryable = True
    default_user_template = msg(
        "Clio is having a problem right now. Prolegis Desktop will try again later."
    )


class ResponseFormatError(ServerError):
    """Clio answered with something that is not the JSON it documents."""


class NetworkError(ClioError):
    """The request could not be completed: no connection, DNS, TLS, proxy or a timeout."""

    retryable = True
    default_user_template = msg(
        "Cannot reach Clio. Check the internet connection (and the office proxy, if any); "
        "Prolegis Desktop will try again."
    )


class AmbiguousRequestError(ClioError):
    """A non-idempotent request was sent but no answer came back: it may or may not have run.

    The caller must look the record up before trying again. ``method`` and ``path`` say which
    request; ``cause`` is the network error or server error that made it ambiguous.
    """

    retryable = True
    default_user_template = msg(
        "The connection to Clio dropped while a change was being sent. Prolegis Desktop will "
        "check whether it went through before trying again."
    )

    def __init__(self, message: str, *, method: str, path: str, cause: BaseException | None,
                 **kw: Any) -> None:
        super().__init__(message, **kw)
        self.method = method
        self.path = path
        self.cause = cause


class AmbiguousCreateError(AmbiguousRequestError):
    """A create (POST) may have happened. Never repeat it blindly: look for the record first
    (documents by ``external_properties``, matters by custom field, activities by content)."""


class StorageError(ClioError):
    """Sending bytes to, or reading them from, Clio's document storage failed."""

    retryable = True
    default_user_template = msg(
        "A file transfer to or from Clio's document storage failed. It will be tried again."
    )

    def __init__(self, message: str, *, expired: bool = False, **kw: Any) -> None:
        super().__init__(message, **kw)
        self.expired = expired


# ---------------------------------------------------------------- mapping


def parse_error_body(body: bytes) -> tuple[str | None, str | None]:
    """``(type, message)`` from Clio's ``{"error": {"type", "message"}}`` or OAuth's flat
    ``{"error", "error_description"}``; ``(None, None)`` when the body is neither."""
    try:
        doc = json.loads(body.decode("utf-8")) if body else None
    except (UnicodeDecodeError, ValueError):
        return None, None
    if not isinstance(doc, dict):
        return None, None
    err = doc.get("error")
    if isinstance(err, dict):
        etype, msg = err.get("type"), err.get("message")
        return (str(etype) if etype is not None else None, str(msg) if msg is not None else None)
    if isinstance(err, str):
        desc = doc.get("error_description")
        return err, str(desc) if desc is not None else None
    msg = doc.get("message")
    return None, str(msg) if msg is not None else None


def retry_after_seconds(headers: Mapping[str, str]) -> float | None:
    """The ``Retry-After`` header in seconds (delta-seconds form), or None."""
    raw = headers.get("retry-after") or headers.get("Retry-After")
    if raw is None:
        return None
    try:
        return max(0.0, float(raw.strip()))
    except ValueError:
        return None


def error_from_response(
    method: str,
    path: str,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    *,
    possibly_own_change: bool = False,
) -> ClioError:
    """The exception for an error answer ``status`` to ``method path`` (path without query)."""
    etype, msg = parse_error_body(body)
    what = f"{method} {path} -> {status}"
    tech = f"{what}: {etype or ''} {msg or ''}".rstrip(": ").strip()
    kw: dict[str, Any] = {"status": status, "error_type": etype, "clio_message": msg}
    if status == 401:
        return TokenRevokedError(tech, **kw)
    if status == 403:
        return PermissionDeniedError(tech, **kw)
    if status == 404:
        return NotFoundError(tech, **kw)
    if status == 409:
        return ConflictError(tech, **kw)
    if status == 410:
        return ApiVersionError(tech, **kw)
    if status == 412:
        etag = headers.get("etag") or headers.get("ETag")
        return PreconditionFailedError(
            tech, current_etag=etag, possibly_own_change=possibly_own_change, **kw
        )
    if status == 429:
        return RateLimitedError(tech, retry_after=retry_after_seconds(headers), **kw)
    if status == 400 and etype == "InvalidFields":
        return InvalidFieldsError(tech, **kw)
    if status in (400, 422):
        return ValidationError(tech, **kw)
    if status >= 500:
        return ServerError(tech, **kw)
    return ClioError(tech, **kw)
