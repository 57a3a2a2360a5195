"""A seeded generator of Canadian law-firm contact books with ground truth, for bench_matching.

``generate(n_contacts, n_clients, seed)`` builds a Clio contact book and a Prolegis client list.
Some clients are the same people and companies as contacts, written differently: nicknames,
accents dropped, "Last, First", swapped fields, honorifics and suffixes, typos, middle
initials, case, missing or new emails and phones, other phone formats, moved addresses,
company form variants (Ltd./Limited/Inc./Ltée…), numbered companies written several ways. Other
clients are new: some are namesakes of contacts (same or nickname name, other email, phone and
city), the rest are strangers. The book itself holds namesakes, households sharing a phone or
an email, and offices sharing a line.

The nickname pairs used here are the generator's own list; a few of them are deliberately
missing from the matcher's table, so the matcher must sometimes succeed on other evidence.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field, replace

from bench import matching_vocab as V
from desktop.sync.matching.records import Address, Party


@dataclass
class Dataset:
    """A contact book, a client list and the truth: client id → contact id or None."""

    contacts: list[Party]
    clients: list[Party]
    truth: dict[str, str | None] = field(default_factory=dict)


def _mailbox(email: str) -> str:
    """The mailbox an address reaches: Gmail ignores dots, so "j.doe" and "jdoe" are one."""
    local, _, domain = email.lower().partition("@")
    return f"{local.replace('.', '')}@{domain}" if domain == "gmail.com" else email.lower()


def _zipf(items: list[str], offset: float) -> list[float]:
    return [1.0 / (rank + offset) for rank in range(len(items))]


def strip_accents(text: str) -> str:
    """Text without accents, as a hurried typist writes it."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class _Gen:
    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)
        self.emails: set[str] = set()
        self.phones: set[str] = set()
        self.numbers: set[str] = set()
        self.domains: set[str] = set()
        self.fr_given_w = _zipf(V.FR_GIVEN, 8)
        self.en_given_w = _zipf(V.EN_GIVEN, 8)
        self.fr_sur_w = _zipf(V.FR_SURNAMES, 15)
        self.en_sur_w = _zipf(V.EN_SURNAMES, 15)
        self.prov_w = [p[5] for p in V.PROVINCES]

    # --- pieces ---------------------------------------------------------------------------

    def pick(self, items: list[str], weights: list[float]) -> str:
        return self.r.choices(items, weights)[0]

    def synthetic_surname(self) -> str:
        return "".join(self.r.choice(V.SYLLABLES) for _ in range(self.r.choice((2, 3)))).title()

    def person_name(self) -> tuple[str, str, bool]:
        french = self.r.random() < 0.45
        given = self.pick(V.FR_GIVEN, self.fr_given_w) if french else self.pick(
            V.EN_GIVEN, self.en_given_w)
        if self.r.random() < 0.3:
            surname = self.synthetic_surname()
        elif self.r.random() < 0.04:
            a, b = self.pick(V.FR_SURNAMES, self.fr_sur_w), self.pick(V.FR_SURNAMES, self.fr_sur_w)
            surname = f"{a}-{b}" if a != b else a
        else:
            surname = self.pick(V.FR_SURNAMES, self.fr_sur_w) if french else self.pick(
                V.EN_SURNAMES, self.en_sur_w)
        return given, surname, french

    def email(self, given: str, surname: str, domain: str | None = None) -> str:
        g = strip_accents(given).lower().replace("-", "").replace(" ", "")
        s = strip_accents(surname).lower().replace("'", "").replace(" ", "").replace("-", "")
        pattern = self.r.choice((f"{g}.{s}", f"{g[0]}{s}", f"{g}{s}", f"{g[0]}.{s}", f"{s}.{g}"))
        domain = domain or self.r.choice(V.FREE_MAIL)
        candidate, n = f"{pattern}@{domain}", 1
        while _mailbox(candidate) in self.emails:
            n += 1
            candidate = f"{pattern}{n}@{domain}" if n < 5 else \
                f"{pattern}{self.r.randint(10, 9999)}@{domain}"
        self.emails.add(_mailbox(candidate))
        return candidate

    def phone(self, province: tuple[object, ...]) -> str:
        codes = province[3]
        assert isinstance(codes, list)
        while True:
            number = f"{self.r.choice(codes)}{self.r.randint(2, 9)}{self.r.randint(0, 99):02d}" \
                     f"{self.r.randint(0, 9999):04d}"
            if number not in self.phones:
                self.phones.add(number)
                return f"{number[:3]}-{number[3:6]}-{number[6:]}"

    def province(self) -> tuple[object, ...]:
        return self.r.choices(V.PROVINCES, self.prov_w)[0]

    def address(self, province: tuple[object, ...]) -> Address:
        code, _, letters, _, cities, _ = province
        assert isinstance(letters, str) and isinstance(cities, list) and isinstance(code, str)
        r = self.r
        street = r.choice(V.STREETS)
        if code == "QC" and r.random() < 0.7:
            line = f"{r.randint(1, 9999)}, rue {street}"
        else:
            line = f"{r.randint(1, 9999)} {street} {r.choice(V.STREET_TYPES)[0]}"
        if r.random() < 0.15:
            line = f"{r.randint(1, 40) * 100 + r.randint(1, 20)}-{line}"
        postal = f"{r.choice(letters)}{r.randint(0, 9)}{r.choice(V.POSTAL_LETTERS)} " \
                 f"{r.randint(0, 9)}{r.choice(V.POSTAL_LETTERS)}{r.randint(0, 9)}"
        return Address(line, r.choice(cities), code, postal, "CA")

    def company_name(self) -> tuple[str, str]:
        r = self.r
        if r.random() < 0.25:
            prov = self.province()
            code = str(prov[0])
            while True:
                if code == "QC":
                    n = f"9{r.randint(0, 999):03d}-{r.randint(0, 9999):04d}"
                else:
                    n = f"{r.randint(1000000, 2999999)}"
                if n not in self.numbers:
                    self.numbers.add(n)
                    break
            name = {"QC": f"{n} Québec inc.", "BC": f"{n} B.C. Ltd.",
                    "ON": f"{n} Ontario Inc."}.get(code, f"{n} {prov[1]} Ltd.")
            if r.random() < 0.15:
                name = f"{n} Canada Inc."
            return name, "numbered"
        _, s, french = self.person_name()
        s2 = self.person_name()[1]
        form = r.choice(["Ltée", "inc.", "s.e.n.c.r.l."] if french else
                        ["Ltd.", "Inc.", "Corp.", "LLP", "Limited"])
        pattern = r.randrange(6)
        if pattern == 0:
            core = f"{s} {r.choice(V.INDUSTRY)}"
        elif pattern == 1:
            core = f"{r.choice(V.PLACES)} {r.choice(V.INDUSTRY)}"
        elif pattern == 2:
            core = f"{s} {'et' if french else '&'} {s2}"
        elif pattern == 3:
            core = f"{'Les Entreprises' if french else 'The'} {s} {r.choice(V.INDUSTRY)}"
        elif pattern == 4:
            core = f"{r.choice(V.PLACES)} {s} {r.choice(V.INDUSTRY)}"
        else:
            core = f"{'Groupe' if french else ''} {r.choice(V.PLACES)} {s2}".strip()
        return f"{core} {form}", "named"

    # --- records --------------------------------------------------------------------------

    def contact_person(self, pid: str, employers: list[str]) -> Party:
        given, surname, _ = self.person_name()
        return self.person_with(pid, given, surname, employers)

    def person_with(self, pid: str, given: str, surname: str, employers: list[str]) -> Party:
        r = self.r
        prov = self.province()
        emails = [self.email(given, surname)] if r.random() < 0.88 else []
        if emails and r.random() < 0.12:
            emails.append(self.email(given, surname, domain=self.work_domain()))
        phones = [self.phone(prov)] if r.random() < 0.8 else []
        if phones and r.random() < 0.2:
            phones.append(self.phone(prov))
        addresses = [self.address(prov)] if r.random() < 0.65 else []
        employer = r.choice(employers) if employers and r.random() < 0.15 else ""
        return Party(pid, "person", given, surname, employer, tuple(emails), tuple(phones),
                     tuple(addresses))

    def work_domain(self) -> str:
        return f"{self.synthetic_surname().lower()}{self.r.choice(('law', 'cpa', 'group', ''))}.ca"

    def unique_domain(self, stem: str) -> str:
        """A domain no other company in the set uses (two firms cannot own one domain)."""
        domain, n = f"{stem}.ca", 1
        while domain in self.domains:
            n += 1
            domain = f"{stem}{n}.ca"
        self.domains.add(domain)
        return domain

    def contact_company(self, pid: str) -> Party:
        r = self.r
        name, _ = self.company_name()
        prov = self.province()
        domain = self.unique_domain(
            "".join(c for c in strip_accents(name).lower() if c.isalnum())[:14])
        emails: list[str] = []
        if r.random() < 0.75:
            candidate = f"{r.choice(('info', 'admin', 'accounts', 'office'))}@{domain}"
            if candidate in self.emails:
                candidate = f"{r.randint(1, 999)}{candidate}"
            self.emails.add(candidate)
            emails.append(candidate)
        phones = [self.phone(prov)] if r.random() < 0.8 else []
        addresses = [self.address(prov)] if r.random() < 0.75 else []
        return Party(pid, "company", company=name, emails=tuple(emails), phones=tuple(phones),
                     addresses=tuple(addresses))

    # --- variants -------------------------------------------------------------------------

    def typo(self, word: str) -> str:
        r = self.r
        if len(word) < 4:
            return word
        i = r.randint(1, len(word) - 2)
        kind = r.randrange(4)
        letter = r.choice("abcdefghijklmnopqrstuvwxyz")
        if kind == 0:
            return word[:i] + letter + word[i + 1 :]
        if kind == 1:
            return word[:i] + word[i + 1 :]
        if kind == 2:
            return word[:i] + letter + word[i:]
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]

    def phone_format(self, phone: str) -> str:
        d = "".join(c for c in phone if c.isdigit())
        a, b, c = d[:3], d[3:6], d[6:]
        fmt = self.r.choice((f"({a}) {b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"{a}{b}{c}",
                             f"1-{a}-{b}-{c}", f"{a}-{b}-{c}", f"{a} {b} {c}"))
        return fmt + (f" ext. {self.r.randint(1, 999)}" if self.r.random() < 0.05 else "")

    def address_variant(self, a: Address) -> Address:
        r = self.r
        street = a.street
        for short, long_ in V.STREET_TYPES:
            if street.endswith(" " + short) and r.random() < 0.5:
                street = street[: -len(short)] + long_
        if r.random() < 0.3:
            street = strip_accents(street)
        postal = a.postal_code.replace(" ", "") if r.random() < 0.4 else a.postal_code
        postal = postal.lower() if r.random() < 0.2 else postal
        province = a.province
        if r.random() < 0.3:
            province = next(str(p[1]) for p in V.PROVINCES if p[0] == a.province)
        city = strip_accents(a.city) if r.random() < 0.3 else a.city
        return Address(street, city, province, postal, a.country if r.random() < 0.7 else "")

    def vary_person(self, c: Party, pid: str) -> Party:
        r = self.r
        given, surname = c.first_name, c.last_name
        if given in V.NICKNAMES and r.random() < 0.10:
            given = r.choice(V.NICKNAMES[given])
        if r.random() < 0.35:
            given, surname = strip_accents(given), strip_accents(surname)
        if "-" in given and r.random() < 0.4:
            given = given.replace("-", " ")
        if r.random() < 0.04:
            given = self.typo(given)
        if r.random() < 0.04:
            surname = self.typo(surname)
        if r.random() < 0.05:
            given = f"{given} {chr(r.randint(65, 90))}."
        elif r.random() < 0.02:
            given = given[0] + "."
        if r.random() < 0.05:
            given, surname = given.upper(), surname.upper()
        if r.random() < 0.04:
            given = f"{r.choice(('Me', 'Dr.', 'Mr.', 'Mrs.', 'Mme', 'M.'))} {given}"
        if r.random() < 0.02:
            surname = f"{surname} {r.choice(('Jr.', 'Sr.', 'Q.C.', 'c.r.', 'CPA', 'III'))}"
        layout = r.random()
        if layout < 0.04:
            first, last = "", f"{surname}, {given}"
        elif layout < 0.06:
            first, last = surname, given
        elif layout < 0.08:
            first, last = f"{given} {surname}", ""
        else:
            first, last = given, surname
        return replace(self.vary_points(c), id=pid, first_name=first, last_name=last,
                       company="")

    def new_email(self, c: Party) -> str:
        if c.kind == "person":
            return self.email(c.first_name or "x", c.last_name or "x")
        stem = self.work_domain().removesuffix(".ca")
        address = f"{self.r.choice(('info', 'office', 'admin', 'billing'))}@" \
                  f"{self.unique_domain(stem)}"
        self.emails.add(address)
        return address

    def vary_points(self, c: Party) -> Party:
        """``c`` with its emails, phones and addresses varied as a second typist would."""
        r = self.r
        prov = self.province()
        u = r.random()
        emails: list[str] = list(c.emails)
        if not emails:
            emails = [self.new_email(c)] if r.random() < 0.1 else []
        elif u < 0.55:
            emails = [e.upper() if r.random() < 0.1 else e for e in emails]
        elif u < 0.70:
            emails = emails[:1]
        elif u < 0.82:
            emails = []
        elif u < 0.92:
            emails = [self.new_email(c)]
        else:
            emails = [emails[0], self.new_email(c)]
        u = r.random()
        phones = list(c.phones)
        if u < 0.55:
            phones = [self.phone_format(p) for p in phones]
        elif u < 0.80:
            phones = []
        elif u < 0.90:
            phones = [self.phone(prov)]
        else:
            phones = [self.phone_format(p) for p in phones[:1]] + [self.phone(prov)]
        u = r.random()
        addresses = list(c.addresses)
        if u < 0.5:
            addresses = [self.address_variant(a) for a in addresses]
        elif u < 0.9:
            addresses = []
        else:
            addresses = [self.address(prov)]
        return replace(c, emails=tuple(emails), phones=tuple(phones), addresses=tuple(addresses))

    def vary_company(self, c: Party, pid: str) -> Party:
        r = self.r
        name = c.company
        for form, variants in V.FORMS.items():
            if name.endswith(" " + form):
                u = r.random()
                if u < 0.5:
                    name = name[: -len(form)] + r.choice(variants)
                elif u < 0.65 and not name[0].isdigit():
                    name = name[: -len(form) - 1]
                break
        if " & " in name and r.random() < 0.5:
            name = name.replace(" & ", r.choice((" and ", " et ", " & ")))
        if name.startswith("The ") and r.random() < 0.5:
            name = name[4:]
        if name[0].isdigit():
            number, rest = name.split(" ", 1)
            if "-" in number and r.random() < 0.4:
                number = number.replace("-", "")
            rest = strip_accents(rest) if r.random() < 0.5 else rest
            name = f"{number} {rest}"
            if r.random() < 0.1:
                name += f" o/a {r.choice(V.PLACES)} {r.choice(V.INDUSTRY)}"
        else:
            if r.random() < 0.3:
                name = strip_accents(name)
            if r.random() < 0.04:
                words = name.split()
                i = max(range(len(words)), key=lambda j: len(words[j]))
                words[i] = self.typo(words[i])
                name = " ".join(words)
        if r.random() < 0.1:
            name = name.upper()
        return replace(self.vary_points(c), id=pid, company=name)

    def namesake(self, c: Party, pid: str, employers: list[str]) -> Party:
        """Another party with the same name as contact ``c`` (a different person/company)."""
        r = self.r
        if c.kind == "company":
            if c.company[0].isdigit():
                return self.contact_company(pid)
            core = c.company.rsplit(" ", 1)[0]
            other = self.contact_company(pid)
            form = r.choice(("Inc.", "Ltd.", "Ltée", "Corp."))
            return replace(other, company=f"{core} {form}")
        given = c.first_name
        if given in V.NICKNAMES and r.random() < 0.2:
            given = r.choice(V.NICKNAMES[given])
        if r.random() < 0.3:
            given = strip_accents(given)
        p = self.person_with(pid, given, c.last_name, employers)
        if not p.emails and not p.phones:
            p = replace(p, emails=(self.email(given, c.last_name),))
        return p


