"""Realistic read models for the GUI tests, the screenshots and the benchmark: a law firm's matters
(long names, accents, every state), a matter's documents, and an activity log."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from desktop.sync.messages import Message, msg
from desktop.sync.views import (
    ActivityLogEntry,
    ClientChip,
    DocumentState,
    DocumentView,
    EngineState,
    EngineStatus,
    MatterSuggestion,
    MatterSyncState,
    MatterView,
)

NOW = datetime(2025, 3, 14, 15, 20, tzinfo=UTC)

_FIRST = [
    "Ada",
    "Marguerite-Éléonore",
    "Jean-François",
    "Rita",
    "Bartholomew",
    "Chloé",
    "Hélène",
    "Oluwaseun",
    "Siobhán",
    "Priya",
    "Mathieu",
    "Zoë",
    "Kwame",
    "Ingrid",
    "Tomasz",
    "Aïcha",
]
_LAST = [
    "Lovelace",
    "Tremblay-Okafor",
    "Côté",
    "Okafor",
    "Nguyen",
    "Gagnon",
    "Bouchard",
    "MacLeod",
    "Singh",
    "Fitzgerald-Ducharme",
    "Lévesque",
    "Wójcik",
    "Haddad",
    "St-Pierre",
    "Bélanger",
]
_COMPANIES = [
    "9876-5432 Québec inc.",
    "Prairie Holdings Ltd.",
    "Northern Lights Realty Corp.",
    "Érablière Saint-Joseph S.E.N.C.",
    "1234567 Alberta Ltd.",
    "Bow River Developments Inc.",
]
_STREETS = [
    "Elm St",
    "Birch Cres",
    "Rue Saint-Denis",
    "Boulevard René-Lévesque Ouest",
    "Maple Ave",
    "Chemin de la Côte-des-Neiges",
    "Prairie Rd NW",
    "Lakeshore Blvd W",
]
_KINDS = ["Purchase of", "Sale of", "Refinance of", "Estate of", "Purchase of", "Sale of"]

# Weights of the states in a realistic list: most matters in sync, a few need the user.
_STATES = [
    (MatterSyncState.IN_SYNC, 60),
    (MatterSyncState.NOT_SYNCED, 14),
    (MatterSyncState.PENDING, 6),
    (MatterSyncState.SYNCING, 5),
    (MatterSyncState.NEEDS_CLIENT, 4),
    (MatterSyncState.CONFLICT, 3),
    (MatterSyncState.ERROR, 2),
    (MatterSyncState.PAUSED, 2),
    (MatterSyncState.WAITING, 2),
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def make_matter(i: int, rng: random.Random, state: MatterSyncState | None = None) -> MatterView:
    """Matter number ``i`` (``2025-0107`` style) with plausible clients and counts."""
    year = 2025 - (i % 7)
    number = f"{year}-{i // 7 + 1:04d}"
    kind = rng.choice(_KINDS)
    if kind == "Estate of":
        title = f"Estate of {_person(rng)}"
    else:
        title = f"{kind} {rng.randint(1, 9999)} {rng.choice(_STREETS)}"
    if state is None:
        state = rng.choices([s for s, _ in _STATES], [w for _, w in _STATES])[0]
    n_clients = rng.choice([1, 1, 2, 2, 3])
    names = [
        rng.choice(_COMPANIES) if rng.random() < 0.2 else _person(rng) for _ in range(n_clients)
    ]
    linked_matter = state not in (MatterSyncState.NOT_SYNCED, MatterSyncState.NEEDS_CLIENT)
    clients = tuple(
        ClientChip(
            f"c-{i}-{k}",
            name,
            None
            if state == MatterSyncState.NEEDS_CLIENT or (not linked_matter and rng.random() < 0.5)
            else 10_000 + i * 3 + k,
        )
        for k, name in enumerate(names)
    )
    last_name = names[0].split()[-1].rstrip(".")
    uploading = rng.randint(1, 6) if state == MatterSyncState.SYNCING else 0
    downloading = rng.randint(0, 3) if state == MatterSyncState.SYNCING else 0
    pending = (
        rng.randint(1, 12) if state in (MatterSyncState.PENDING, MatterSyncState.SYNCING) else 0
    )
    conflicts = rng.randint(1, 3) if state == MatterSyncState.CONFLICT else 0
    detail = {
        MatterSyncState.NEEDS_CLIENT: "Needs a linked client: " + ", ".join(names),
        MatterSyncState.NOT_SYNCED: "Pre-existing matter: choose “Sync with Clio” to link it.",
        MatterSyncState.ERROR: "The matter folder was moved or deleted outside Prolegis.",
        MatterSyncState.CONFLICT: f"{conflicts} version conflict(s) to resolve",
        MatterSyncState.PAUSED: "12 deletions held: confirm or restore them.",
        MatterSyncState.WAITING: "Waiting for you to confirm creating new Clio matters.",
    }.get(state, "")
    synced = linked_matter and state != MatterSyncState.WAITING
    clio_id = 500_000 + i if synced else None
    return MatterView(
        matter_id=f"m-{number}",
        number=number,
        title=title,
        status=rng.choice(["open", "open", "open", "pending", "closed"]),
        clients=clients,
        preexisting=state == MatterSyncState.NOT_SYNCED or rng.random() < 0.3,
        folder=f"/home/clerk/Prolegis/Matters/{number} {title}",
        state=state,
        state_detail=detail,
        clio_matter_id=clio_id,
        clio_display_number=f"{i % 100000:05d}-{last_name}" if clio_id else "",
        clio_web_url=f"https://ca.app.clio.com/nc/#/matters/{clio_id}" if clio_id else "",
        uploading=uploading,
        downloading=downloading,
        pending=pending,
        conflicts=conflicts,
        historical=rng.randint(0, 40) if linked_matter else 0,
        errors=1 if state == MatterSyncState.ERROR else 0,
        documents=rng.randint(3, 120),
        last_sync=(NOW - timedelta(minutes=rng.randint(1, 60 * 72))).isoformat()
        if synced
        else None,
        open_date=(NOW - timedelta(days=rng.randint(1, 2000))).date().isoformat(),
    )


def make_matters(n: int, seed: int = 7) -> list[MatterView]:
    """``n`` matters, every state present (the first nine rows cover each state once)."""
    rng = random.Random(seed)
    states = list(MatterSyncState)
    out = [make_matter(i + 1, rng, states[i] if i < len(states) else None) for i in range(n)]
    return out


def feature_matter() -> MatterView:
    """The matter the screenshots open: long title, two clients (one linked), in sync."""
    return MatterView(
        matter_id="m-2025-0107",
        number="2025-0107",
        title="Estate of Marguerite-Éléonore Tremblay-Okafor",
        status="open",
        clients=(
            ClientChip("c-7", "Marguerite-Éléonore Tremblay-Okafor", 20_107),
            ClientChip("c-8", "9876-5432 Québec inc.", None),
        ),
        preexisting=False,
        folder="/home/clerk/Prolegis/Matters/2025-0107 Estate of Tremblay-Okafor",
        state=MatterSyncState.SYNCING,
        state_detail="Syncing (2↑ 1↓)",
        clio_matter_id=700_107,
        clio_display_number="00107-Tremblay-Okafor",
        clio_web_url="https://ca.app.clio.com/nc/#/matters/700107",
        uploading=2,
        downloading=1,
        pending=3,
        historical=2,
        conflicts=1,
        documents=11,
        last_sync=(NOW - timedelta(minutes=2)).isoformat(),
        open_date="2025-01-20",
    )


def preexisting_matter() -> MatterView:
    return MatterView(
        matter_id="m-2024-0302",
        number="2024-0302",
        title="Estate of Bernadette Côté",
        status="open",
        clients=(ClientChip("c-30", "Jean-François Côté", 20_302),),
        preexisting=True,
        folder="/home/clerk/Prolegis/Matters/2024-0302 Estate of Côté",
        state=MatterSyncState.NOT_SYNCED,
        state_detail="Pre-existing matter: choose “Sync with Clio” to link it.",
        documents=24,
        historical=24,
        open_date="2024-06-03",
    )


def suggestions_for(matter: MatterView) -> tuple[MatterSuggestion, ...]:
    return (
        MatterSuggestion(
            800_302,
            "00302-Côté",
            "Estate of Bernadette Côté",
            "Jean-François Côté",
            94.0,
            ("same client", "same description"),
        ),
        MatterSuggestion(
            800_288,
            "00288-Côté",
            "Côté — Purchase of 4 Birch Cres",
            "Jean-François Côté",
            61.0,
            ("same client",),
        ),
    )


def make_documents(matter: MatterView) -> tuple[DocumentView, ...]:
    """A matter folder with every document state, in-flight transfers included."""
    m = matter.matter_id
    t = (NOW - timedelta(hours=3)).isoformat()
    return (
        DocumentView(
            m, "Statement of Adjustments.pdf", 212_000, t, DocumentState.IN_SYNC, clio_document_id=1
        ),
        DocumentView(m, "Letter to lender.docx", 48_500, t, DocumentState.UPLOADING, progress=0.62),
        DocumentView(
            m,
            "Correspondence/Email from executor 2025-03-02.msg",
            1_204_000,
            t,
            DocumentState.DOWNLOADING,
            progress=0.18,
            clio_document_id=3,
        ),
        DocumentView(
            m, "Correspondence/Reply to Revenu Québec.pdf", 96_000, t, DocumentState.PENDING
        ),
        DocumentView(
            m,
            "Old will (2011).pdf",
            3_400_000,
            "2011-05-02T10:00:00+00:00",
            DocumentState.HISTORICAL,
        ),
        DocumentView(
            m,
            "Probate/Application for probate — draft.docx",
            88_000,
            "2019-11-20T10:00:00+00:00",
            DocumentState.HISTORICAL,
        ),
        DocumentView(
            m,
            "Probate/Affidavit of execution.pdf",
            150_000,
            t,
            DocumentState.CONFLICT,
            detail="Changed here and in Clio since the last sync",
            clio_document_id=7,
        ),
        DocumentView(
            m,
            "Probate/Inventory of assets.xlsx",
            67_000,
            t,
            DocumentState.ERROR,
            detail="Clio refused the file name: remove the “:” and it will sync again.",
        ),
        DocumentView(
            m,
            "Title search.pdf",
            512_000,
            t,
            DocumentState.WAITING,
            detail="Open in Word: it will sync once you close it.",
        ),
        DocumentView(
            m, "Scans/ID — executor.jpg", 2_100_000, t, DocumentState.IN_SYNC, clio_document_id=10
        ),
        DocumentView(
            m,
            "Scans/Death certificate.pdf",
            380_000,
            t,
            DocumentState.HELD,
            detail="Deleted in Clio: held by the deletion guard",
        ),
    )


def historical_documents(matter: MatterView) -> tuple[DocumentView, ...]:
    """A pre-existing matter's folder: every file historical (not in Clio)."""
    names = [
        "Will of Bernadette Côté (2009).pdf",
        "Letters probate.pdf",
        "Estate inventory.xlsx",
        "Correspondence/Letter to beneficiaries.docx",
        "Correspondence/Bank confirmation.pdf",
        "Tax/T1 final return 2023.pdf",
        "Tax/Clearance certificate request.pdf",
    ]
    return tuple(
        DocumentView(
            matter.matter_id,
            name,
            40_000 + 9_000 * i,
            (NOW - timedelta(days=300 + 20 * i)).isoformat(),
            DocumentState.HISTORICAL,
        )
        for i, name in enumerate(names)
    )


