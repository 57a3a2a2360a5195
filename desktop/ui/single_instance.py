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

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop import APP_NAME

log = logging.getLogger(__name__)

_MESSAGE = b"raise\n"


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
        if self._server is not None:
            self._server.close()
            self._server = None

    def _on_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        data = bytes(socket.readAll().data())
        if _MESSAGE.strip() in data:
            self.activationRequested.emit()


def acquire(home: Path | str, parent: QObject | None = None) -> SingleInstance | None:
    """The guard for ``home`` if this is the first instance; None after raising the first one."""
    guard = SingleInstance(home, parent)
    if guard.notify_running():
        return None
    guard.listen()
    return guard
