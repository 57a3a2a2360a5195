"""One window per app home: a second launch asks the first to come to the front and exits.

The first instance listens on a ``QLocalServer`` whose name is derived from the app home (so
the demo, tests and the real app never meet); a later launch connects, sends ``raise`` and
quits. A stale socket left by a crash is removed before listening.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop import APP_NAME

log = logging.getLogger(__name__)

_MESSAGE = b"raise\n"
_READ_TIMEOUT_MS = 300


def server_name(home: Path | str) -> str:
    """The local server name for an app home (short: some platforms limit socket paths)."""
    digest = hashlib.sha256(str(Path(home).resolve()).encode("utf-8")).hexdigest()[:16]
    user = os.environ.get("USER") or os.environ.get("USERNAME") or "user"
    user_digest = hashlib.sha256(user.encode("utf-8")).hexdigest()[:6]
    return f"{APP_NAME}-{user_digest}-{digest}"


class SingleInstance(QObject):
    """Emits ``activationRequested`` when another launch on the same home asks to be raised."""

    activationRequested = Signal()

    def __init__(self, home: Path | str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(home)
        self._server: QLocalServer | None = None

    def notify_running(self, timeout_ms: int = 500) -> bool:
        """If an instance already runs on this home, ask it to raise its window; True if so."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.write(_MESSAGE)
        socket.flush()
        socket.waitForBytesWritten(timeout_ms)
        socket.disconnectFromServer()
        return True

    def listen(self) -> bool:
        """Become the instance others find; False if the name could not be taken."""
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            QLocalServer.removeServer(self.name)  # a stale socket from a crash
            if not server.listen(self.name):
                log.warning("single-instance server not available: %s", server.errorString())
                return False
        server.newConnection.connect(self._on_connection)
        self._server = server
        return True

    def close(self) -> None:
        """Stop listening (the name is free for the next launch)."""
        if self._server is not None:
            server = self._server
            self._server = None
            server.newConnection.disconnect(self._on_connection)
            server.close()
            server.deleteLater()
            # QLocalServer.close() only schedules the deletion of its socket notifier; if a new
            # server reuses the descriptor first, that late deletion silences the new one.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def _on_connection(self) -> None:
        server = self._server
        if server is None:
            return
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            # The other launch writes its one line right after connecting: read it here (at
            # most a fraction of a second, only when someone starts the app a second time).
            data = b""
            while _MESSAGE not in data and (
                socket.bytesAvailable() or socket.waitForReadyRead(_READ_TIMEOUT_MS)
            ):
                data += bytes(socket.readAll().data())
            socket.abort()
            socket.deleteLater()
            if _MESSAGE.strip() in data:
                self.activationRequested.emit()


def acquire(home: Path | str, parent: QObject | None = None) -> SingleInstance | None:
    """The guard for ``home`` if this is the first instance; None after raising the first one."""
    guard = SingleInstance(home, parent)
    if guard.notify_running():
        return None
    guard.listen()
    return guard
