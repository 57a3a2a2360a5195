"""A realistic, seeded Canadian conveyancing/estates firm for the demo, tests and benchmarks.

English and French clients (accents included), numbered companies ("9876-5432 Québec inc."),
purchases, sales, refinancings, estates and wills, with their usual documents and the time and
expenses of a small team. Same seed and sizes → byte-identical workspace.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from desktop.prolegis.builder import TickingClock, WorkspaceBuilder
from desktop.prolegis.records import Address, Client, MatterStatus

_EN_FIRST = ["Ada", "James", "Olivia", "Liam", "Emma", "Noah", "Zoë", "Siobhán", "Oluwaseun",
             "Mei-Ling", "Gurpreet", "Priya", "Daniel", "Grace", "Aiden", "Chloë", "Raj", "Hannah"]
_EN_LAST = ["Lovelace", "MacDonald", "O'Brien", "Okafor", "Chen", "Singh", "Dhillon", "Thompson",
            "Wong", "Patel", "Campbell", "Nguyen", "Fraser", "McKenzie", "Kowalski", "Anderson"]
_FR_FIRST = ["Élise", "François", "Renée", "Jérôme", "Hélène", "Benoît", "Maëlle", "Gaétan",
             "Amélie", "Stéphane", "Josée", "Léa", "Noël", "Céline", "Théo", "Geneviève"]
_FR_LAST = ["Gagnon", "Côté", "Lévesque", "Tremblay", "Bélanger", "Bouchard", "Pelletier",
            "Gauthier", "Fortin", "Ouellet", "Bérubé", "Desjardins", "Thériault", "Lefèbvre"]
_COMPANIES = ["Prairie Holdings Ltd.", "Maple Ridge Developments Inc.", "Boréal Construction ltée",
              "Les Immeubles Saint-Laurent inc.", "Chinook Property Management Ltd.",
              "Northern Lights Realty Corp.", "Gestion Côté & Fils inc.", "Bow Valley Homes Ltd."]
_EN_STREETS = ["Elm St", "Bay Rd", "King St W", "Maple Cres", "Lakeshore Dr", "Cedar Ave",
               "Whyte Ave", "Jasper Ave", "Kensington Rd NW", "Sunnyside Blvd"]
_FR_STREETS = ["rue Saint-Denis", "boul. René-Lévesque", "rue Sainte-Catherine",
               "av. du Mont-Royal", "rue des Érables", "chemin de la Côte-des-Neiges",
               "rue Saint-Jean", "boul. Laurier"]
_EN_CITIES = [("Calgary", "AB", "T2P 1J9", "403"), ("Edmonton", "AB", "T5J 0N3", "780"),
              ("Toronto", "ON", "M5H 2N2", "416"), ("Ottawa", "ON", "K1P 5G4", "613"),
              ("Vancouver", "BC", "V6B 1A1", "604"), ("Winnipeg", "MB", "R3C 4T3", "204")]
_FR_CITIES = [("Montréal", "QC", "H2X 1Y4", "514"), ("Québec", "QC", "G1R 4P5", "418"),
              ("Gatineau", "QC", "J8X 3X7", "819"), ("Trois-Rivières", "QC", "G9A 5H3", "819")]

_DOCS = {
    "purchase": ["Agreement of Purchase and Sale.pdf", "Statement of Adjustments.docx",
                 "Title Search.pdf", "Correspondence/Initial client letter.pdf",
                 "Correspondence/Letter to lender.docx", "Closing/Direction re Funds.docx",
                 "Closing/Reporting Letter.docx", "Notes.txt"],
    "sale": ["Agreement of Purchase and Sale.pdf", "Statement of Adjustments.docx",
             "Discharge Statement.pdf", "Correspondence/Initial client letter.pdf",
             "Closing/Transfer.pdf", "Notes.txt"],
    "refinance": ["Mortgage Commitment.pdf", "Title Search.pdf",
                  "Correspondence/Initial client letter.pdf", "Closing/Reporting Letter.docx"],
    "estate": ["Will.pdf", "Death Certificate.pdf", "Application for Probate.docx",
               "Inventory of Assets.docx", "Correspondence/Letter to beneficiaries.docx",
               "Notes.txt"],
    "will": ["Will (draft).docx", "Power of Attorney.docx", "Personal Directive.docx",
             "Correspondence/Initial client letter.pdf"],
    "vente": ["Promesse d'achat.pdf", "Acte de vente.docx", "État des rajustements.docx",
              "Correspondance/Lettre au client.pdf", "Notes.txt"],
    "achat": ["Promesse d'achat.pdf", "Certificat de localisation.pdf", "Acte de vente.docx",
              "Correspondance/Lettre au prêteur.docx", "Notes.txt"],
    "succession": ["Testament.pdf", "Certificat de décès.pdf", "Inventaire des biens.docx",
                   "Correspondance/Lettre aux héritiers.docx", "Notes.txt"],
}
_FRENCH_TYPES = {"vente", "achat", "succession"}
_TYPE_WEIGHTS = {"purchase": 24, "sale": 18, "refinance": 8, "estate": 12, "will": 10,
                 "vente": 12, "achat": 10, "succession": 6}
_TEAM = {"jdoe": Decimal("350.00"), "mtremblay": Decimal("395.00"),
         "asingh": Decimal("275.00"), "lgagnon": Decimal("175.00")}
_EN_NOTES = ["Review title search", "Draft statement of adjustments", "Telephone call with client",
             "Review agreement of purchase and sale", "Prepare closing documents",
             "Attend to registration", "Correspondence with lender", "Prepare probate application"]
_FR_NOTES = ["Révision du titre", "Préparation de l'acte de vente", "Appel avec le client",
             "Vérification du certificat de localisation", "Correspondance avec le notaire",
             "Préparation de l'inventaire"]
_EN_EXPENSES = [("Courier", 12, 45), ("Land titles search fee", 10, 30),
                ("Registration fee", 50, 120), ("Photocopies", 2, 25)]
_FR_EXPENSES = [("Messagerie", 12, 40), ("Frais de publicité foncière", 40, 150),
                ("Photocopies", 2, 25)]
_TODAY = date(2026, 11, 20)
_CANONICAL = ("Purchase of 12 Elm St", "Estate of R. Okafor", "Vente du 45 rue Saint-Denis")


@dataclass
class _Ctx:
    rng: random.Random
    builder: WorkspaceBuilder
    used_numbers: set[str]
    year_seq: dict[int, int]
    emails: set[str]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch in ".-")


def _person(ctx: _Ctx, french: bool, first: str | None = None, last: str | None = None,
            cid: str | None = None) -> Client:
    rng = ctx.rng
    first = first or rng.choice(_FR_FIRST if french else _EN_FIRST)
    last = last or rng.choice(_FR_LAST if french else _EN_LAST)
    city, prov, postal, area = rng.choice(_FR_CITIES if french else _EN_CITIES)
    n = len(ctx.builder.clients)
    street = f"{rng.randint(1, 999)} {rng.choice(_FR_STREETS if french else _EN_STREETS)}"
    if cid == "c-1001":  # the client of the format note's example
        street, city, prov, postal, area = "12 Elm St", "Calgary", "AB", "T2P 1J9", "403"
    email = f"{_ascii(first)}.{_ascii(last)}@example.{'org' if french else 'com'}"
    if email in ctx.emails:
        email = email.replace("@", f"{n}@")
    ctx.emails.add(email)
    return ctx.builder.add_client(
        first, last, id=cid,
        emails=[email],
        phones=[f"{area}-555-{100 + n % 100:04d}"],
        addresses=[Address(street, city, prov, postal, "CA")],
    )


def _company(ctx: _Ctx, name: str | None = None, cid: str | None = None) -> Client:
    rng = ctx.rng
    if name is None:
        if rng.random() < 0.5:
            name = f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)} Québec inc."
        else:
            prov = rng.choice(["Alberta Ltd.", "Ontario Inc.", "B.C. Ltd.", "Manitoba Ltd."])
            name = f"{rng.randint(1000000, 2999999)} {prov}"
    n = len(ctx.builder.clients)
    return ctx.builder.add_client(
        company=name, id=cid, emails=[f"info{n}@example.net"], phones=[f"587-555-{n % 100:04d}"]
    )


def _number(ctx: _Ctx, year: int) -> str:
    while True:
        ctx.year_seq[year] = ctx.year_seq.get(year, 0) + 1
        number = f"{year}-{ctx.year_seq[year]:04d}"
        if number not in ctx.used_numbers:
            ctx.used_numbers.add(number)
            return number


def _title(ctx: _Ctx, kind: str, clients: list[Client]) -> str:
    rng = ctx.rng
    n = rng.randint(1, 1500)
    if kind in ("purchase", "sale", "refinance"):
        verb = {"purchase": "Purchase", "sale": "Sale", "refinance": "Refinance"}[kind]
        return f"{verb} of {n} {rng.choice(_EN_STREETS)}"
    if kind in ("vente", "achat"):
        return f"{kind.capitalize()} du {n} {rng.choice(_FR_STREETS)}"
    if kind == "estate":
        return f"Estate of {rng.choice(_EN_FIRST)[0]}. {rng.choice(_EN_LAST)}"
    if kind == "succession":
        return f"Succession de {rng.choice(_FR_FIRST)[0]}. {rng.choice(_FR_LAST)}"
    return f"Wills and Powers of Attorney for {clients[0].display_name}"


def _activities(ctx: _Ctx, matter_id: str, french: bool, opened: date, count: int) -> None:
    rng = ctx.rng
    for _ in range(count):
        day = min(_TODAY, opened + timedelta(days=rng.randint(0, 120)))
        if rng.random() < 0.75:
            author = rng.choice(list(_TEAM))
            ctx.builder.add_activity(
                matter_id, kind="time", date=day, author=author, rate=_TEAM[author],
                hours=Decimal(rng.randint(1, 35)) / 10,
                note=rng.choice(_FR_NOTES if french else _EN_NOTES),
            )
        else:
            category, lo, hi = rng.choice(_FR_EXPENSES if french else _EN_EXPENSES)
            ctx.builder.add_activity(
                matter_id, kind="expense", date=day, category=category,
                amount=Decimal(rng.randint(lo * 100, hi * 100)) / 100,
                note=category, author=rng.choice(["jdoe", "mtremblay"]),
            )


def generate_firm(
    root: Path,
    *,
    seed: int = 1,
    clients: int = 30,
    matters: int = 40,
    activities_per_matter: tuple[int, int] = (0, 6),
    documents: bool = True,
    years: tuple[int, int] = (2023, 2026),
    write: bool = True,
) -> WorkspaceBuilder:
    """Fill a workspace at ``root`` with ``clients`` clients and ``matters`` matters, their
    documents and activities, and write the manifest. Given at least four clients, the first
    three matters are "2024-0012 Purchase of 12 Elm St" (Ada Lovelace and Prairie Holdings
    Ltd.), "2025-0107 Estate of R. Okafor" and "2025-0113 Vente du 45 rue Saint-Denis"."""
    rng = random.Random(seed)
    builder = WorkspaceBuilder(root, clock=TickingClock())
    ctx = _Ctx(rng, builder, set(), {}, set())
    pool: list[Client] = []
    if clients >= 4:
        pool.append(_person(ctx, False, "Ada", "Lovelace", "c-1001"))
        pool.append(_company(ctx, "Prairie Holdings Ltd.", "c-1002"))
        pool.append(_company(ctx, "9876-5432 Québec inc.", "c-1003"))
        pool.append(_person(ctx, False, "Chidi", "Okafor", "c-1004"))
    names = iter(_COMPANIES[1:])
    while len(pool) < clients:
        roll = rng.random()
        if roll < 0.78:
            pool.append(_person(ctx, french=roll < 0.3))
        else:
            pool.append(_company(ctx, next(names, None)))
    quebec = [c.addresses and c.addresses[0].province == "QC" for c in pool]
    french_pool = [c for c, qc in zip(pool, quebec, strict=True) if qc] or pool
    other_pool = [c for c, qc in zip(pool, quebec, strict=True) if not qc] or pool
    people = [c for c in other_pool if c.kind == "person"] or other_pool
    kinds, weights = list(_TYPE_WEIGHTS), list(_TYPE_WEIGHTS.values())
    for i in range(matters):
        if i < 3 and len(pool) >= 4:
            kind = ("purchase", "estate", "vente")[i]
            number = ("2024-0012", "2025-0107", "2025-0113")[i]
            ctx.used_numbers.add(number)
            title = _CANONICAL[i]
            chosen = [[pool[0], pool[1]], [pool[3]], [pool[2]]][i]
        else:
            kind = rng.choices(kinds, weights)[0]
            number = _number(ctx, rng.randint(*years))
            source = french_pool if kind in _FRENCH_TYPES else other_pool
            if kind == "will":
                source = people
            chosen = rng.sample(source, k=min(len(source), 2 if rng.random() < 0.3 else 1))
            title = _title(ctx, kind, chosen)
        year = int(number[:4])
        opened = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
        status: MatterStatus = "open"
        if year < years[1] and rng.random() < 0.4:
            status = "closed"
        elif rng.random() < 0.12:
            status = "pending"
        matter = builder.add_matter(
            title, number=number, status=status, open_date=opened,
            client_ids=[c.id for c in chosen],
        )
        if documents:
            docs = _DOCS[kind]
            for rel in sorted(rng.sample(docs, k=rng.randint(min(2, len(docs)), len(docs)))):
                builder.add_document(matter.id, rel)
        _activities(ctx, matter.id, kind in _FRENCH_TYPES, opened,
                    rng.randint(*activities_per_matter))
    if write:
        builder.write()
    return builder
