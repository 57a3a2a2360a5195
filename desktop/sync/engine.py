"""The engine: a command queue in, typed events out, and sync passes on a schedule.

One thread runs :meth:`Engine.run` (the GUI's QThread, or the main thread of ``sync``). Parts
(the records half and the document mirror) do the work; the engine orders them, decides when a
pass runs, turns failures into the overall state, and publishes read models. Long passes call
:meth:`checkpoint` between items, so pause, shutdown and the user's commands never wait for a
pass to end.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from desktop.clio.errors import (
    AuthError,
    ClioError,
    KeychainError,
    NetworkError,
    RateLimitedError,
    ServerError,
)
from desktop.prolegis.manifest import ManifestError
from desktop.prolegis.records import Manifest
from desktop.prolegis.workspace import WorkspaceMissingError
from desktop.sync import commands as cmd
from desktop.sync import last_pass
from desktop.sync.clock import iso
from desktop.sync.context import EngineContext, PassInterrupted, Services, SyncPart
from desktop.sync.engine_api import Listener
from desktop.sync.engine_status import build_status
from desktop.sync.events import (
    ConflictsChanged,
    DocumentsChanged,
    Event,
    GuardsChanged,
    MattersChanged,
    StatusChanged,
    command_failed,
)
from desktop.sync.matter_views import DocCounts, MatterLinkInfo, build_matter_views, clio_web_url
from desktop.sync.messages import failure_of, msg, reason_of
from desktop.sync.report import Outcome, PassOptions, PassReport
from desktop.sync.store.db import StoreError
from desktop.sync.views import (
    AccountView,
    ConflictView,
    DocumentView,
    EngineState,
    EngineStatus,
    GuardView,
    MatterView,
)

log = logging.getLogger(__name__)

FOLLOW_UPS = 3  # one-shot passes: re-looks at files that were still being written
PASS_FAILURES = ("network", "sign_in", "keychain")  # no re-look after these
TICK = 1.0  # seconds between looks at the parts' timers when idle
OFFLINE_RETRY = (15.0, 30.0, 60.0, 120.0, 300.0)


class DocumentsPart(SyncPart, Protocol):
    """The document mirror's extra read side."""

    def counts(self) -> Mapping[str, DocCounts]: ...

    def documents(self, matter_id: str) -> list[DocumentView]: ...

    def conflicts(self) -> list[ConflictView]: ...

    def settling(self, now: float) -> tuple[float, frozenset[str]] | None: ...


PartFactory = Callable[[EngineContext], SyncPart]


