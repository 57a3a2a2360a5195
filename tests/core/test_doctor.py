"""``doctor`` checks what the app depends on and says what to fix."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.doctor import run_checks
from tests.support.harness_fixtures import HarnessFactory


def test_a_working_setup_passes_every_check(sandbox, harness_factory: HarnessFactory) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    checks = {c.name: c for c in run_checks(h.paths)}
    assert {n: c.status for n, c in checks.items()} == {
        "keychain": "ok",
        "folder": "ok",
        "watch limit": "ok",
        "certificates": "ok",
        "connection": "ok",
        "clock": "ok",
    }
    assert "Jane Doe" in checks["connection"].detail


def test_problems_are_named_with_a_fix(
    sandbox,
    harness_factory: HarnessFactory,  # type: ignore[no-untyped-def]
    capsys: pytest.CaptureFixture[str],
) -> None:
    h = harness_factory(sandbox, records=False, documents=False)
    (h.root / "prolegis.json").write_text('{"format": "prolegis-workspace", "version": 9}')
    sandbox.admin.revoke_all_tokens()
    capsys.readouterr()
    assert main(["--home", str(h.paths.home), "doctor", "--json"]) == 1
    out = json.loads(capsys.readouterr().out)
    checks = {c["name"]: c for c in out["checks"]}
    assert out["schema"] == "prolegis-desktop/doctor/1"
    assert checks["folder"]["status"] == "failed" and "newer" in checks["folder"]["detail"]
    assert checks["connection"]["status"] == "failed"
    assert "login" in checks["connection"]["fix"]
