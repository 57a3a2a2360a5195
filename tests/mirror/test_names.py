"""Names: hostile Clio names made safe, duplicates, conflicted copies, ignore rules, mapping."""

from __future__ import annotations

import os
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.sync.mirror import names

# (Clio name, expected safe local name)
HOSTILE = [
    ("..", "_"),
    (".", "_"),
    ("", "_"),
    ("...", "_"),
    ("   ", "_"),
    ("../../etc/passwd", ".._.._etc_passwd"),
    ("..\\..\\Windows\\win.ini", ".._.._Windows_win.ini"),
    ("/etc/passwd", "_etc_passwd"),
    ("C:\\evil.exe", "C__evil.exe"),
    ("a/b", "a_b"),
    ("a\\b", "a_b"),
    ("nul\x00byte.pdf", "nul_byte.pdf"),
    ("tab\there.pdf", "tab_here.pdf"),
    ("line\nbreak.pdf", "line_break.pdf"),
    ("bell\x07.pdf", "bell_.pdf"),
    ("del\x7f.pdf", "del_.pdf"),
    ("CON", "_CON"),
    ("con.txt", "_con.txt"),
    ("Con .txt", "_Con .txt"),
    ("PRN.pdf", "_PRN.pdf"),
    ("AUX", "_AUX"),
    ("NUL.tar.gz", "_NUL.tar.gz"),
    ("COM1", "_COM1"),
    ("com9.docx", "_com9.docx"),
    ("LPT1.txt", "_LPT1.txt"),
    ("lpt9", "_lpt9"),
    ("COM¹.txt", "_COM¹.txt"),
    ("CONSOLE.txt", "CONSOLE.txt"),  # not reserved
    ("COM10.txt", "COM10.txt"),  # not reserved
    ("Report.", "Report"),
    ("Report. . .", "Report"),
    ("Report.pdf ", "Report.pdf"),
    ("Report.pdf...", "Report.pdf"),
    ('a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"),
    ("What?.docx", "What_.docx"),
    ("~$Lock.docx", "_~$Lock.docx"),
    (".~lock.Claim.odt#", "_.~lock.Claim.odt#"),
    ("notes.tmp", "notes_tmp"),
    ("~WRL0001.tmp", "~WRL0001_tmp"),
    ("Thumbs.db", "_Thumbs.db"),
    ("desktop.ini", "_desktop.ini"),
    (".DS_Store", "_.DS_Store"),
    (".prolegis-partial-x", "_.prolegis-partial-x"),
    ("._Claim.pdf", "_._Claim.pdf"),
    ("Cafe\u0301.pdf", "Café.pdf"),  # NFD → NFC
    ("Ω≈ç√.pdf", "Ω≈ç√.pdf"),
    ("Claim (2).pdf", "Claim (2).pdf"),
]


@pytest.mark.parametrize(("clio", "local"), HOSTILE, ids=[repr(c) for c, _ in HOSTILE])
def test_hostile_name(clio: str, local: str) -> None:
    assert names.safe_local_name(clio) == local


def test_the_table_is_long_enough() -> None:
    assert len(HOSTILE) >= 30


def test_over_long_name_keeps_its_extension() -> None:
    name = names.safe_local_name("x" * 400 + ".pdf")
    assert len(name.encode()) == 255 and name.endswith(".pdf")


def test_over_long_multibyte_name_is_not_cut_inside_a_character() -> None:
    name = names.safe_local_name("é" * 300 + ".docx")
    assert len(name.encode()) <= 255 and name.endswith(".docx")
    name.encode().decode("utf-8")  # valid UTF-8
    assert set(name[:-5]) == {"é"}


def test_over_long_name_with_an_absurd_extension() -> None:
    name = names.safe_local_name("a." + "b" * 400)
    assert 0 < len(name.encode()) <= 255


@settings(max_examples=600, deadline=None)
@given(st.text(max_size=300))
def test_any_name_is_one_safe_component(text: str) -> None:
    name = names.safe_local_name(text)
    assert name not in ("", ".", "..")
    assert not any(c in name for c in '/\\<>:"|?*') and all(ord(c) >= 32 for c in name)
    assert name.rstrip(". ") == name
    assert len(name.encode()) <= 255
    assert not names.is_ignored(name)
    assert name.split(".")[0].rstrip(" ").upper() not in {"CON", "PRN", "AUX", "NUL"}
    assert unicodedata.is_normalized("NFC", name)
    assert names.safe_local_name(name) == name  # a fixpoint
    assert names.is_safe_relative(name)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(min_size=0, max_size=40), min_size=1, max_size=5))
def test_any_clio_path_stays_inside_the_matter_folder(parts: list[str]) -> None:
    local = names.local_path_for(tuple(parts))
    assert names.is_safe_relative(local)
    assert local.count("/") == len(parts) - 1  # one component per Clio name
    root = "/srv/matter"
    assert os.path.normpath(os.path.join(root, local)).startswith(root + "/")


def test_an_unsafe_name_really_cannot_escape(tmp_path: Path) -> None:
    root = tmp_path / "matter"
    root.mkdir()
    local = names.local_path_for(("..", "..", "escape.txt"))
    (root / local).parent.mkdir(parents=True, exist_ok=True)
    (root / local).write_text("x")
    assert not (tmp_path / "escape.txt").exists()
    assert (root / local).resolve().is_relative_to(root.resolve())


