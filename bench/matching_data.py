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

from desktop.sync.matching.records import Address, Party

_EN_GIVEN = [
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew",
    "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Jason", "Edward",
    "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry",
    "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Patrick", "Frank",
    "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Henry", "Douglas", "Peter", "Adam",
    "Nathan", "Zachary", "Walter", "Kyle", "Harold", "Carl", "Arthur", "Gerald", "Roger", "Keith",
    "Lawrence", "Terry", "Sean", "Christian", "Ethan", "Austin", "Liam", "Noah", "Owen", "Mary",
    "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
    "Nancy", "Lisa", "Margaret", "Betty", "Sandra", "Ashley", "Dorothy", "Kimberly", "Emily",
    "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Laura",
    "Sharon", "Cynthia", "Kathleen", "Amy", "Shirley", "Angela", "Helen", "Anna", "Brenda",
    "Pamela", "Nicole", "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Catherine",
    "Carolyn", "Janet", "Ruth", "Maria", "Heather", "Diane", "Virginia", "Julie", "Joyce",
    "Victoria", "Olivia", "Kelly", "Christina", "Lauren", "Joan", "Evelyn", "Judith", "Megan",
    "Cheryl", "Andrea", "Hannah", "Martha", "Jacqueline", "Frances", "Gloria", "Ann", "Teresa",
    "Kathryn", "Sara", "Janice", "Jean", "Alice", "Madison", "Doris", "Abigail", "Julia", "Judy",
    "Grace", "Denise", "Amber", "Marilyn", "Beverly", "Danielle", "Theresa", "Sophia", "Marie",
    "Diana", "Brittany", "Natalie", "Isabella", "Charlotte", "Rose", "Alexis", "Kayla", "Priya",
    "Wei", "Mei", "Arjun", "Ravi", "Harpreet", "Gurpreet", "Jaspreet", "Amrit", "Hiroshi", "Yuki",
    "Minh", "Linh", "Ahmed", "Fatima", "Omar", "Aisha", "Mohammed", "Ali", "Sanjay", "Anil",
    "Deepak", "Sunita", "Chen", "Jin"
]
_FR_GIVEN = [
    "Jean", "Pierre", "Michel", "André", "François", "Jacques", "Daniel", "Alain", "Luc", "Claude",
    "Marc", "Denis", "Mario", "Gilles", "Sylvain", "Stéphane", "Yves", "Martin", "Richard", "Guy",
    "Normand", "Robert", "Réjean", "Benoît", "Patrick", "Éric", "Nicolas", "Mathieu", "Sébastien",
    "Maxime", "Alexandre", "Olivier", "Philippe", "Simon", "Guillaume", "Vincent", "Gabriel",
    "Félix", "Antoine", "Samuel", "Louis", "Étienne", "Frédéric", "Jérôme", "Raymond", "Gaétan",
    "Serge", "Pascal", "Hugo", "Julien", "Raphaël", "Thomas", "Émile", "William", "Benjamin",
    "Charles", "Jean-François", "Jean-Philippe", "Jean-Pierre", "Jean-Sébastien", "Pierre-Luc",
    "Marc-André", "Louis-Philippe", "Jean-Guy", "Jean-Marc", "Marie", "Julie", "Isabelle",
    "Nathalie", "Sylvie", "Chantal", "Johanne", "Manon", "Louise", "Lise", "Diane", "Josée",
    "Nicole", "Line", "Céline", "Lucie", "France", "Catherine", "Geneviève", "Valérie", "Mélanie",
    "Caroline", "Stéphanie", "Annie", "Karine", "Sophie", "Émilie", "Marie-Ève", "Marie-Claude",
    "Marie-Josée", "Anne-Marie", "Marie-Pier", "Audrey", "Véronique", "Isabeau", "Hélène",
    "Monique", "Suzanne", "Francine", "Ginette", "Danielle", "Andrée", "Élise", "Chloé", "Zoé",
    "Léa", "Camille", "Gabrielle", "Florence", "Rosalie", "Maude", "Noémie", "Ariane", "Laurence",
    "Justine", "Marguerite", "Thérèse", "Jacinthe", "Madeleine", "Régine", "Ève", "Solange",
    "Gisèle", "Huguette", "Yolande", "Renée", "Mireille", "Joëlle"
]
_FR_SURNAMES = [
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
    "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
    "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier", "Fournier",
    "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau", "Martin",
    "Landry", "Martel", "Bédard", "Grenier", "Lessard", "Bernier", "Richard", "Michaud", "Hébert",
    "Desjardins", "Couture", "Turcotte", "Lachance", "Parent", "Blais", "Gosselin", "Savard",
    "Proulx", "Beaudoin", "Demers", "Perron", "Boudreau", "Charbonneau", "D'Amours", "Lemieux",
    "Dufour", "Mercier", "Lambert", "Vachon", "Rousseau", "Gervais", "Bolduc", "Dion", "Gingras",
    "Rioux", "Labbé", "Tessier", "Plante", "Cyr", "Lemay", "Thériault", "Lalonde", "Brassard",
    "Guay", "Labelle", "Trudel", "Audet", "Giroux", "Sauvé", "Boivin", "Lacroix", "Allard",
    "Dupuis", "Carrier", "Houle", "Poitras", "Bissonnette", "Veilleux", "Deschênes", "Lebel",
    "Thibodeau", "Harvey", "Paradis", "Laroche", "Bélisle", "Corriveau", "Desrosiers", "Lapierre",
    "De Grandpré", "Saint-Onge", "Laflamme", "Beauchemin", "Lemire", "Després", "Champagne",
    "Marcotte", "Jetté", "Sirois", "Fréchette", "Lafrance", "Pépin", "Joly", "Aubé", "Bérubé",
    "Gendron", "Lachapelle", "Grégoire", "Racine", "Tanguay", "Duchesne", "Vaillancourt"
]
_EN_SURNAMES = [
    "Smith", "Brown", "Wilson", "MacDonald", "Taylor", "Campbell", "Anderson", "Jones", "Thompson",
    "White", "Williams", "Johnson", "Miller", "Stewart", "Robertson", "Scott", "Murray", "Reid",
    "Ross", "Clark", "Young", "Walker", "Mitchell", "Graham", "Ferguson", "Hamilton", "Fraser",
    "Cameron", "Morrison", "Davidson", "Watson", "Johnston", "Kennedy", "Bell", "Wright", "Martin",
    "Roberts", "Lewis", "Harris", "King", "Hall", "Allen", "Thomson", "Moore", "Baker", "Wood",
    "Hughes", "Evans", "Green", "Adams", "Nelson", "Hill", "Cook", "Morgan", "Murphy", "Kelly",
    "O'Brien", "O'Neill", "McDonald", "McKenzie", "MacLeod", "McLean", "Sullivan", "Ryan",
    "Gallagher", "Doyle", "Burke", "Walsh", "Byrne", "Quinn", "Collins", "Henderson", "Gordon",
    "Sinclair", "Grant", "Patterson", "Hunter", "Foster", "Marshall", "Boyd", "Ellis", "Fisher",
    "Russell", "Phillips", "Turner", "Parker", "Carter", "Collins", "Edwards", "Stevens", "Chapman",
    "Harrison", "Webb", "Simpson", "Price", "Barnes", "Jenkins", "Wallace", "Matheson", "Lee",
    "Wong", "Chen", "Li", "Zhang", "Wang", "Liu", "Nguyen", "Tran", "Kim", "Park", "Singh", "Patel",
    "Sharma", "Gill", "Sandhu", "Dhillon", "Grewal", "Brar", "Khan", "Ahmed", "Ali", "Hussain",
    "Chan", "Lam", "Ng", "Cheung", "Leung", "Tang", "Ho", "Yip", "Sidhu", "Kaur", "Das",
    "Rodriguez", "Garcia", "Silva", "Santos", "Costa", "Ferreira", "Rossi", "Russo", "Romano",
    "Ricci", "Kowalski", "Nowak", "Schmidt", "Müller", "Schneider", "Fischer", "Weber", "Dubois",
    "Van der Berg", "Van Dyk", "De Vries"
]
_SYLLABLES = [
    "ka", "ri", "mo", "la", "ne", "so", "ta", "vi", "du", "be", "ro", "ma", "li", "pe", "tor",
    "len", "bar", "mon", "gar", "ver", "sel", "dor", "kin", "wal", "hal", "ran", "mer", "tin",
    "lac", "bro", "van", "ost", "eck", "berg", "feld", "man", "son", "sen", "ard", "ette", "eau",
    "ier"
]

