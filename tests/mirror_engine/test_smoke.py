"""First contact: upload, download, edit both ways."""

from __future__ import annotations

from tests.support.mirror_harness import MirrorHarness


def test_new_local_file_is_uploaded_and_clio_file_downloaded(mh: MirrorHarness) -> None:
    mh.new_matter("m-1")
    mh.write("m-1", "Pleadings/Claim.pdf", b"claim v1")
    mh.write("m-1", "note.txt", b"")
    mh.sync()
    assert mh.clio_by_path("m-1") == {"Pleadings/Claim.pdf": b"claim v1", "note.txt": b""}
    mh.assert_in_step("m-1")
    mh.clio_upload("m-1", "Letters/Reply.docx", b"reply")
    mh.sync()
    assert mh.local_state("m-1")["Letters/Reply.docx"] == b"reply"
    mh.assert_in_step("m-1")
