"""The connection wizard against the Clio sandbox over real HTTP: the browser is intercepted
(the test plays the browser: it follows Clio's redirect to the loopback callback), from welcome
to done; cancel, denial, timeout, a busy port; the firm's own app; the folder check; the
keychain read once per app and region, off the GUI thread, never per keystroke."""

from __future__ import annotations

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import keyring
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QWizard
from pytestqt.qtbot import QtBot

from desktop.clio.regions import ClioTarget
from desktop.clio.tokens import HomeFileTokenStore, token_store_for
from desktop.paths import AppPaths
from desktop.prolegis.builder import WorkspaceBuilder
from desktop.sandbox import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_USER_EMAIL, Sandbox
from desktop.settings import Settings
from desktop.sync.commands import UpdateSettings
from desktop.ui.wizards.connection import ConnectionWizard
from desktop.ui.wizards.connection.page_signin import wait_for_detached
from desktop.ui.wizards.connection.pages_clio import (
    LOOKUP_DELAY_MS,
    PAGE_ACCOUNT,
    PAGE_ADVANCED,
    PAGE_FOLDER,
    PAGE_MATCHING,
    PAGE_REGION,
    PAGE_SIGNIN,
    PAGE_USERNAME,
)
from tests.ui.dialogs.conftest import Recorder, show_active
from tests.ui.dialogs.slow import SlowKeyring


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Browser:
    """Stands in for the system browser: records the URL and, if told to, visits it (and
    follows Clio's redirect to the app's loopback callback) on its own thread."""

    def __init__(self, visit: Callable[[str], None] | None = None) -> None:
        self.urls: list[str] = []
        self._visit = visit
        self.threads: list[threading.Thread] = []

    def __call__(self, url: str) -> bool:
        self.urls.append(url)
        if self._visit is not None:
            t = threading.Thread(target=self._visit, args=(url,), daemon=True)
            t.start()
            self.threads.append(t)
        return True


def approve(url: str) -> None:
    with httpx.Client(trust_env=False, timeout=20, follow_redirects=True) as c:
        c.get(url)


def deny(url: str) -> None:
    with httpx.Client(trust_env=False, timeout=20) as c:
        page = c.get(url)
        request_id = re.search(r"name='request_id' value='([^']+)'", page.text)
        assert request_id, page.text
        base = url.split("/oauth/")[0]
        answer = c.post(
            f"{base}/oauth/authorize", data={"request_id": request_id.group(1), "decision": "deny"}
        )
        assert answer.status_code in (302, 303), answer.text
        c.get(answer.headers["location"])  # the browser follows to the loopback callback


@pytest.fixture
def paths(home: Path) -> AppPaths:
    return AppPaths.resolve(home).ensure()


@pytest.fixture
def settings(paths: AppPaths) -> Settings:
    s = Settings(paths.settings_file)
    s.set("oauth_port", free_port())
    return s


def _wizard(
    qtbot: QtBot, settings: Settings, paths: AppPaths, sb: Sandbox | None, browser: Browser, **kw
) -> ConnectionWizard:  # type: ignore[no-untyped-def]
    wiz = ConnectionWizard(
        settings, paths.data_dir, opener=browser, sandbox_url=sb.base_url if sb else "", **kw
    )
    qtbot.addWidget(wiz)
    show_active(qtbot, wiz)
    return wiz


