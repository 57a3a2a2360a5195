"""Run ``desktop.ui.shell.launch`` in its own process, for the tests: a sandbox, a workspace, a
home, and a stand-in for the connection wizard (the wizard itself is tested in
``tests/ui/dialogs``; here the shell's flow around it is under test).

``python -m tests.integration.shell_process BASE --wizard accept|cancel|none [--lock-held]``
prints ``wizard <n>``, ``window <rows>``, ``critical <text>`` and ``exit <code>``.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--wizard", choices=("accept", "cancel", "none"), default="accept")
    parser.add_argument("--lock-held", action="store_true")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    import desktop.ui.shell as shell
    from desktop.clio.regions import ClioTarget
    from desktop.clio.tokens import TokenSet, token_store_for
    from desktop.instance_lock import InstanceLock
    from desktop.paths import AppPaths
    from desktop.prolegis.builder import WorkspaceBuilder
    from desktop.sandbox import Sandbox, SandboxConfig
    from desktop.settings import Settings
    from desktop.ui.app import ensure_app

    base = Path(args.base)
    sandbox = Sandbox(SandboxConfig(rate_limit=10_000)).start()
    paths = AppPaths.resolve(base / "home").ensure()
    builder = WorkspaceBuilder(base / "Prolegis")
    builder.add_client(id="c-1", first_name="Ada", last_name="Lovelace")
    builder.add_matter(
        id="m-1", number="2024-0012", title="Purchase of 12 Elm St", client_ids=["c-1"]
    )
    builder.write()
    shown: list[int] = []

    class StandInWizard:
        """Does what finishing the real wizard does: tokens stored, settings written."""

        def __init__(self, settings: Settings, data_dir: Path, **_: object) -> None:
            self.settings, self.data_dir = settings, data_dir
            self.match_contacts_now = False
            self.signed_in = None

        def exec(self) -> int:
            shown.append(1)
            print(f"wizard {len(shown)}", flush=True)
            if args.wizard == "cancel":
                return int(QDialog.DialogCode.Rejected)
            return self.finish()

        def finish(self) -> int:
            self.settings.update({"clio_url": sandbox.base_url, "workspace": str(builder.root)})
            target = ClioTarget.for_url(sandbox.base_url)
            store = token_store_for(target, self.data_dir)
            user = sandbox.admin.default_user_id()
            store.save(
                target, str(user), TokenSet.from_token_response(sandbox.admin.issue_tokens(user))
            )
            store.set_current_account(target, str(user))
            return int(QDialog.DialogCode.Accepted)

    shell.ConnectionWizard = StandInWizard  # type: ignore[assignment, misc]
    if args.wizard == "none":
        StandInWizard(Settings(paths.settings_file), paths.data_dir).finish()
    QMessageBox.critical = staticmethod(  # type: ignore[method-assign, assignment]
        lambda _parent, _title, text, *a, **k: print(f"critical {text}", flush=True)
    )
    app = ensure_app([sys.argv[0]])

    def look() -> None:
        for w in QApplication.topLevelWidgets():
            if type(w).__name__ == "MainWindow" and w.isVisible():
                print(f"window {w.model.rowCount()}", flush=True)

    QTimer.singleShot(2500, look)
    lock = InstanceLock(paths.lock_file, "sync").acquire() if args.lock_held else None
    try:
        code = shell.launch(paths, sandbox_url=sandbox.base_url, quit_after_ms=3000)
    finally:
        if lock is not None:
            lock.release()
        sandbox.stop()
    del app
    print(f"exit {code}", flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
