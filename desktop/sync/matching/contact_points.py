"""Emails and phone numbers in comparable form.

Emails: trimmed, a "Name <addr>" or "mailto:" wrapper removed, lower-cased (local parts are
case-insensitive at every provider a law firm's clients use). Dots and "+tag" in the local part
are removed **only for gmail.com / googlemail.com**, where Google documents them as the same
mailbox; elsewhere "j.smith" and "jsmith" can be two people, so they stay different.

Phones: E.164 ("+14035550142"), Canada as the default region, extensions ("x12", "ext. 12",
"poste 12") dropped. North American numbers take a fast path that gives the same result as
``phonenumbers`` (checked by the tests); everything else goes through ``phonenumbers``.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "CA"

_EMAIL = re.compile(r"^[^@\s<>(),;:\"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)+$")
_GOOGLE = frozenset({"gmail.com", "googlemail.com"})
FREE_MAIL_DOMAINS = frozenset(
    [
        "gmail.com", "googlemail.com", "hotmail.com", "hotmail.ca", "outlook.com", "outlook.fr",
        "live.com", "live.ca", "msn.com", "yahoo.com", "yahoo.ca", "yahoo.fr", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "protonmail.com", "proton.me", "gmx.com",
        "gmx.net", "mail.com", "videotron.ca", "sympatico.ca", "bell.net", "shaw.ca", "telus.net",
        "rogers.com", "cogeco.ca", "eastlink.ca", "sasktel.net", "mts.net", "xplornet.com",
        "hotmail.fr", "orange.fr", "free.fr", "qc.aira.com", "fastmail.com", "zoho.com"
    ]
)


@lru_cache(maxsize=131_072)
def normalize_email(raw: str) -> str:
    """The comparable form of an email address, or "" when ``raw`` is not one."""
    text = (raw or "").strip()
    if "<" in text and ">" in text:
        text = text[text.index("<") + 1 : text.rindex(">")]
    text = text.strip().strip(".;,").lower()
    if text.startswith("mailto:"):
        text = text[7:]
    text = text.replace(" ", "")
    if not _EMAIL.match(text):
        return ""
    local, _, domain = text.rpartition("@")
    if domain in _GOOGLE:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}" if local else ""


def email_domain(email: str) -> str:
    """The domain of a normalized email, or "" for free-mail providers (they say nothing)."""
    domain = email.rpartition("@")[2]
    return "" if domain in FREE_MAIL_DOMAINS else domain


_EXTENSION = re.compile(
    r"\s*(?:,|;|x|ext\.?|extension|poste|p\.|#)\s*\d{1,6}\s*$", re.IGNORECASE
)
_NON_DIGIT = re.compile(r"\D")


@lru_cache(maxsize=131_072)
def normalize_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """The E.164 form of a phone number, or "" when it cannot be one."""
    text = (raw or "").strip()
    if not text:
        return ""
    body = _EXTENSION.sub("", text)
    digits = _NON_DIGIT.sub("", body)
    if region in ("CA", "US"):
        if body.lstrip().startswith("+"):
            if len(digits) == 11 and digits[0] == "1" and digits[1] in "23456789":
                return "+" + digits
        elif len(digits) == 10 and digits[0] in "23456789":
            return "+1" + digits
        elif len(digits) == 11 and digits[0] == "1" and digits[1] in "23456789":
            return "+" + digits
    return _slow_phone(body, region)


def _slow_phone(text: str, region: str) -> str:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return ""
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        return ""  # too short, too long, or a local number without its area code
    number.extension = None
    return str(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
