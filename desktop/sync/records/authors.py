"""Who pushes what: the Prolegis author → Clio user mapping and expense categories by name.

``author_map`` (settings) is ``"jdoe=jane@firm.ca, mtremblay=42"``: a Clio user by email or by
id. By default the signed-in Clio user is mapped from the Prolegis username the user gave
(``prolegis_username``); an explicit entry for that username wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.sync.store import Store


class AuthorMapError(ValueError):
    """The ``author_map`` setting cannot be read."""


def parse_author_map(text: str) -> dict[str, str]:
    """``"jdoe=jane@firm.ca, mtremblay=42"`` → ``{"jdoe": "jane@firm.ca", "mtremblay": "42"}``
    (usernames case-folded)."""
    out: dict[str, str] = {}
    for raw in text.replace(";", ",").split(","):
        item = raw.strip()
        if not item:
            continue
        author, sep, user = item.partition("=")
        if not sep or not author.strip() or not user.strip():
            raise AuthorMapError(
                f"author_map: {item!r} is not 'prolegis_username=clio email or id'"
            )
        out[author.strip().casefold()] = user.strip()
    return out


@dataclass(frozen=True)
class AuthorMapping:
    """Resolved mapping: author (case-folded) → Clio user id, and what could not be resolved."""

    users: Mapping[str, int]
    unresolved: Mapping[str, str]  # author → the email no Clio user has


def resolve_authors(
    author_map: str,
    prolegis_username: str,
    signed_in_user_id: int,
    users: Iterable[Mapping[str, object]],
) -> AuthorMapping:
    """Map authors to Clio user ids using the cached ``users`` records."""
    by_email = {
        str(u.get("email") or "").strip().casefold(): int(str(u["id"]))
        for u in users
        if u.get("email")
    }
    out: dict[str, int] = {}
    missing: dict[str, str] = {}
    if prolegis_username.strip():
        out[prolegis_username.strip().casefold()] = signed_in_user_id
    for author, user in parse_author_map(author_map).items():
        if user.isdigit():
            out[author] = int(user)
        elif user.casefold() in by_email:
            out[author] = by_email[user.casefold()]
        else:
            out.pop(author, None)
            missing[author] = user
    return AuthorMapping(out, missing)


def category_ids(records: Iterable[Mapping[str, object]]) -> dict[str, int]:
    """Expense categories by case-folded name → id."""
    return {
        str(r.get("name") or "").strip().casefold(): int(str(r["id"]))
        for r in records
        if r.get("name")
    }


def load_authors(store: Store, author_map: str, username: str, user_id: int) -> AuthorMapping:
    return resolve_authors(author_map, username, user_id, store.clio.all("users"))


def load_categories(store: Store) -> dict[str, int]:
    return category_ids(store.clio.all("expense_categories"))