class Engine:
    """See the module docstring. Thread-safe: :meth:`submit` and :meth:`add_listener`."""

    def __init__(
        self,
        services: Services,
        parts: Sequence[PartFactory],
        *,
        documents: Callable[[EngineContext], DocumentsPart] | None = None,
    ) -> None:
        self.services = services
        self._queue: queue.Queue[cmd.Command] = queue.Queue()
        self._listeners: list[Listener] = []
        self._listeners_lock = threading.Lock()
        self.ctx = EngineContext(
            services, emit=self._emit, checkpoint=self.checkpoint, request_pass=self.request_pass
        )
        self.parts: list[SyncPart] = [make(self.ctx) for make in parts]
        self.mirror: DocumentsPart | None = documents(self.ctx) if documents else None
        if self.mirror is not None:
            self.parts.append(self.mirror)
        self._pending: PassOptions | None = None
        self._pending_lock = threading.Lock()
        self._wake = threading.Event()
        self._syncing = False
        self._stopping = False
        self._last_report: PassReport | None
        self._last_sync: str | None
        self._last_report, self._last_sync = last_pass.restore(services.store)
        self._offline_streak = 0
        self._signed_out = False
        self._views: dict[str, MatterView] = {}
        self._last_guards: tuple[GuardView, ...] = ()
        self._last_conflicts: tuple[ConflictView, ...] = ()
        self._settings_mtime = self._settings_stamp()

    # -- EngineAPI --------------------------------------------------------------------------

    def submit(self, command: cmd.Command) -> None:
        self._queue.put(command)
        self._wake.set()

    def add_listener(self, listener: Listener) -> None:
        with self._listeners_lock:
            self._listeners.append(listener)

    def request_pass(self, options: PassOptions) -> None:
        """Ask for a pass soon (thread-safe; requests merge)."""
        with self._pending_lock:
            self._pending = options if self._pending is None else self._pending.merge(options)
        self._wake.set()

    def run(self) -> None:
        """Serve commands and scheduled passes until :class:`~commands.Shutdown`."""
        self._start()
        next_pass = time.monotonic()  # a first pass at once
        try:
            while not self._stopping:
                now = time.monotonic()
                timeout = max(0.0, min(TICK, next_pass - now))
                self._wait_for_work(timeout)
                self._drain(in_pass=False)
                if self._stopping:
                    break
                self._reload_settings_if_changed()
                now = time.monotonic()
                for part in self.parts:
                    wanted = part.tick(now)
                    if wanted is not None:
                        self.request_pass(wanted)
                if now >= next_pass and not self._signed_out:
                    self.request_pass(PassOptions())
                options = self._take_pending()
                if options is None:
                    continue
                if self.paused or self._signed_out:
                    continue
                report = self._run_pass(options)
                next_pass = time.monotonic() + self._next_interval(report)
        finally:
            self._stop()

    # -- one-shot use (sync --once) ------------------------------------------------------------

    def run_once(self, options: PassOptions | None = None) -> PassReport:
        """Start the parts, run one pass, stop them; returns the pass report.

        Files still being written when the pass looked (a save in progress, or a download a
        killed run left behind) are looked at again once they have settled — a documents-only
        pass of their matters, at most ``FOLLOW_UPS`` times — so that one-shot use leaves them
        in step too instead of waiting for a next run. The report covers every pass."""
        options = options or PassOptions()
        self._start()
        try:
            report = self._run_pass(options)
            for _ in range(FOLLOW_UPS):
                due = self.mirror.settling(time.monotonic()) if self.mirror else None
                if due is None or self._signed_out or report.has_code(*PASS_FAILURES):
                    break
                delay, matters = due
                time.sleep(delay)
                again = PassOptions(allow_deletes=options.allow_deletes, records=False,
                                    poll=False, matters=matters)
                report = report.followed_by(self._run_pass(again))
                last_pass.record_pass(self.services.store, report)  # the run, as it exits
            return report
        finally:
            self._stop()

    def prepare_read(self) -> None:
        """For read-only use (``status``): load the manifest and compute the views, with no
        baseline, no Clio calls and no parts started."""
        ws = self.services.workspace
        with contextlib.suppress(ManifestError, WorkspaceMissingError):
            ws.refresh()
        self.ctx.manifest = ws.current
        self._views = {v.matter_id: v for v in self.matter_views()}

    # -- commands --------------------------------------------------------------------------------

    def checkpoint(self) -> None:
        """Called by parts between items: handle waiting commands; raise if we must stop."""
        self._drain(in_pass=True)
        if self._stopping or self.paused:
            raise PassInterrupted("paused" if self.paused else "shutting down")

    def _wait_for_work(self, timeout: float) -> None:
        if self._queue.empty() and self._pending is None:
            self._wake.wait(timeout)
        self._wake.clear()

    def _drain(self, *, in_pass: bool) -> None:
        while True:
            try:
                command = self._queue.get_nowait()
            except queue.Empty:
                return
            self._dispatch(command, in_pass=in_pass)

    def _dispatch(self, command: cmd.Command, *, in_pass: bool) -> None:
        name = type(command).__name__
        try:
            if isinstance(command, cmd.Shutdown):
                self._stopping = True
            elif isinstance(command, cmd.SyncNow):
                self._signed_out = False
                self.request_pass(PassOptions(full=True))
            elif isinstance(command, cmd.Pause):
                self.services.settings.set("paused", True)
                self._publish_status()
            elif isinstance(command, cmd.Resume):
                self.services.settings.set("paused", False)
                self.request_pass(PassOptions())
                self._publish_status()
            elif isinstance(command, cmd.RequestSnapshot):
                self.publish(full=True)
            elif isinstance(command, cmd.RequestDocuments):
                if self.mirror is not None:
                    docs = tuple(self.mirror.documents(command.matter_id))
                    self._emit(DocumentsChanged(command.matter_id, docs))
            elif isinstance(command, cmd.UpdateSettings):
                self.services.settings.update(command.values)
                self._publish_status()
                self.request_pass(PassOptions(poll=False))
            else:
                for part in self.parts:
                    if part.handle(command):
                        break
                else:
                    self._emit(
                        command_failed(name, msg("Nothing here can do “{command}”.", command=name))
                    )
                    return
                if not in_pass:
                    self.publish()
        except PassInterrupted:
            raise
        except ClioError as exc:
            log.warning("command %s failed: %s", name, exc)
            self._emit(command_failed(name, exc.user_template))
        except (StoreError, OSError, ValueError) as exc:
            log.exception("command %s failed", name)
            self._emit(command_failed(name, failure_of(exc)))

    # -- passes ----------------------------------------------------------------------------------

    def _take_pending(self) -> PassOptions | None:
        with self._pending_lock:
            options, self._pending = self._pending, None
        return options

    def _start(self) -> None:
        self._emit(StatusChanged(self._status(EngineState.STARTING)))
        self.ctx.manifest = self.services.workspace.current
        for part in self.parts:
            try:
                part.start()
            except ClioError as exc:
                log.warning("%s could not finish interrupted work yet: %s", part.name, exc)
        self.publish(full=True)

    def _stop(self) -> None:
        for part in self.parts:
            try:
                part.stop()
            except Exception:  # stopping must never raise
                log.exception("stopping %s", part.name)

    def _load_manifest(self, report: PassReport) -> Manifest | None:
        ws = self.services.workspace
        with contextlib.suppress(ManifestError, WorkspaceMissingError):
            ws.refresh()
        error = ws.last_error
        if isinstance(error, WorkspaceMissingError):
            said = msg("The Prolegis folder cannot be read: {reason}", reason=error.message)
            report.error("workspace", said)
        elif error is not None:
            report.error(
                "manifest",
                msg(
                    "prolegis.json: {reason} (at {where})",
                    reason=error.message,
                    where=error.json_path,
                ),
            )
        manifest = ws.current
        if manifest is not None and error is None and not self.services.store.baseline.taken():
            self.services.store.baseline.take(m.id for m in manifest.matters)
            log.info("baseline taken: %d pre-existing matters", len(manifest.matters))
        self.ctx.manifest = manifest
        return manifest

    def _run_pass(self, options: PassOptions) -> PassReport:
        report = PassReport(started_at=iso())
        self._syncing = True
        self._publish_status()
        try:
            manifest = self._load_manifest(report)
            if options.poll:
                for part in self.parts:
                    if self._wants(part, options):
                        part.poll(report, full=options.full)
                        self.checkpoint()
            if manifest is not None:  # the last good manifest stays in force after a bad write
                for part in self.parts:
                    if self._wants(part, options):
                        part.sync(manifest, options, report)
                        self.checkpoint()
            self._offline_streak = 0
        except PassInterrupted:
            log.info("pass interrupted")
        except AuthError as exc:
            self._signed_out = True
            report.error("sign_in", exc.user_template)
        except (NetworkError, ServerError, RateLimitedError) as exc:
            self._offline_streak += 1
            report.error("network", exc.user_template)
        except KeychainError as exc:
            report.error("keychain", exc.user_template)
        except ClioError as exc:
            report.error("clio", exc.user_template)
        except StoreError as exc:
            report.error("state", reason_of(exc))
        except OSError as exc:
            report.error("disk", failure_of(exc))
        finally:
            self._syncing = False
            report.finished_at = iso()
            last_pass.record_pass(self.services.store, report)  # for status, and a restart
            self._last_report = report
            if not report.has(Outcome.ERROR):
                self._last_sync = report.finished_at
            for reason in report.reasons:
                if reason.outcome is Outcome.ERROR:
                    log.warning("pass: %s", reason.message)
            self.publish()
        return report

    def _wants(self, part: SyncPart, options: PassOptions) -> bool:
        if part is self.mirror:
            return options.documents
        return options.records

    def _next_interval(self, report: PassReport) -> float:
        if self._offline_streak:
            return OFFLINE_RETRY[min(self._offline_streak, len(OFFLINE_RETRY)) - 1]
        return float(max(10, int(self.services.settings.get("poll_interval") or 60)))

    # -- settings changed by another process (prolegis-desktop pause/resume) --------------------

    def _settings_stamp(self) -> float:
        try:
            return self.services.settings.path.stat().st_mtime
        except OSError:
            return 0.0

    def _reload_settings_if_changed(self) -> None:
        stamp = self._settings_stamp()
        if stamp != self._settings_mtime:
            self._settings_mtime = stamp
            was_paused = self.paused
            self.services.settings.reload()
            if was_paused and not self.paused:
                self.request_pass(PassOptions())
            self._publish_status()

    @property
    def paused(self) -> bool:
        return bool(self.services.settings.get("paused"))

    # -- read side -------------------------------------------------------------------------------

    def _emit(self, event: Event) -> None:
        with self._listeners_lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(event)
            except Exception:  # a listener must never break the engine
                log.exception("event listener failed on %s", type(event).__name__)

    def matter_views(self) -> list[MatterView]:
        """Every matter row, built from the store and the mirror's counts."""
        manifest = self.ctx.manifest
        if manifest is None:
            return []
        store = self.services.store
        base_url = self.services.base_url
        links = {
            mid: MatterLinkInfo(
                link.clio_matter_id,
                link.display_number,
                clio_web_url(base_url, link.clio_matter_id),
            )
            for mid, link in store.matter_links.all().items()
        }
        contact_of = {cid: link.contact_id for cid, link in store.client_links.all().items()}
        counts = self.mirror.counts() if self.mirror is not None else {}
        held_new = {h.subject for h in store.holds.all("new_matter")}
        record_errors = {
            p.subject: p.message for p in store.problems.all("matter") if p.kind == "matter"
        }
        return build_matter_views(
            manifest,
            self.services.workspace.root,
            links=links,
            contact_of=contact_of,
            # Before the first baseline every matter present will be pre-existing: never
            # show them as new matters waiting to be created.
            preexisting=store.baseline.preexisting()
            if store.baseline.taken()
            else {m.id for m in manifest.matters},
            counts=counts,
            paused=self.paused,
            held_new=held_new,
            record_errors=record_errors,
        )

    def publish(self, *, full: bool = False) -> None:
        """Send what changed since the last publish (everything when ``full``)."""
        views = {v.matter_id: v for v in self.matter_views()}
        if full:
            self._emit(MattersChanged(tuple(views.values()), full=True))
        else:
            changed = tuple(v for k, v in views.items() if self._views.get(k) != v)
            removed = tuple(k for k in self._views if k not in views)
            if changed or removed:
                self._emit(MattersChanged(changed, full=False, removed=removed))
        self._views = views
        guards = tuple(g for part in self.parts for g in part.guards())
        if full or guards != self._last_guards:
            self._last_guards = guards
            self._emit(GuardsChanged(guards))
        conflicts = tuple(self.mirror.conflicts()) if self.mirror is not None else ()
        if full or conflicts != self._last_conflicts:
            self._last_conflicts = conflicts
            self._emit(ConflictsChanged(conflicts))
        self._publish_status()

    def _publish_status(self) -> None:
        self._emit(StatusChanged(self._status()))

    def status(self) -> EngineStatus:
        return self._status()

    def _status(self, forced: EngineState | None = None) -> EngineStatus:
        report = self._last_report
        errors = [r for r in (report.reasons if report else []) if r.outcome is Outcome.ERROR]
        if forced is not None:
            state = forced
        elif self._signed_out:
            state = EngineState.SIGNED_OUT
        elif self.paused:
            state = EngineState.PAUSED
        elif self._syncing:
            state = EngineState.SYNCING
        else:
            state = None  # decided from the last pass and the rows
        account = self.services.account
        target = self.services.clio.session.target
        return build_status(
            list(self._views.values()),
            state=state,
            errors=errors,
            last_sync=self._last_sync,
            account=AccountView(
                account.name or "",
                account.email or "",
                target.region.value if target.region else "",
                self.services.base_url,
            ),
            requests_per_minute=self.services.clio.session.budget.snapshot().limit,
        )
