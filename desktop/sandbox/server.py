"""The API port: routes ``/oauth/*``, ``/api/v4/*`` and ``/sandbox/stats``, and wraps every
request in fault injection and statistics. For ``/api/v4`` it applies, in order: the rate limit
(per bearer token; headers on every response), ``X-API-VERSION`` (410 if unknown, echoed on
success), the bearer token (401 ``invalid_token``), then the resource handler under the store
lock."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from desktop.sandbox import choices, router
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import T_GONE, T_RATE_LIMITED, ApiError
from desktop.sandbox.faults import Decision, Rule
from desktop.sandbox.oauth import bearer_token, invalid_token_response
from desktop.sandbox.wire import Request, Response


def fault_response(rule: Rule) -> Response:
    """The answer an injected fault gives on the API port."""
    if rule.kind == "reset":
        return Response(reset=True)
    if rule.status == 429:
        resp = Response.json(
            429, {"error": {"type": T_RATE_LIMITED, "message": "Too many requests"}}
        )
        resp.set_header("Retry-After", "1")
        return resp
    text = {500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}[
        rule.status
    ]
    return Response.json(rule.status, {"error": {"type": "ServerError", "message": text}})


def apply_faults(
    core: Any,
    req: Request,
    name: str,
    work: Callable[[], Response],
    answer: Callable[[Rule], Response] = fault_response,
) -> Response:
    """Run ``work()`` under the fault rules for this request and count it; ``answer`` makes the
    response of a fault that fires."""
    decision: Decision = core.faults.decide(req.method, req.path)
    if decision.delay:
        time.sleep(decision.delay)
    rule = decision.before
    if rule is not None:
        resp = answer(rule)
    else:
        resp = work()
        rule = decision.after
        if rule is not None:
            resp = answer(rule)
    if rule is not None:
        core.stats.count("faults_injected")
        if rule.status == 429:
            core.stats.count("injected_429")
    core.stats.record(name, 0 if resp.reset else resp.status)
    return resp


class ApiApp:
    """``handle(request) -> response`` for the API port."""

    def __init__(self, core: Any) -> None:
        self.core = core

    def handle(self, req: Request) -> Response:
        path = req.path
        if path.startswith(router.PREFIX + "/"):
            found = router.match(req.method, path)
            name = found[0].name if found else f"{req.method} {router.PREFIX}/(unknown)"
            return apply_faults(self.core, req, name, lambda: self._api(req, found))
        if path.startswith("/oauth/"):
            return apply_faults(
                self.core,
                req,
                f"{req.method} {path.rstrip('/')}",
                lambda: self.core.oauth.handle(req),
            )
        if path == "/sandbox/stats" and req.method == "GET":
            return Response.json(200, self.core.stats.snapshot())
        return Response.json(
            404, {"error": {"type": "RoutingError", "message": f"No route matches {path}"}}
        )

    def _api(self, req: Request, found: tuple[router.Route, dict[str, int]] | None) -> Response:
        core = self.core
        token = bearer_token(req)
        verdict = core.limiter.hit(token or f"anonymous:{req.client_ip}")
        if not verdict.allowed:
            core.stats.count("rate_limited")
            msg = choices.RATE_LIMIT_MESSAGE.format(retry=verdict.retry_after)
            resp = Response.json(429, {"error": {"type": T_RATE_LIMITED, "message": msg}})
            resp.set_header("Retry-After", str(verdict.retry_after))
        else:
            resp = self._authorized(req, token, found)
        for k, v in verdict.headers():
            resp.set_header(k, v)
        return resp

    def _authorized(self, req: Request, token: str | None, found: Any) -> Response:
        core = self.core
        version = req.header("X-API-VERSION")
        if version is not None and version.strip() not in choices.SUPPORTED_API_VERSIONS:
            return Response.json(
                410,
                {
                    "error": {
                        "type": T_GONE,
                        "message": f"API version {version!r} is invalid or no longer supported",
                    }
                },
            )
        user_id = core.oauth.authenticate(token)
        if user_id is None:
            return invalid_token_response()
        if found is None:
            return Response.json(
                404, {"error": {"type": "RoutingError", "message": f"No route matches {req.path}"}}
            )
        route, params = found
        try:
            with core.store.lock:
                resp: Response = route.handler(
                    ApiContext(core, req, user_id, token or ""), **params
                )
        except ApiError as exc:
            resp = Response.json(exc.status, exc.body())
        if resp.status < 400:
            resp.set_header("X-API-VERSION", (version or choices.DEFAULT_API_VERSION).strip())
        return resp
