"""Read-model values for the dialog tests and the screenshots: realistic, long names."""

from __future__ import annotations

from desktop.sync.views import (
    CandidateView,
    ClientMatchView,
    ConflictView,
    EvidenceView,
    GuardView,
    VersionInfo,
)

LONG_PERSON = "Marguerite-Éléonore Tremblay-Okafor"
LONG_COMPANY = "9876-5432 Québec inc."


def conflict(
    cid: int,
    name: str = "Title search.pdf",
    matter: str = "2024-0012 Purchase of 12 Elm St",
    *,
    local_path: str = "",
    clio_path: str = "",
) -> ConflictView:
    return ConflictView(
        conflict_id=cid,
        matter_id=f"m-{matter.split()[0]}",
        matter_label=matter,
        rel_path=f"Correspondence/{name}",
        local=VersionInfo(
            name=name, size=212_480, modified="2026-11-20T19:02:00Z", by="you", path=local_path
        ),
        clio=VersionInfo(
            name=name,
            size=198_004,
            modified="2026-11-20T18:55:00Z",
            by="Jean-François Côté-Villeneuve",
            path=clio_path,
        ),
        detected_at="2026-11-20T19:03:00Z",
    )


def three_conflicts() -> list[ConflictView]:
    return [
        conflict(11, "Title search.pdf"),
        conflict(
            12,
            "Statement of Adjustments — final, revised after lender's comments.docx",
            "2025-0107 Estate of Marguerite-Éléonore Tremblay-Okafor",
        ),
        conflict(13, "Letter to lender.docx", "2024-0301 Sale of 4 Birch Crescent"),
    ]


def deletion_guard(matter_id: str = "m-2024-0012", n: int = 63) -> GuardView:
    return GuardView(
        kind="deletions",
        matter_id=matter_id,
        items=tuple(f"Correspondence/Letter {i:03d} to {LONG_PERSON}.pdf" for i in range(n)),
        message=f"{n} documents were deleted on this computer in one pass.",
    )


def new_matters_guard(n: int = 12) -> GuardView:
    return GuardView(
        kind="new_matters",
        matter_id=None,
        items=tuple(
            f"2026-{i:04d} Purchase of {i} Rue Saint-Jean-Baptiste, {LONG_COMPANY}"
            for i in range(1, n + 1)
        ),
        message=f"{n} new matters appeared in Prolegis since the last sync.",
    )


def evidence(*pairs: tuple[str, str, str]) -> tuple[EvidenceView, ...]:
    return tuple(EvidenceView(field=f, verdict=v, detail=d) for f, v, d in pairs)


def client(
    i: int,
    band: str,
    name: str | None = None,
    *,
    ncand: int = 3,
    on_new_matters: tuple[str, ...] = (),
) -> ClientMatchView:
    nm = name or f"Client {i:04d} Lévesque-Nakamura"
    cands = []
    if band != "none":
        for k in range(ncand):
            score = {"confident": 97.0, "review": 74.0, "linked": 99.0}.get(band, 50.0) - 18 * k
            cands.append(
                CandidateView(
                    contact_id=10_000 + i * 10 + k,
                    name=nm if k == 0 else f"{nm.split()[0]} {['Trembley', 'Okafor'][k % 2]}",
                    score=score,
                    evidence=evidence(
                        ("name", "agrees" if k == 0 else "partial", nm),
                        ("email", "agrees" if k == 0 else "disagrees", f"c{i}@lexmail.ca"),
                        ("phone", "agrees", "403-555-0142"),
                    ),
                    summary=f"c{i}@lexmail.ca · 403-555-0142 · Calgary AB",
                )
            )
    linked = band == "linked"
    return ClientMatchView(
        client_id=f"c-{1000 + i}",
        name=nm,
        kind="person",
        summary=f"c{i}@lexmail.ca · 403-555-0142 · Calgary AB",
        band=band,
        linked_contact_id=cands[0].contact_id if linked and cands else None,
        linked_contact_name=nm if linked else "",
        candidates=tuple(cands),
        on_new_matters=on_new_matters,
    )


def many_clients(n: int = 240) -> list[ClientMatchView]:
    bands = ("review", "confident", "confident", "none", "linked", "confident")
    out = [
        client(0, "review", LONG_PERSON, on_new_matters=("2026-0042 Purchase of 7 Rue Cartier",)),
        client(1, "confident", LONG_COMPANY),
        client(2, "review", "Jean-François Côté"),
    ]
    out += [client(i, bands[i % len(bands)]) for i in range(3, n)]
    return out
