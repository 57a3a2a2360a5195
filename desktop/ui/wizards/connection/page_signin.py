"""The connection wizard's sign-in page: opens Clio's sign-in in the system browser, waits
visibly (a busy bar, Cancel, Copy link) while a worker thread holds the loopback listener, and
explains denial, timeout, a busy port and the rest, with a retry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import style
from desktop.ui.dialogs.extra_icons import extra_icon
from desktop.ui.wizards.connection.context import WizardContext
from desktop.ui.wizards.connection.pages_clio import Page, wrap
from desktop.ui.wizards.connection.signin import (
    SignedIn,
    SignInRequest,
    SignInThread,
    explain,
    explained,
)

SHUTDOWN_WAIT_MS = 250  # a cancelled attempt normally ends well within this
QUIT_WAIT_MS = 15_000  # at quit, how long a detached attempt may still take

_DETACHED: set[SignInThread] = set()  # attempts left to end after their wizard closed


def _detach(thread: SignInThread) -> None:
    """Keep a running attempt alive, with no parent, until it ends; the app waits for it
    (bounded) before quitting, as a QThread must not be destroyed while it runs."""
    thread.setParent(None)
    if not _DETACHED:
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(wait_for_detached)
    _DETACHED.add(thread)
    thread.finished.connect(lambda: _DETACHED.discard(thread))


def wait_for_detached(timeout_ms: int = QUIT_WAIT_MS) -> bool:
    """Wait for attempts left running by closed wizards; True when none is left."""
    for thread in list(_DETACHED):
        if thread.wait(timeout_ms):
            _DETACHED.discard(thread)
    return not _DETACHED


class SignInPage(Page):
    """Opens Clio's sign-in in the browser and waits, visibly and cancellably."""

    def __init__(self, ctx: WizardContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._thread: SignInThread | None = None
        self._url = ""
        self._error: tuple[BaseException, int] | None = None  # the failure shown, to re-explain
        self._status: str = "waiting"  # which words the status line shows
        layout = QVBoxLayout(self)
        self.intro = wrap("")
        layout.addWidget(self.intro)
        self.error = wrap("")
        self.error.setStyleSheet(
            f"background: {style.hex_colour('banner_bad_bg')}; padding: 8px; border-radius: 4px"
        )
        self.error.hide()
        layout.addWidget(self.error)
        row = QHBoxLayout()
        self.start_button = QPushButton(extra_icon("sign-in"), "")
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        row.addStretch(1)
        layout.addLayout(row)

        self.waiting = QWidget()
        wl = QVBoxLayout(self.waiting)
        wl.setContentsMargins(0, 8, 0, 0)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(10)
        wl.addWidget(self.busy)
        self.status = wrap("")
        self.status.setFont(style.heading_font())
        wl.addWidget(self.status)
        self.how = wrap("", small=True)
        wl.addWidget(self.how)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.cancel)
        self.copy_button = QPushButton(extra_icon("copy"), "")
        self.copy_button.clicked.connect(self.copy_link)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        wl.addLayout(buttons)
        self.waiting.hide()
        layout.addWidget(self.waiting)

        self.done = wrap("")
        self.done.hide()
        layout.addWidget(self.done)
        layout.addStretch(1)
        self.error_kind = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Sign in with Clio"))
        self.setSubTitle(
            self.tr("Your Clio password is typed on Clio's own page, never in Prolegis Desktop.")
        )
        self.busy.setAccessibleName(self.tr("Waiting for Clio"))
        self.how.setText(
            self.tr(
                "Finish signing in on the Clio page, then come back here: this window moves "
                "on by itself. If no browser page opened, copy the link into your browser."
            )
        )
        self.cancel_button.setText(self.tr("&Cancel sign-in"))
        self.copy_button.setText(self.tr("Copy &link"))
        if self.intro.text():
            self._show_intro()
        if self._error is not None:
            self.error.setText(explain(*self._error)[1])
        self._show_status()
        self._show_state()

    def _show_intro(self) -> None:
        self.intro.setText(
            self.tr(
                "Clio's sign-in page opens in your web browser. Sign in there with your Clio "
                "account for {target} and allow Prolegis Desktop."
            ).format(target=self._ctx.target_label())
        )

    def _show_status(self) -> None:
        texts = {
            "waiting": self.tr("Waiting for Clio in your browser…"),
            "copied": self.tr(
                "Link copied. Paste it into your browser's address bar. Waiting for Clio…"
            ),
            "no-browser": self.tr(
                "No browser could be opened. Copy the link and paste "
                "it into your browser. Waiting for Clio…"
            ),
        }
        self.status.setText(texts[self._status])

    # ------------------------------------------------------------------ wizard hooks

    def initializePage(self) -> None:
        signed = self._ctx.signed_in
        if signed is not None and signed.target != self._ctx.target():
            self._ctx.signed_in = None
        self._show_intro()
        self._show_state()

    def cleanupPage(self) -> None:  # Back: stop waiting
        self.cancel()

    def isComplete(self) -> bool:
        return self._ctx.signed_in is not None and not self.is_waiting()

    # ------------------------------------------------------------------ actions

    def is_waiting(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        if self._thread is not None:
            return
        self._ctx.signed_in = None
        self.error_kind = ""
        self._error = None
        self._url = ""
        c = self._ctx
        request = SignInRequest(
            target=c.target(),
            port=c.port,
            client_id=c.client_id if c.use_own_app else "",
            client_secret=c.client_secret if c.use_own_app else "",
        )
        thread = SignInThread(c.service, request, timeout=c.timeout, parent=self)
        thread.url_ready.connect(self._url_ready)
        thread.succeeded.connect(self._succeeded)
        thread.failed.connect(self._failed)
        thread.finished.connect(self._thread_finished)
        self._thread = thread
        self._show_state()
        thread.start()

    def cancel(self) -> None:
        if self._thread is not None:
            self._thread.cancel()

    def copy_link(self) -> None:
        if self._url:
            QGuiApplication.clipboard().setText(self._url)
            self._status = "copied"
            self._show_status()

    def shutdown(self) -> None:
        """Cancel the attempt (the wizard is closing). It ends at once unless the token
        exchange is under way; then it is left to end on its own, its answer dropped — the
        wizard never waits for Clio on the GUI thread."""
        thread, self._thread = self._thread, None
        if thread is None:
            return
        thread.cancel()
        for signal in (thread.url_ready, thread.succeeded, thread.failed, thread.finished):
            signal.disconnect()
        if thread.wait(SHUTDOWN_WAIT_MS):
            thread.deleteLater()
            return
        _detach(thread)

    @property
    def url(self) -> str:
        return self._url

    # ------------------------------------------------------------------ thread signals

    def _url_ready(self, url: str) -> None:
        self._url = url
        self.copy_button.setEnabled(True)
        if not self._ctx.opener(url):
            self._status = "no-browser"
            self._show_status()

    def _succeeded(self, result: SignedIn) -> None:
        self._ctx.signed_in = result
        self._ctx.save_connection()
        self._ctx.keychain.forget()  # the sign-in may have stored the app's secret

    def _failed(self, kind: str, message: str) -> None:
        self.error_kind = kind
        self._error = explained(message)
        self.error.setText(message)

    def _thread_finished(self) -> None:
        if self._thread is not None:
            self._thread.deleteLater()
        self._thread = None
        self._show_state()
        self.completeChanged.emit()
        if self._ctx.signed_in is not None:
            window = self.window()
            window.raise_()
            window.activateWindow()
            wizard = self.wizard()
            if wizard is not None and wizard.currentPage() is self:
                wizard.next()

    def _show_state(self) -> None:
        waiting = self.is_waiting()
        signed = self._ctx.signed_in
        self.waiting.setVisible(waiting)
        self.copy_button.setEnabled(bool(self._url))
        self.start_button.setVisible(not waiting)
        failed = bool(self.error_kind) and self.error_kind != "cancelled"
        self.start_button.setText(
            self.tr("&Try again") if failed else self.tr("&Sign in with Clio")
        )
        self.error.setVisible(failed and not waiting)
        if waiting and self._status != "waiting" and not self._url:
            self._status = "waiting"
            self._show_status()
        self.done.setVisible(signed is not None and not waiting)
        self.done.setText(
            self.tr("Signed in as {name}.").format(name=signed.name) if signed is not None else ""
        )
