"""Paging across more than 200 records, resuming from a saved page_token, and the
account-wide ``updated_since`` feed."""

from __future__ import annotations

import time

import pytest

from desktop.clio.api import ClioClient
from desktop.clio.errors import ClioError
from desktop.sandbox import Sandbox


@pytest.fixture
def many_contacts(sandbox: Sandbox) -> set[int]:
    return {sandbox.admin.create_contact(first_name=f"Person{i:03}", last_name="Paged")
            for i in range(450)}


def test_follows_next_across_pages(clio: ClioClient, many_contacts: set[int]) -> None:
    listing = clio.contacts()
    records = list(listing)
    assert {c.id for c in records} == many_contacts
    assert len(records) == 450
    assert listing.pages_fetched == 3
    assert listing.page_token is None  # finished


def test_resume_from_a_saved_page_token(clio: ClioClient, sandbox: Sandbox,
                                        many_contacts: set[int]) -> None:
    listing = clio.contacts()
    pages = listing.pages()
    first = next(pages)
    assert len(first.records) == 200 and first.next_page_token
    assert listing.page_token is None, "page 1 not finished yet: resume would restart"
    second = next(pages)
    saved = listing.page_token  # page 2 is being consumed: a crash here resumes at page 2
    assert saved == first.next_page_token
    del pages, listing  # "crash"

    resumed = clio.contacts(page_token=saved)
    rest = list(resumed)
    assert [c.id for c in rest[:200]] == [c.id for c in second.records]
    assert {c.id for c in first.records} | {c.id for c in rest} == many_contacts
    assert len(rest) == 250
    assert resumed.pages_fetched == 2


def test_small_pages_keep_the_filters(clio: ClioClient, sandbox: Sandbox) -> None:
    for i in range(7):
        sandbox.admin.create_contact(first_name=f"Keep{i}", last_name="Filtered")
    sandbox.admin.create_contact(first_name="Other", last_name="Person")
    listing = clio._list("/contacts.json", lambda d: d["id"], "id", {"query": "Filtered"},
                         limit=2)
    assert len(list(listing)) == 7
    assert listing.pages_fetched == 4


def test_next_url_must_stay_on_the_same_clio(clio: ClioClient) -> None:
    with pytest.raises(ClioError, match="refusing"):
        clio.session.url_for("https://evil.example.com/api/v4/contacts.json?page_token=x")


def test_updated_since_feed_returns_only_changes(clio: ClioClient, sandbox: Sandbox) -> None:
    ids = [sandbox.admin.create_contact(first_name=f"F{i}", last_name="Feed") for i in range(5)]
    mark = max(c.updated_at for c in clio.contacts() if c.updated_at)
    time.sleep(1.1)  # timestamps have whole-second resolution
    sandbox.admin.update_contact(ids[1], title="Dr.")
    sandbox.admin.update_contact(ids[3], title="Me")
    changed = list(clio.contacts(updated_since=mark))
    assert sorted(c.id for c in changed) == [ids[1], ids[3]]
    with pytest.raises(ValueError):
        list(clio.contacts(updated_since=mark.replace(tzinfo=None)))
