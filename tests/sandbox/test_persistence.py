"""``--data DIR``: records, blobs and tokens survive a restart; saves are atomic and happen
shortly after writes (not only at stop); ids keep growing."""

from __future__ import annotations

import json
import time
from pathlib import Path

import httpx

from tests.support.sandbox_fixtures import api_client


def test_restart_keeps_everything(sandbox_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "clio"
    sb = sandbox_factory(data_dir=data)
    with api_client(sb) as api:
        token = api.tokens["access_token"]
        cid = api.post("/contacts", json={"data": {"type": "Person", "last_name": "Kept"}}).json()[
            "data"
        ]["id"]
        mid = sb.admin.create_matter(cid, "Kept matter")
        doc = sb.admin.upload_document(mid, "kept.txt", b"kept bytes")
    sb.stop()
    assert (data / "state.json").is_file() and (data / "blobs").is_dir()
    again = sandbox_factory(data_dir=data)
    with httpx.Client(
        base_url=f"{again.base_url}/api/v4", headers={"Authorization": f"Bearer {token}"}
    ) as api:
        assert api.get(f"/contacts/{cid}", params={"fields": "name"}).json()["data"] == {
            "name": "Kept"
        }
        assert (
            api.get(f"/matters/{mid}", params={"fields": "description"}).json()["data"][
                "description"
            ]
            == "Kept matter"
        )
        assert api.get(f"/documents/{doc}/download", follow_redirects=True).content == b"kept bytes"
        new = api.post("/contacts", json={"data": {"type": "Person", "last_name": "New"}}).json()[
            "data"
        ]["id"]
        assert new > cid
        users = api.get("/users", params={"fields": "name"}).json()["data"]
        assert users == [{"name": "Jane Doe"}]


def test_saved_soon_after_a_write(sandbox_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory(data_dir=tmp_path)
    sb.admin.create_contact(last_name="Soon")
    state = tmp_path / "state.json"
    deadline = time.time() + 5
    while time.time() < deadline:
        if state.is_file() and "Soon" in state.read_text():
            break
        time.sleep(0.1)
    snapshot = json.loads(state.read_text())
    assert any(r.get("last_name") == "Soon" for r in snapshot["tables"]["contacts"])
    assert not list(tmp_path.glob(".state-*"))


def test_in_memory_leaves_nothing_behind(sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sb = sandbox_factory()
    blob_root = sb.blobs.root
    sb.admin.upload_document(name="x.txt", data=b"x")
    assert any(blob_root.iterdir())
    sb.stop()
    assert not blob_root.exists()


def test_corrupt_state_is_a_clear_error(sandbox_factory, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    (tmp_path / "state.json").write_text("{not json")
    with pytest.raises(RuntimeError, match="cannot read sandbox state"):
        sandbox_factory(data_dir=tmp_path)
    assert (tmp_path / "state.json").read_text() == "{not json"
