"""The diagnostics zip holds logs, settings and a state summary — and never a token or secret."""

from __future__ import annotations

import json
import logging
import zipfile
from pathlib import Path

from desktop.cli import main
from desktop.diagnostics import create_diagnostics
from desktop.logsetup import configure_logging, register_secret
from desktop.sync.report import PassOptions
from tests.support.harness_fixtures import HarnessFactory


def test_zip_has_no_token_or_secret(sandbox, harness_factory: HarnessFactory) -> None:  # type: ignore[no-untyped-def]
    h = harness_factory(sandbox, records=False, documents=False)
    h.builder.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    h.builder.write()
    h.engine.run_once(PassOptions())
    tokens = json.loads((h.paths.data_dir / "sandbox-tokens.json").read_text())
    secrets = [v for entry in _strings(tokens) for v in [entry] if len(v) >= 20]
    assert secrets, "the harness should have stored real tokens"
    configure_logging(h.paths.log_dir, console=False)
    log = logging.getLogger("desktop.test")
    for s in secrets:
        register_secret(s)
        log.info("refreshing with %s", s)
    log.info("headers {'Authorization': 'Bearer %s'}", "unregistered-bearer-value-123")
    log.info(
        "POST /oauth/token grant_type=authorization_code&code=abcCODE123&client_secret=s3cr3t!"
    )
    h.services.store.history.add("error", "Upload failed", result="error", matter_id="m-1")
    for handler in logging.getLogger().handlers:
        handler.flush()
    path = create_diagnostics(h.paths, h.base / "diag.zip")
    configure_logging(None, console=False)
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        blob = "\n".join(zf.read(n).decode("utf-8", "replace") for n in names)
    assert {"README.txt", "versions.json", "settings.json", "state.json"} <= set(names)
    assert any(n.startswith("logs/") for n in names)
    assert "refreshing with" in blob and "Upload failed" in blob
    for s in [*secrets, "unregistered-bearer-value-123", "abcCODE123", "s3cr3t!"]:
        assert s not in blob
    state = json.loads(zipfile.ZipFile(path).read("state.json"))
    assert state and state[0]["rows"]["history"] >= 1


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_cli_writes_where_asked(home: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "d.zip"
    assert main(["diagnostics", "--out", str(out)]) == 0
    assert out.exists() and "no sign-in token" in capsys.readouterr().out
