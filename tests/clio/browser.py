"""A scripted "browser" for sign-in tests: it opens the authorize URL over real HTTP in a
thread (like the system browser, it returns at once) and can approve, deny or tamper."""

from __future__ import annotations

import re
import threading
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx


class ScriptedBrowser:
    """``action`` is ``approve`` (follow redirects), ``deny`` (click Deny on the consent
    page), ``wrong_state`` (alter the state in Clio's redirect) or ``capture`` (remember the
    redirect, then deliver it untouched)."""

    def __init__(self, action: str = "approve") -> None:
        self.action = action
        self.redirect: str | None = None
        self.final_status: int | None = None
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def __call__(self, url: str) -> bool:
        self._thread = threading.Thread(target=self._run, args=(url,), daemon=True)
        self._thread.start()
        return True

    def join(self, timeout: float = 10) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, url: str) -> None:
        try:
            with httpx.Client(timeout=15, trust_env=False) as http:
                resp = http.get(url)
                if self.action == "deny":
                    match = re.search(r"name='request_id' value='([^']+)'", resp.text)
                    assert match, "no consent page"
                    resp = http.post(urlunsplit(urlsplit(url)._replace(query="")),
                                     data={"request_id": match.group(1), "decision": "deny"})
                assert resp.status_code == 302, resp.text[:200]
                location = resp.headers["location"]
                if self.action == "wrong_state":
                    parts = urlsplit(location)
                    q = dict(parse_qsl(parts.query))
                    q["state"] = "forged-" + q.get("state", "")
                    location = urlunsplit(parts._replace(query=urlencode(q)))
                self.redirect = location
                self.final_status = http.get(location).status_code
        except BaseException as exc:
            self.error = exc
