"""The HTML pages of the sandbox's OAuth authorize step: the consent page (Approve / Deny, and
which firm user is signed in to the browser) and the error/declined pages."""

from __future__ import annotations

from html import escape

_STYLE = """
body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0;padding:40px}
.card{max-width:460px;margin:auto;background:#fff;border-radius:8px;padding:28px;
box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:20px;margin:0 0 12px} p,li{color:#333;line-height:1.4}
.tag{display:inline-block;background:#fde68a;border-radius:4px;padding:2px 6px;font-size:12px}
button{font-size:15px;padding:8px 18px;border-radius:6px;border:1px solid #888;cursor:pointer}
button.approve{background:#0069d9;color:#fff;border-color:#0069d9}
select{font-size:14px;padding:4px;margin:6px 0 16px}
"""

PERMISSIONS = (
    "Activities: read and write",
    "Contacts: read and write",
    "Custom fields: read",
    "Documents: read and write",
    "Matters: read and write",
    "Users: read",
)


def _page(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head>"
        f"<body><div class='card'>{body}</div></body></html>"
    )


def consent_page(
    request_id: str, app_name: str, users: list[tuple[int, str, str]], signed_in: int
) -> str:
    """The page asking the signed-in user to approve or deny the app."""
    options = "".join(
        f"<option value='{uid}'{' selected' if uid == signed_in else ''}>"
        f"{escape(name)} &lt;{escape(email)}&gt;</option>"
        for uid, name, email in users
    )
    perms = "".join(f"<li>{escape(p)}</li>" for p in PERMISSIONS)
    body = (
        "<span class='tag'>Clio sandbox</span>"
        f"<h1>{escape(app_name)} would like to access your Clio account</h1>"
        f"<p>It will be able to:</p><ul>{perms}</ul>"
        "<form method='post' action='/oauth/authorize'>"
        f"<input type='hidden' name='request_id' value='{escape(request_id)}'>"
        "<label>Signed in as<br><select name='user_id'>" + options + "</select></label><br>"
        "<button class='approve' type='submit' name='decision' value='approve'>Approve</button> "
        "<button type='submit' name='decision' value='deny'>Deny</button>"
        "</form>"
    )
    return _page(f"Authorize {app_name}", body)


def error_page(title: str, message: str) -> str:
    return _page(
        title,
        f"<span class='tag'>Clio sandbox</span><h1>{escape(title)}</h1><p>{escape(message)}</p>",
    )


def declined_page() -> str:
    """Shown when the user denies and the app did not ask for ``redirect_on_decline``; the
    title follows Clio's legacy ``/oauth/approval`` convention."""
    return _page(
        "Failure error=access_denied",
        "<span class='tag'>Clio sandbox</span><h1>Access denied</h1>"
        "<p>You declined the request. You can close this window.</p>",
    )
