"""Vocabulary of the law-firm contact generator (:mod:`bench.matching_data`): English and
French given names and surnames (with accents), syllables for rare surnames, the generator's own
nickname pairs, provinces with their postal letters, area codes and cities, streets, company
words and legal-form variants."""

from __future__ import annotations

EN_GIVEN = [
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
FR_GIVEN = [
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
FR_SURNAMES = [
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
EN_SURNAMES = [
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
SYLLABLES = [
    "ka", "ri", "mo", "la", "ne", "so", "ta", "vi", "du", "be", "ro", "ma", "li", "pe", "tor",
    "len", "bar", "mon", "gar", "ver", "sel", "dor", "kin", "wal", "hal", "ran", "mer", "tin",
    "lac", "bro", "van", "ost", "eck", "berg", "feld", "man", "son", "sen", "ard", "ette", "eau",
    "ier"
]

NICKNAMES = {  # the generator's own list (some deliberately absent from the matcher's table)
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
PROVINCES = [  # code, French/English name, postal letters, area codes, cities, weight
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
STREETS = [
    "Elm", "Oak", "Maple", "Main", "King", "Queen", "Church", "Victoria", "Park", "Wellington",
    "Dundas", "Bloor", "Yonge", "Sherbrooke", "Saint-Denis", "Sainte-Catherine", "Notre-Dame",
    "Saint-Laurent", "Principale", "Laurier", "Jasper", "Whyte", "Macleod", "Granville", "Robson",
    "Georgia", "Portage", "Barrington", "Water", "Mill", "Lakeshore", "Riverside", "Cedar", "Pine",
    "Birch", "Willow", "Highland", "Sunset", "Forest", "Hillcrest", "Centre"
]
STREET_TYPES = [("St", "Street"), ("Ave", "Avenue"), ("Rd", "Road"), ("Blvd", "Boulevard"),
                 ("Dr", "Drive"), ("Cres", "Crescent")]
POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"
FREE_MAIL = ["gmail.com", "hotmail.com", "outlook.com", "yahoo.ca", "videotron.ca",
              "sympatico.ca", "shaw.ca", "telus.net", "icloud.com", "bell.net"]
INDUSTRY = [
    "Holdings", "Construction", "Consulting", "Properties", "Développements", "Investments",
    "Transport", "Logistics", "Foods", "Technologies", "Design", "Immobilier", "Services",
    "Ventures", "Realty", "Dental", "Pharmacy", "Motors", "Plumbing", "Electric", "Farms",
    "Acoustics", "Marine", "Printing", "Bakery"
]
PLACES = [
    "Prairie", "Laurentian", "Northern", "Maritime", "Pacific", "Rideau", "Boreal", "Cascade",
    "Chinook", "Fundy", "Tundra", "Harbour", "Summit", "Aurora", "Bluewater", "Cedarcrest",
    "Riverbend", "Lakeview", "Maplewood", "Stoneridge", "Granite", "Silverleaf", "Westwind",
    "Eastgate", "Northstar", "Kingsway", "Belvedere"
]
FORMS = {"Ltd.": ["Limited", "Ltd", "LTD."], "Inc.": ["Incorporated", "Inc", "inc."],
          "Ltée": ["Limitée", "ltée", "Ltee"], "inc.": ["Inc.", "Inc", "incorporée"],
          "LLP": ["L.L.P.", "llp"], "Corp.": ["Corporation", "Corp"],
          "s.e.n.c.r.l.": ["SENCRL", "S.E.N.C.R.L."], "Limited": ["Ltd.", "Ltd"]}