def make_history(n: int = 40, seed: int = 3) -> tuple[ActivityLogEntry, ...]:
    """An activity log, oldest first, with uploads, downloads, creations, pushes and errors —
    the engine's own lines (``desktop.sync.messages`` templates), so they show translated."""
    rng = random.Random(seed)
    rows = []
    kinds: list[tuple[str, str, Callable[[str, MatterView], Message], Message | None]] = [
        ("upload", "ok", lambda f, m: msg("Uploaded {path}", path=f), None),
        ("download", "ok", lambda f, m: msg("Downloaded {path}", path=f), None),
        (
            "matter_created",
            "ok",
            lambda f, m: msg(
                "Matter created in Clio as {number}", number=m.clio_display_number or m.number
            ),
            None,
        ),
        (
            "push",
            "ok",
            lambda f, m: msg(
                "Copied {source} into the matter folder as {path}",
                source=f"/home/jdoe/Downloads/{f}",
                path=f,
            ),
            None,
        ),
        (
            "time_entry",
            "ok",
            lambda f, m: msg(
                "Time entry {hours} h ({date}{note}) pushed to Clio",
                hours="1.5",
                date="2025-03-14",
                note=", Review title search",
            ),
            None,
        ),
        (
            "error",
            "error",
            lambda f, m: msg("{path}: {reason}", path=f, reason="Permission denied"),
            msg("Tried {n} time(s); it will be tried again.", n=2),
        ),
        (
            "conflict",
            "warning",
            lambda f, m: msg(
                "{path}: changed here and in Clio; both kept ({copy})",
                path=f,
                copy=f.replace(".", " (conflicted copy, J. Smith, 2025-03-14 0920).", 1),
            ),
            None,
        ),
    ]
    files = [
        "Letter to lender.docx",
        "Statement of Adjustments.pdf",
        "Title search.pdf",
        "Affidavit of execution.pdf",
        "Reply to Revenu Québec.pdf",
    ]
    for i in range(n):
        kind, result, said, detail = rng.choices(kinds, [30, 20, 6, 6, 8, 3, 2])[0]
        m = make_matter(rng.randint(1, 400), rng, MatterSyncState.IN_SYNC)
        at = NOW - timedelta(minutes=(n - i) * 7)
        message = said(rng.choice(files), m)
        rows.append(
            ActivityLogEntry(
                id=i + 1,
                at=at.isoformat(),
                kind=kind,
                result=result,
                matter_id=m.matter_id,
                matter_label=f"{m.number} {m.title}",
                message=message.text(),
                detail=detail.text() if detail else "",
                template=message.template,
                params=message.params,
                detail_template=detail.template if detail else "",
                detail_params=detail.params if detail else (),
            )
        )
    return tuple(rows)


def status(state: EngineState = EngineState.IDLE, **kw: object) -> EngineStatus:
    base: dict[str, object] = {
        "last_sync": (NOW - timedelta(minutes=2)).isoformat(),
        "matters_total": 500,
        "matters_linked": 431,
    }
    base.update(kw)
    return EngineStatus(state=state, **base)  # type: ignore[arg-type]