_NICKNAMES = {  # the generator's own list (some deliberately absent from the matcher's table)
    "Robert": ["Bob", "Rob", "Bobby"], "William": ["Bill", "Will", "Billy"],
    "Margaret": ["Peggy", "Maggie", "Meg"], "James": ["Jim", "Jimmy", "Jamie"],
    "Elizabeth": ["Liz", "Beth", "Betty"], "Katherine": ["Kate", "Kathy"],
    "Michael": ["Mike"], "Thomas": ["Tom", "Tommy"], "David": ["Dave"],
    "Alexander": ["Alex"], "Jennifer": ["Jen", "Jenny"], "Christopher": ["Chris"],
    "Richard": ["Rick", "Dick", "Rich"], "Joseph": ["Joe"], "Daniel": ["Dan", "Danny"],
    "Anthony": ["Tony"], "Matthew": ["Matt"], "Patricia": ["Pat", "Trish"],
    "Jean-François": ["JF"], "Jean-Philippe": ["JP"], "Pierre-Luc": ["PL"],
    "Stéphane": ["Steph"], "Frédéric": ["Fred"], "Sébastien": ["Seb"], "Maxime": ["Max"],
    "Nicolas": ["Nico"], "Benjamin": ["Ben"], "Samuel": ["Sam"], "Catherine": ["Cathy"],
    "Valérie": ["Val"], "Gabriel": ["Gab"], "Marguerite": ["Maggie"],
    "Alexandre": ["Alex"], "Philippe": ["Phil"], "Nathalie": ["Nat"], "Sophia": ["Sophie"],
    # not in the matcher's table:
    "Francine": ["Fanfan"], "Ginette": ["Gigi"], "Réjean": ["Réj"], "Normand": ["Norm"],
    "Suzanne": ["Suzie"],
}
_PROVINCES = [  # code, French/English name, postal letters, area codes, cities, weight
    ("QC", "Québec", "GHJ", ["514", "438", "450", "418", "581", "819"],
     ["Montréal", "Québec", "Laval", "Gatineau", "Longueuil", "Sherbrooke", "Saint-Jérôme",
      "Trois-Rivières", "Lévis", "Sainte-Foy"], 0.34),
    ("ON", "Ontario", "KLMNP", ["416", "647", "437", "905", "613", "519", "705"],
     ["Toronto", "Ottawa", "Mississauga", "Hamilton", "London", "Kingston", "Sudbury"], 0.30),
    ("AB", "Alberta", "T", ["403", "587", "780", "825"],
     ["Calgary", "Edmonton", "Red Deer", "Lethbridge", "St. Albert"], 0.14),
    ("BC", "British Columbia", "V", ["604", "778", "250", "236"],
     ["Vancouver", "Victoria", "Surrey", "Burnaby", "Kelowna"], 0.12),
    ("NB", "New Brunswick", "E", ["506"], ["Moncton", "Fredericton", "Saint John"], 0.04),
    ("NS", "Nova Scotia", "B", ["902"], ["Halifax", "Dartmouth", "Sydney"], 0.03),
    ("MB", "Manitoba", "R", ["204", "431"], ["Winnipeg", "Brandon"], 0.03),
]
_STREETS = [
    "Elm", "Oak", "Maple", "Main", "King", "Queen", "Church", "Victoria", "Park", "Wellington",
    "Dundas", "Bloor", "Yonge", "Sherbrooke", "Saint-Denis", "Sainte-Catherine", "Notre-Dame",
    "Saint-Laurent", "Principale", "Laurier", "Jasper", "Whyte", "Macleod", "Granville", "Robson",
    "Georgia", "Portage", "Barrington", "Water", "Mill", "Lakeshore", "Riverside", "Cedar", "Pine",
    "Birch", "Willow", "Highland", "Sunset", "Forest", "Hillcrest", "Centre"
]
_STREET_TYPES = [("St", "Street"), ("Ave", "Avenue"), ("Rd", "Road"), ("Blvd", "Boulevard"),
                 ("Dr", "Drive"), ("Cres", "Crescent")]
_POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
_FREE_MAIL = ["gmail.com", "hotmail.com", "outlook.com", "yahoo.ca", "videotron.ca",
              "sympatico.ca", "shaw.ca", "telus.net", "icloud.com", "bell.net"]
_INDUSTRY = [
    "Holdings", "Construction", "Consulting", "Properties", "Développements", "Investments",
    "Transport", "Logistics", "Foods", "Technologies", "Design", "Immobilier", "Services",
    "Ventures", "Realty", "Dental", "Pharmacy", "Motors", "Plumbing", "Electric", "Farms",
    "Acoustics", "Marine", "Printing", "Bakery"
]
_PLACES = [
    "Prairie", "Laurentian", "Northern", "Maritime", "Pacific", "Rideau", "Boreal", "Cascade",
    "Chinook", "Fundy", "Tundra", "Harbour", "Summit", "Aurora", "Bluewater", "Cedarcrest",
    "Riverbend", "Lakeview", "Maplewood", "Stoneridge", "Granite", "Silverleaf", "Westwind",
    "Eastgate", "Northstar", "Kingsway", "Belvedere"
]
_FORMS = {"Ltd.": ["Limited", "Ltd", "LTD."], "Inc.": ["Incorporated", "Inc", "inc."],
          "Ltée": ["Limitée", "ltée", "Ltee"], "inc.": ["Inc.", "Inc", "incorporée"],
          "LLP": ["L.L.P.", "llp"], "Corp.": ["Corporation", "Corp"],
          "s.e.n.c.r.l.": ["SENCRL", "S.E.N.C.R.L."], "Limited": ["Ltd.", "Ltd"]}


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
        self.fr_given_w = _zipf(_FR_GIVEN, 8)
        self.en_given_w = _zipf(_EN_GIVEN, 8)
        self.fr_sur_w = _zipf(_FR_SURNAMES, 15)
        self.en_sur_w = _zipf(_EN_SURNAMES, 15)
        self.prov_w = [p[5] for p in _PROVINCES]

    # --- pieces ---------------------------------------------------------------------------

    def pick(self, items: list[str], weights: list[float]) -> str:
        return self.r.choices(items, weights)[0]

    def synthetic_surname(self) -> str:
        return "".join(self.r.choice(_SYLLABLES) for _ in range(self.r.choice((2, 3)))).title()

    def person_name(self) -> tuple[str, str, bool]:
        french = self.r.random() < 0.45
        given = self.pick(_FR_GIVEN, self.fr_given_w) if french else self.pick(
            _EN_GIVEN, self.en_given_w)
        if self.r.random() < 0.3:
            surname = self.synthetic_surname()
        elif self.r.random() < 0.04:
            a, b = self.pick(_FR_SURNAMES, self.fr_sur_w), self.pick(_FR_SURNAMES, self.fr_sur_w)
            surname = f"{a}-{b}" if a != b else a
        else:
            surname = self.pick(_FR_SURNAMES, self.fr_sur_w) if french else self.pick(
                _EN_SURNAMES, self.en_sur_w)
        return given, surname, french

    def email(self, given: str, surname: str, domain: str | None = None) -> str:
        g = strip_accents(given).lower().replace("-", "").replace(" ", "")
        s = strip_accents(surname).lower().replace("'", "").replace(" ", "").replace("-", "")
        pattern = self.r.choice((f"{g}.{s}", f"{g[0]}{s}", f"{g}{s}", f"{g[0]}.{s}", f"{s}.{g}"))
        domain = domain or self.r.choice(_FREE_MAIL)
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
        return self.r.choices(_PROVINCES, self.prov_w)[0]

    def address(self, province: tuple[object, ...]) -> Address:
        code, _, letters, _, cities, _ = province
        assert isinstance(letters, str) and isinstance(cities, list) and isinstance(code, str)
        r = self.r
        street = r.choice(_STREETS)
        if code == "QC" and r.random() < 0.7:
            line = f"{r.randint(1, 9999)}, rue {street}"
        else:
            line = f"{r.randint(1, 9999)} {street} {r.choice(_STREET_TYPES)[0]}"
        if r.random() < 0.15:
            line = f"{r.randint(1, 40) * 100 + r.randint(1, 20)}-{line}"
        postal = f"{r.choice(letters)}{r.randint(0, 9)}{r.choice(_POSTAL_LETTERS)} " \
                 f"{r.randint(0, 9)}{r.choice(_POSTAL_LETTERS)}{r.randint(0, 9)}"
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
            core = f"{s} {r.choice(_INDUSTRY)}"
        elif pattern == 1:
            core = f"{r.choice(_PLACES)} {r.choice(_INDUSTRY)}"
        elif pattern == 2:
            core = f"{s} {'et' if french else '&'} {s2}"
        elif pattern == 3:
            core = f"{'Les Entreprises' if french else 'The'} {s} {r.choice(_INDUSTRY)}"
        elif pattern == 4:
            core = f"{r.choice(_PLACES)} {s} {r.choice(_INDUSTRY)}"
        else:
            core = f"{'Groupe' if french else ''} {r.choice(_PLACES)} {s2}".strip()
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
        for short, long_ in _STREET_TYPES:
            if street.endswith(" " + short) and r.random() < 0.5:
                street = street[: -len(short)] + long_
        if r.random() < 0.3:
            street = strip_accents(street)
        postal = a.postal_code.replace(" ", "") if r.random() < 0.4 else a.postal_code
        postal = postal.lower() if r.random() < 0.2 else postal
        province = a.province
        if r.random() < 0.3:
            province = next(str(p[1]) for p in _PROVINCES if p[0] == a.province)
        city = strip_accents(a.city) if r.random() < 0.3 else a.city
        return Address(street, city, province, postal, a.country if r.random() < 0.7 else "")

    def vary_person(self, c: Party, pid: str) -> Party:
        r = self.r
        given, surname = c.first_name, c.last_name
        if given in _NICKNAMES and r.random() < 0.10:
            given = r.choice(_NICKNAMES[given])
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
        for form, variants in _FORMS.items():
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
                name += f" o/a {r.choice(_PLACES)} {r.choice(_INDUSTRY)}"
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
        if given in _NICKNAMES and r.random() < 0.2:
            given = r.choice(_NICKNAMES[given])
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
