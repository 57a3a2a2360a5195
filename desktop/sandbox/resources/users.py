"""Users of the firm: ``/users/who_am_i``, ``/users``, ``/users/{id}``. Activities carry a
``user``; documents a ``creator`` (a ClioCreator: a user with ``type``)."""

from __future__ import annotations

from desktop.sandbox import filters, paging
from desktop.sandbox.context import ApiContext
from desktop.sandbox.errors import not_found
from desktop.sandbox.fields import ResourceType, common, resource
from desktop.sandbox.router import route
from desktop.sandbox.store import Record, Store
from desktop.sandbox.wire import Response

_SCALARS = (
    "account_owner",
    "clio_connect",
    "court_rules_default_attendee",
    "default_calendar_id",
    "email",
    "enabled",
    "first_name",
    "initials",
    "last_name",
    "name",
    "phone_number",
    "rate",
    "roles",
    "subscription_type",
    "time_zone",
)


def _user_type(name: str) -> ResourceType:
    rt = common(resource(name)).scalars(*_SCALARS)
    rt.null("default_activity_description", "ActivityDescription")
    rt.null("account", "Account")
    rt.null("avatar", "Avatar")
    rt.null("job_title", "JobTitle")
    rt.many("groups", "Group", lambda _c, _r: [])
    return rt


_user_type("User")
_user_type("ClioCreator").scalar("type", lambda _c, _r: "ManageUser")


def user_of(store: Store, user_id: int | None) -> Record | None:
    return store.get("users", user_id) if user_id is not None else None


def create_user(
    store: Store, name: str, email: str, *, rate: float = 0.0, owner: bool = False
) -> Record:
    """Add a firm user (as Clio's admin settings would)."""
    first, _, last = name.strip().rpartition(" ")
    if not first:
        first, last = last, ""
    initials = "".join(p[0].upper() for p in name.split() if p)
    return store.insert(
        "users",
        {
            "name": name.strip(),
            "first_name": first,
            "last_name": last,
            "email": email,
            "enabled": True,
            "rate": rate,
            "roles": ["admin"] if owner else [],
            "account_owner": owner,
            "subscription_type": "Attorney",
            "time_zone": "America/Toronto",
            "phone_number": None,
            "initials": initials,
            "clio_connect": False,
            "court_rules_default_attendee": False,
            "default_calendar_id": None,
        },
    )


@route("GET", "/users/who_am_i")
def who_am_i(ctx: ApiContext) -> Response:
    user = ctx.store.get("users", ctx.user_id)
    assert user is not None
    return ctx.record(200, "User", user)


@route("GET", "/users")
def index(ctx: ApiContext) -> Response:
    req = ctx.req
    filters.refuse(req, ("pending_setup", "include_co_counsel"))
    enabled = filters.q_bool(req, "enabled")
    name = req.q("name")
    role = req.q("role")
    sub = filters.q_enum(req, "subscription_type", ("Attorney", "NonAttorney"))
    out = []
    for u in filters.common(req, ctx.store.all("users")):
        if enabled is not None and bool(u.get("enabled")) != enabled:
            continue
        if name and not filters.text_match(name, u["name"]):
            continue
        if role and role not in (u.get("roles") or []):
            continue
        if sub and u.get("subscription_type") != sub:
            continue
        out.append(u)
    return ctx.listing("User", out, orders=paging.orders(name=paging.by("name")))


@route("GET", "/users/{id}")
def show(ctx: ApiContext, id: int) -> Response:
    user = ctx.store.get("users", id)
    if user is None:
        raise not_found("User", id)
    return ctx.record(200, "User", user)