@pytest.mark.parametrize("name", [
    "~$Claim.docx", "~$aim.docx", ".~lock.Claim.odt#", "x.tmp", "X.TMP", "~WRL1234.tmp",
    ".DS_Store", ".ds_store", "Thumbs.db", "THUMBS.DB", "desktop.ini", "Desktop.ini",
    ".prolegis-partial-1a2b-Claim.pdf", ".prolegis-anything", "._Claim.pdf",
])
def test_ignored(name: str) -> None:
    assert names.is_ignored(name)


@pytest.mark.parametrize("name", [
    "Claim.docx", "tmp", "temp.txt", "x.tmpl", ".bashrc", ".lock.Claim.odt#", "~Claim.docx",
    "$Claim.docx", "Thumbs.db.pdf", "mythumbs.db", "desktop.ini.bak", "prolegis-x", ".~lock.x",
])
def test_not_ignored(name: str) -> None:
    assert not names.is_ignored(name)


def test_office_lock_names() -> None:
    assert "~$cument.docx" in names.office_lock_names("Document.docx")
    assert "~$Claim.docx" in names.office_lock_names("Claim.docx")
    assert ".~lock.Claim.odt#" in names.office_lock_names("Claim.odt")


def test_clio_name_is_nfc_and_otherwise_unchanged() -> None:
    assert names.clio_name("Cafe\u0301: draft?.pdf") == "Café: draft?.pdf"


def test_duplicates_are_numbered() -> None:
    taken = {"Claim.pdf", "Claim (2).pdf"}
    assert names.dedupe("Claim.pdf", taken.__contains__) == "Claim (3).pdf"
    assert names.dedupe("Other.pdf", taken.__contains__) == "Other.pdf"
    assert names.numbered("archive.tar.gz", 2) == "archive.tar (2).gz"
    assert names.numbered(".profile", 2) == ".profile (2)"
    assert len(names.numbered("y" * 255, 12).encode()) <= 255


def test_conflicted_copy_name() -> None:
    when = datetime(2026, 3, 4, 9, 5)
    assert names.conflicted_copy_name("Claim.pdf", "Ann Lee", when) == \
        "Claim (conflicted copy, Ann Lee, 2026-03-04 0905).pdf"
    first = "Claim (conflicted copy, Ann Lee, 2026-03-04 0905).pdf"
    second = "Claim (conflicted copy, Ann Lee, 2026-03-04 0905) 2.pdf"
    taken = {first, second}
    assert names.conflicted_copy_name("Claim.pdf", "Ann Lee", when, taken.__contains__) == \
        "Claim (conflicted copy, Ann Lee, 2026-03-04 0905) 3.pdf"


def test_conflicted_copy_name_with_a_hostile_user_and_a_long_name() -> None:
    when = datetime(2026, 3, 4, 9, 5)
    name = names.conflicted_copy_name("z" * 260 + ".pdf", "A/B, <C>", when)
    assert len(name.encode()) <= 255 and name.endswith("0905).pdf")
    assert "/" not in name and "<" not in name


def test_path_key() -> None:
    assert names.path_key("A/Report.PDF") == "A/Report.PDF"
    assert names.path_key("A/Report.PDF", True) == names.path_key("a/report.pdf", True)
    assert names.path_key("Cafe\u0301", True) == names.path_key("CAFÉ", True)


def test_mapping_paths_both_ways() -> None:
    remote_folders: dict[tuple[str, ...], str] = {("Court: 2026",): "Court_ 2026 (2)"}
    assert names.local_path_for(("Court: 2026", "Sub?", "A.pdf"), remote_folders) == \
        "Court_ 2026 (2)/Sub_/A.pdf"
    assert names.local_path_for(("Other", "A.pdf"), remote_folders) == "Other/A.pdf"
    local_folders = {"Court_ 2026 (2)": ("Court: 2026",)}
    assert names.remote_path_for("Court_ 2026 (2)/New/B.pdf", local_folders) == \
        ("Court: 2026", "New", "B.pdf")
    assert names.remote_folder_for("Court_ 2026 (2)", local_folders) == ("Court: 2026",)
    assert names.remote_folder_for("") == ()
    assert names.local_folder_for(("Court: 2026",), remote_folders) == "Court_ 2026 (2)"


@pytest.mark.parametrize("path", ["", "/abs", "a/../b", "..", "a//b", "C:/x", "a/./b", "x\x00"])
def test_unsafe_relative_paths(path: str) -> None:
    assert not names.is_safe_relative(path)


def test_path_helpers() -> None:
    assert names.parent_of("a/b/c.pdf") == "a/b" and names.parent_of("c.pdf") == ""
    assert names.name_of("a/b/c.pdf") == "c.pdf"
    assert names.is_under("a/b", "a") and names.is_under("a", "a") and names.is_under("x", "")
    assert not names.is_under("ab/c", "a")
    assert names.split_ext("a.tar.gz") == ("a.tar", ".gz")
    assert names.split_ext(".bashrc") == (".bashrc", "")
    assert names.split_ext("a.") == ("a.", "")
