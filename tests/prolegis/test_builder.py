"""The workspace builder and the seeded demo firm."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

import desktop.prolegis.manifest as manifest_module
from desktop.prolegis.builder import WorkspaceBuilder, generate_firm, safe_folder_name
from desktop.prolegis.folders import normalize_folder
from desktop.prolegis.manifest import ManifestError, parse_manifest
from desktop.prolegis.placeholders import docx_bytes, pdf_bytes


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_the_firm_is_deterministic(tmp_path: Path) -> None:
    a = generate_firm(tmp_path / "a", seed=11, clients=10, matters=8)
    b = generate_firm(tmp_path / "b", seed=11, clients=10, matters=8)
    c = generate_firm(tmp_path / "c", seed=12, clients=10, matters=8)
    assert _tree(a.root) == _tree(b.root)
    assert _tree(a.root) != _tree(c.root)


def test_the_firm_is_a_valid_realistic_workspace(small_firm: WorkspaceBuilder) -> None:
    m = parse_manifest(small_firm.manifest_path.read_bytes())
    assert len(m.clients) == 8 and len(m.matters) == 6 and m.activities
    assert [x.display_name for x in m.matters[:3]] == [
        "2024-0012 Purchase of 12 Elm St",
        "2025-0107 Estate of R. Okafor",
        "2025-0113 Vente du 45 rue Saint-Denis",
    ]
    names = {c.display_name for c in m.clients}
    assert {"Ada Lovelace", "Prairie Holdings Ltd.", "9876-5432 Québec inc."} <= names
    assert m.matters[0].client_ids == ("c-1001", "c-1002")
    assert {a.author for a in m.activities} <= {"jdoe", "mtremblay", "asingh", "lgagnon"}
    assert {a.kind for a in m.activities} <= {"time", "expense"}
    for matter in m.matters:
        folder = small_firm.root / matter.folder
        assert folder.is_dir() and any(folder.iterdir())
        assert normalize_folder(matter.folder) == matter.folder


def test_a_larger_firm_has_accents_and_both_languages(tmp_path: Path) -> None:
    b = generate_firm(tmp_path / "w", seed=3, clients=40, matters=40, documents=False)
    m = b.manifest()
    text = " ".join(c.display_name for c in m.clients) + " ".join(x.title for x in m.matters)
    assert re.search(r"[éèêëçôöàâîïûü]", text)
    assert any(x.title.startswith(("Vente", "Achat", "Succession")) for x in m.matters)
    assert any(x.title.startswith(("Purchase", "Sale", "Estate")) for x in m.matters)
    assert any(c.kind == "company" and c.display_name.endswith("Québec inc.") for c in m.clients)
    assert {x.status for x in m.matters} == {"open", "pending", "closed"}
    assert [p.name for p in b.root.iterdir()] == ["prolegis.json"]  # no documents written


def test_quick_path_and_reference_agree_on_a_firm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    b = generate_firm(tmp_path / "w", seed=5, clients=60, matters=150, documents=False)
    data = b.manifest_path.read_bytes()
    fast = parse_manifest(data)
    monkeypatch.setattr(manifest_module, "_FAST", False)
    reference = parse_manifest(data)
    assert fast == reference and repr(fast) == repr(reference)


def test_documents_are_valid_files(small_firm: WorkspaceBuilder) -> None:
    docs = [p for p in small_firm.root.rglob("*") if p.is_file() and p.name != "prolegis.json"]
    assert {p.suffix for p in docs} >= {".pdf", ".docx"}
    assert any(p.parent.name in ("Correspondence", "Correspondance") for p in docs)
    for path in docs:
        data = path.read_bytes()
        if path.suffix == ".pdf":
            assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
            offset = int(data.rsplit(b"startxref", 1)[1].split()[0])
            assert data[offset : offset + 4] == b"xref"
        elif path.suffix == ".docx":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                assert zf.testzip() is None
                body = ElementTree.fromstring(zf.read("word/document.xml"))
                assert "".join(body.itertext()).startswith(path.stem)
        else:
            assert data.decode("utf-8")


def test_placeholders_carry_accents() -> None:
    pdf = pdf_bytes("État des rajustements", "Vente du 45 rue Saint-Denis (Côté)")
    assert "État".encode("cp1252") in pdf and b"\\(C" in pdf  # parentheses escaped
    with zipfile.ZipFile(io.BytesIO(docx_bytes("Lettre <client>", "Hélène & Benoît"))) as zf:
        xml = zf.read("word/document.xml").decode()
    assert "Lettre &lt;client&gt;" in xml and "Hélène &amp; Benoît" in xml


def test_write_is_atomic_and_leaves_no_temp_files(workspace: WorkspaceBuilder) -> None:
    workspace.add_client("Ada", "Lovelace")
    path = workspace.write()
    assert path == workspace.manifest_path
    assert [p.name for p in workspace.root.iterdir()] == ["prolegis.json"]
    assert parse_manifest(path.read_bytes()).clients[0].display_name == "Ada Lovelace"


def test_updates_and_removals(workspace: WorkspaceBuilder) -> None:
    ada = workspace.add_client("Ada", "Lovelace")
    matter = workspace.add_matter("Purchase of 12 Elm St", client_ids=[ada.id])
    entry = workspace.add_activity(matter.id, hours=1.5, rate="350")
    moved = workspace.update_matter(matter.id, folder="Closed/x")
    assert moved.updated_at > matter.updated_at and moved.folder == "Closed/x"
    assert str(workspace.update_activity(entry.id, rate=395).rate) == "395"
    with pytest.raises(ValueError, match="is a client of"):
        workspace.remove_client(ada.id)
    workspace.remove_matter(matter.id)
    assert workspace.activities == {}
    workspace.remove_client(ada.id)
    assert workspace.manifest().clients == ()


def test_the_builder_can_write_a_broken_manifest_for_tests(workspace: WorkspaceBuilder) -> None:
    ada = workspace.add_client("Ada", "Lovelace")
    workspace.add_matter("Purchase of 12 Elm St", client_ids=[ada.id])
    workspace.remove_client(ada.id, force=True)
    workspace.write()
    with pytest.raises(ManifestError) as info:
        workspace.manifest()
    assert info.value.json_path == "$.matters[0].client_ids[0]"


def test_add_document_stays_in_the_matter_folder(workspace: WorkspaceBuilder) -> None:
    matter = workspace.add_matter("Estate of R. Okafor", number="2025-0107")
    path = workspace.add_document(matter.id, "Correspondence/Initial client letter.pdf")
    assert path == workspace.root / "2025-0107 Estate of R. Okafor" / "Correspondence" / (
        "Initial client letter.pdf"
    )
    assert workspace.add_document(matter.id, "a.txt", "hello").read_text() == "hello"
    for bad in ("../escape.txt", "/etc/passwd", "", "Correspondence/../../x"):
        with pytest.raises(ValueError):
            workspace.add_document(matter.id, bad)


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("2024-0012 Purchase of 12 Elm St.", "2024-0012 Purchase of 12 Elm St"),
        ('Re: "Elm" / Bay?', 'Re- -Elm- - Bay-'),
        ("  ", "matter"),
        ("Vente du 45 rue Saint-Denis", "Vente du 45 rue Saint-Denis"),
    ],
)
def test_safe_folder_name(text: str, safe: str) -> None:
    assert safe_folder_name(text) == safe
    assert normalize_folder(safe) == safe


def test_records_need_no_post_init() -> None:
    """Records are plain values: nothing runs after their fields are set."""
    from desktop.prolegis.records import Activity, Matter

    for cls in (Matter, Activity):
        assert not hasattr(cls, "__post_init__") and hasattr(cls, "__slots__")