def _next(qtbot: QtBot, wiz: ConnectionWizard) -> None:
    button = wiz.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {wiz.currentId()}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _click_indicator(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click a check box or radio button on its indicator, as a user would."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(6, button.height() // 2))


def _tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its indicator, as a user would."""
    _click_indicator(qtbot, box)
    assert box.isChecked()


def _to_signin(qtbot: QtBot, wiz: ConnectionWizard) -> None:
    _next(qtbot, wiz)  # welcome → region
    assert wiz.currentId() == PAGE_REGION
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_SIGNIN


def test_welcome_to_done(
    qtbot: QtBot,
    sandbox: Sandbox,
    settings: Settings,
    paths: AppPaths,
    small_firm: WorkspaceBuilder,
) -> None:
    browser = Browser(approve)
    submitted = Recorder()
    wiz = _wizard(qtbot, settings, paths, sandbox, browser, submit=submitted)
    # welcome says what will not happen without asking
    welcome = " ".join(w.text() for w in wiz.welcome_page.findChildren(QLabel))
    assert "never do these without asking" in welcome
    assert "pre-existing matters" in welcome
    _next(qtbot, wiz)
    assert wiz.region_page.buttons["sandbox"].isChecked()  # the demo's default
    assert wiz.region_page.buttons["ca"].text().startswith("Canada")
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_SIGNIN
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.mouseClick(wiz.signin_page.start_button, Qt.MouseButton.LeftButton)
    # the page waits visibly while the "browser" signs in, then moves on by itself
    qtbot.waitUntil(lambda: wiz.currentId() == PAGE_ACCOUNT, timeout=20000)
    assert browser.urls and browser.urls[0].startswith(f"{sandbox.base_url}/oauth/authorize?")
    assert "code_challenge=" in browser.urls[0]
    assert wiz.account_page.email.text() == DEFAULT_USER_EMAIL
    assert wiz.account_page.name.text() == "Jane Doe"
    assert "sandbox" in wiz.account_page.region.text()
    # the sign-in is stored (sandbox: the home file) and the connection remembered
    target = ClioTarget.for_url(sandbox.base_url)
    store = token_store_for(target, paths.data_dir)
    assert isinstance(store, HomeFileTokenStore)
    account = store.current_account(target)
    assert account is not None and store.load(target, account) is not None
    assert Settings(paths.settings_file).get("clio_url") == sandbox.base_url

    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_USERNAME
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()  # "me only" needs a name
    qtbot.keyClicks(wiz.username_page.username, "mtremblay")
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_FOLDER
    wiz.folder_page.path.setText(str(small_firm.root))
    qtbot.waitUntil(lambda: wiz.button(QWizard.WizardButton.NextButton).isEnabled())
    assert wiz.folder_page.result.text() == "6 matters, 8 clients found."
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_MATCHING
    _next(qtbot, wiz)
    with qtbot.waitSignal(wiz.completed) as done:
        qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert done.args == [True]
    saved = Settings(paths.settings_file)
    assert saved.get("workspace") == str(small_firm.root)
    assert saved.get("prolegis_username") == "mtremblay"
    assert saved.get("activity_authors") == "mtremblay"
    assert isinstance(submitted.commands[-1], UpdateSettings)
    assert submitted.commands[-1].values["workspace"] == str(small_firm.root)


def test_denied_in_clio_is_explained_and_can_retry(
    qtbot: QtBot, sandbox_factory: Callable[..., Sandbox], settings: Settings, paths: AppPaths
) -> None:
    sb = sandbox_factory(auto_approve=False)
    browser = Browser(deny)
    wiz = _wizard(qtbot, settings, paths, sb, browser)
    _to_signin(qtbot, wiz)
    page = wiz.signin_page
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.error.isVisible(), timeout=20000)
    assert page.error_kind == "denied"
    assert "declined" in page.error.text()
    assert page.start_button.text().replace("&", "") == "Try again"
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wiz.ctx.signed_in is None
    # try again, approving this time (the port was released)
    browser._visit = approve
    sb.stop()
    sb2 = sandbox_factory()
    wiz.ctx.sandbox_url = sb2.base_url
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() == PAGE_ACCOUNT, timeout=20000)


def test_cancel_while_waiting(
    qtbot: QtBot, sandbox: Sandbox, settings: Settings, paths: AppPaths
) -> None:
    browser = Browser()  # opens nothing: the user never finishes in the browser
    wiz = _wizard(qtbot, settings, paths, sandbox, browser)
    _to_signin(qtbot, wiz)
    page = wiz.signin_page
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.url))
    assert page.waiting.isVisible()
    assert page.busy.maximum() == 0  # a busy indicator
    # copy link puts the sign-in address on the clipboard
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == page.url
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.is_waiting(), timeout=5000)
    assert page.error_kind == "cancelled"
    assert not page.error.isVisible()  # a cancel is not an error
    assert page.start_button.isVisible()
    # the loopback port is free again
    with socket.socket() as s:
        s.bind(("127.0.0.1", wiz.ctx.port))


def test_back_and_close_stop_waiting(
    qtbot: QtBot, sandbox: Sandbox, settings: Settings, paths: AppPaths
) -> None:
    wiz = _wizard(qtbot, settings, paths, sandbox, Browser())
    _to_signin(qtbot, wiz)
    qtbot.mouseClick(wiz.signin_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(wiz.signin_page.url))
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wiz.signin_page.is_waiting(), timeout=5000)
    assert wiz.currentId() == PAGE_REGION
    _next(qtbot, wiz)
    qtbot.mouseClick(wiz.signin_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(wiz.signin_page.url))
    wiz.reject()
    assert not wiz.signin_page.is_waiting() or not wiz.isVisible()


class _HungAttempt:
    """A token exchange under way when the wizard closes: it ignores cancel until released."""

    url = "http://127.0.0.1:9/oauth/authorize?state=hung"

    def __init__(self) -> None:
        self.release = threading.Event()
        self.ended = threading.Event()

    def wait(self, timeout: float) -> object:
        self.release.wait(3.0)  # Clio answers after 3 s (or when released)
        self.ended.set()
        raise ConnectionError("Clio answered too late")

    def cancel(self) -> None:
        pass

    def close(self) -> None:
        pass


def test_closing_never_waits_for_a_token_exchange(
    qtbot: QtBot, sandbox: Sandbox, settings: Settings, paths: AppPaths
) -> None:
    """Review: closing the wizard while Clio was slow to answer the token request froze the
    window for up to 15 s. The attempt is left to end on its own; its answer is dropped."""
    attempt = _HungAttempt()

    class Service:
        def start(self, request: object) -> _HungAttempt:
            return attempt

    wiz = _wizard(qtbot, settings, paths, sandbox, Browser(), service=Service())
    _to_signin(qtbot, wiz)
    page = wiz.signin_page
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(page.url))
    wiz.reject()
    assert not attempt.ended.is_set()  # closed without waiting for it
    assert not page.is_waiting()
    attempt.release.set()
    assert wait_for_detached(5000)
    qtbot.wait(50)  # a late answer would arrive now
    assert not page.error.isVisible() and wiz.ctx.signed_in is None


def test_timeout_is_explained(
    qtbot: QtBot, sandbox: Sandbox, settings: Settings, paths: AppPaths
) -> None:
    wiz = _wizard(qtbot, settings, paths, sandbox, Browser(), timeout=0.5)
    _to_signin(qtbot, wiz)
    qtbot.mouseClick(wiz.signin_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.signin_page.error.isVisible(), timeout=10000)
    assert wiz.signin_page.error_kind == "timeout"
    assert "Copy link" in wiz.signin_page.error.text()


def test_busy_port_is_explained(
    qtbot: QtBot, sandbox: Sandbox, settings: Settings, paths: AppPaths
) -> None:
    browser = Browser(approve)
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen(1)
        port = squatter.getsockname()[1]
        settings.set("oauth_port", port)
        wiz = _wizard(qtbot, settings, paths, sandbox, browser)
        _to_signin(qtbot, wiz)
        qtbot.mouseClick(wiz.signin_page.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wiz.signin_page.error.isVisible(), timeout=10000)
    assert wiz.signin_page.error_kind == "port"
    assert str(port) in wiz.signin_page.error.text()
    assert browser.urls == []  # nothing was opened


def test_own_clio_app_secret_goes_to_the_store_not_settings(
    qtbot: QtBot, sandbox: Sandbox, settings: Settings, paths: AppPaths
) -> None:
    wiz = _wizard(qtbot, settings, paths, sandbox, Browser(approve))
    _next(qtbot, wiz)
    _tick(qtbot, wiz.region_page.own_app)
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_ADVANCED
    adv = wiz.advanced_page
    assert not wiz.button(QWizard.WizardButton.NextButton).isEnabled()
    qtbot.keyClicks(adv.client_id, DEFAULT_CLIENT_ID)
    qtbot.keyClicks(adv.secret, DEFAULT_CLIENT_SECRET)
    assert f"127.0.0.1:{settings.get('oauth_port')}/callback" in adv.redirect.text()
    _next(qtbot, wiz)
    qtbot.mouseClick(wiz.signin_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.currentId() == PAGE_ACCOUNT, timeout=20000)
    target = ClioTarget.for_url(sandbox.base_url)
    store = token_store_for(target, paths.data_dir)
    assert store.load_client_secret(target, DEFAULT_CLIENT_ID) == DEFAULT_CLIENT_SECRET
    raw = paths.settings_file.read_text(encoding="utf-8")
    assert json.loads(raw)["client_id"] == DEFAULT_CLIENT_ID
    assert DEFAULT_CLIENT_SECRET not in raw


def test_wrong_app_secret_is_explained(
    qtbot: QtBot, sandbox: Sandbox, settings: Settings, paths: AppPaths
) -> None:
    wiz = _wizard(qtbot, settings, paths, sandbox, Browser(approve))
    _next(qtbot, wiz)
    _tick(qtbot, wiz.region_page.own_app)
    _next(qtbot, wiz)
    qtbot.keyClicks(wiz.advanced_page.client_id, DEFAULT_CLIENT_ID)
    qtbot.keyClicks(wiz.advanced_page.secret, "not-the-secret")
    _next(qtbot, wiz)
    qtbot.mouseClick(wiz.signin_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.signin_page.error.isVisible(), timeout=20000)
    assert wiz.signin_page.error_kind == "app"
    target = ClioTarget.for_url(sandbox.base_url)
    assert (
        token_store_for(target, paths.data_dir).load_client_secret(target, DEFAULT_CLIENT_ID)
        is None
    )  # a secret that did not work is not kept


def test_region_without_a_built_in_app_asks_for_one(
    qtbot: QtBot, settings: Settings, paths: AppPaths
) -> None:
    wiz = _wizard(qtbot, settings, paths, None, Browser())
    _next(qtbot, wiz)
    assert "sandbox" not in wiz.region_page.buttons
    assert wiz.region_page.buttons["ca"].isChecked()
    assert "no Clio app" in wiz.region_page.note.text()
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_ADVANCED


def test_folder_problems_are_shown(
    qtbot: QtBot,
    sandbox: Sandbox,
    settings: Settings,
    paths: AppPaths,
    workspace: WorkspaceBuilder,
    tmp_path: Path,
) -> None:
    wiz = _wizard(qtbot, settings, paths, sandbox, Browser())
    page = wiz.folder_page
    page.path.setText(str(tmp_path / "nowhere"))
    page.check()
    qtbot.waitUntil(lambda: not page.is_checking() and page.result.text() != "Checking…")
    assert not page.isComplete()
    workspace.manifest_path.write_text(
        json.dumps({"format": "prolegis-workspace", "version": 1, "clients": "no"})
    )
    page.path.setText(str(workspace.root))
    page.check()
    qtbot.waitUntil(lambda: "prolegis.json" in page.result.text())
    assert "$.clients" in page.result.text()
    assert not page.isComplete()


# ---------------------------------------------------------------- the keychain, off the GUI thread


@pytest.fixture
def slow_keyring() -> Iterator[SlowKeyring]:
    """A keychain as slow as an OS one, in place of the test keyring (same stored secrets)."""
    before = keyring.get_keyring()
    slow = SlowKeyring()
    keyring.set_keyring(slow)
    yield slow
    keyring.set_keyring(before)


def test_typing_an_app_id_never_reads_the_keychain_per_keystroke(
    qtbot: QtBot, settings: Settings, paths: AppPaths, slow_keyring: SlowKeyring
) -> None:
    target = ClioTarget.for_region("ca")
    token_store_for(target, paths.data_dir).save_client_secret(target, "firm-app-42", "s3cret")
    slow_keyring.reads.clear()
    wiz = _wizard(qtbot, settings, paths, None, Browser())
    _next(qtbot, wiz)
    _tick(qtbot, wiz.region_page.own_app)
    _next(qtbot, wiz)
    adv = wiz.advanced_page
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(adv.client_id, "firm-app-42")  # 11 keystrokes
    assert slow_keyring.reads == []  # nothing read while typing…
    # …the app id is looked up once typing pauses, off the GUI thread, and the page follows
    qtbot.waitUntil(lambda: next_button.isEnabled(), timeout=5000)
    assert adv.secret.placeholderText() == "(kept on this computer — leave empty)"
    assert adv.secret.text() == ""  # the stored secret is used, never shown
    assert slow_keyring.reads_on_gui_thread() == []
    assert len(slow_keyring.reads) == 1
    # typing the secret, changing the port, going back and forth: answered from what is known
    qtbot.keyClicks(adv.secret, "typed")
    adv.port.setValue(adv.port.value() + 1)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_ADVANCED and next_button.isEnabled()
    qtbot.wait(2 * LOOKUP_DELAY_MS)
    assert len(slow_keyring.reads) == 1
    # another app id: not stored, so the secret must be typed
    adv.secret.clear()
    qtbot.keyClicks(adv.client_id, "-b")
    qtbot.waitUntil(lambda: len(slow_keyring.reads) == 2, timeout=5000)
    qtbot.waitUntil(lambda: not wiz.ctx.keychain.is_asking())
    assert not next_button.isEnabled()
    assert adv.secret.placeholderText() == ""
    assert slow_keyring.reads_on_gui_thread() == []


def test_region_page_asks_the_keychain_once_per_region_off_the_gui_thread(
    qtbot: QtBot, settings: Settings, paths: AppPaths, slow_keyring: SlowKeyring
) -> None:
    settings.set("client_id", "firm-app")  # the firm's own app, its secret stored for Canada
    target = ClioTarget.for_region("ca")
    token_store_for(target, paths.data_dir).save_client_secret(target, "firm-app", "s3cret")
    slow_keyring.reads.clear()
    wiz = _wizard(qtbot, settings, paths, None, Browser())
    _next(qtbot, wiz)
    page = wiz.region_page
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    assert page.own_app.isChecked()
    _click_indicator(qtbot, page.own_app)  # untick
    assert not page.own_app.isChecked()
    assert slow_keyring.reads_on_gui_thread() == []  # the keychain is asked in the background
    assert page.note.text() == "Looking in this computer's keychain…"
    assert not next_button.isEnabled()  # Next waits for the answer…
    qtbot.waitUntil(lambda: next_button.isEnabled(), timeout=5000)  # …which comes
    assert page.note.text() == ""
    _click_indicator(qtbot, page.buttons["us"])
    qtbot.waitUntil(lambda: "no Clio app" in page.note.text(), timeout=5000)
    _click_indicator(qtbot, page.buttons["ca"])
    assert page.note.text() == ""  # known already
    assert slow_keyring.reads_on_gui_thread() == []
    assert len(slow_keyring.reads) == 2  # Canada once, the United States once
    _next(qtbot, wiz)
    assert wiz.currentId() == PAGE_SIGNIN  # the stored app is used: no Advanced page


def test_advanced_page_shows_the_saved_app_and_port(
    qtbot: QtBot, settings: Settings, paths: AppPaths, slow_keyring: SlowKeyring
) -> None:
    settings.set("client_id", "firm-app")
    target = ClioTarget.for_region("ca")
    token_store_for(target, paths.data_dir).save_client_secret(target, "firm-app", "s3cret")
    slow_keyring.reads.clear()
    wiz = _wizard(qtbot, settings, paths, None, Browser())
    _next(qtbot, wiz)
    assert wiz.region_page.own_app.isChecked()
    _next(qtbot, wiz)
    adv = wiz.advanced_page
    assert adv.client_id.text() == "firm-app"
    assert adv.port.value() == settings.get("oauth_port")
    assert f"127.0.0.1:{settings.get('oauth_port')}/callback" in adv.redirect.text()
    qtbot.waitUntil(lambda: wiz.button(QWizard.WizardButton.NextButton).isEnabled())
    assert adv.secret.placeholderText() == "(kept on this computer — leave empty)"
    assert slow_keyring.reads_on_gui_thread() == []