def generate(n_contacts: int, n_clients: int, seed: int = 2026, overlap: float = 0.6,
             namesakes: float = 0.35) -> Dataset:
    """A contact book of ``n_contacts``, ``n_clients`` clients of which ``overlap`` are
    contacts written differently and, of the rest, ``namesakes`` are namesakes of contacts."""
    g = _Gen(seed)
    r = g.r
    contacts: list[Party] = []
    employers: list[str] = []
    for i in range(n_contacts):
        pid = f"clio-{i + 1}"
        if r.random() < 0.22:
            contact = g.contact_company(pid)
            employers.append(contact.company)
        elif contacts and r.random() < 0.03:
            twin = r.choice(contacts)
            contact = g.namesake(twin, pid, employers) if twin.kind == "person" else \
                g.contact_person(pid, employers)
        elif contacts and r.random() < 0.02:
            spouse = r.choice(contacts)
            contact = g.contact_person(pid, employers)
            if spouse.kind == "person" and spouse.last_name:
                contact = replace(contact, last_name=spouse.last_name,
                                  phones=spouse.phones[:1] + contact.phones[1:],
                                  addresses=spouse.addresses)
                if r.random() < 0.25:
                    contact = replace(contact, emails=spouse.emails[:1])
        else:
            contact = g.contact_person(pid, employers)
        contacts.append(contact)
    clients: list[Party] = []
    truth: dict[str, str | None] = {}
    n_same = int(n_clients * overlap)
    for j, c in enumerate(r.sample(contacts, min(n_same, len(contacts)))):
        pid = f"c-{j + 1}"
        client = g.vary_company(c, pid) if c.kind == "company" else g.vary_person(c, pid)
        clients.append(client)
        truth[pid] = c.id
    for j in range(len(clients), n_clients):
        pid = f"c-{j + 1}"
        if r.random() < namesakes:
            client = g.namesake(r.choice(contacts), pid, employers)
        elif r.random() < 0.22:
            client = g.contact_company(pid)
        else:
            client = g.contact_person(pid, employers)
        clients.append(client)
        truth[pid] = None
    order = list(range(len(clients)))
    r.shuffle(order)
    return Dataset(contacts, [clients[k] for k in order], truth)
