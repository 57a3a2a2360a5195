"""Given-name equivalences, English and French-Canadian, as data.

Each line of :data:`_GROUPS` is one group: the formal name(s) (spelling variants of the same
name) before the colon, the short forms after it. Two given names are equivalent when they share
a group. The relation is *not* transitive on purpose: "Al" is in the Albert, Alan and Alexander
groups, so Al ~ Albert and Al ~ Alan, but Albert is never taken for Alan. Names are written
folded (no accents, lower case); a compound formal name is written with a hyphen
("jean-francois") and looked up with a space ("jean francois").
"""

from __future__ import annotations

from functools import lru_cache

_GROUPS = """
aaron: ron ronnie
abigail: abby abbie gail
abraham: abe bram
adam: ad
adrian adrien: ade
agnes: aggie nessa
albert: al bert bertie
alan allan allen: al
alexander alexandre: alex al alec sandy xander lex
alexandra: alex sandra sandy lexie alexa
alexis: alex lexie
alfred: al alf alfie fred freddie
alice: allie ally
alison allison: ali allie
amanda: mandy manda
amelia: amy millie mia
andrew: andy drew
andrea: andi
angela: angie
anne ann anna: annie nan nancy
anne-marie: am annie
anthony antony: tony ant
antoinette: toni netta
arthur: art artie
barbara: barb babs barbie
beatrice: bea trixie
benjamin: ben benji benny
benedict: ben benny
benoit: ben
bernard: bernie
beverly beverley: bev
bradley: brad
brian bryan: bri
bridget: biddy bridie
calvin: cal
cameron: cam
carl karl: carlie
caroline carolyn: carrie carol caro
catherine katherine kathryn katharine: cathy kathy kate katie kat cath kay kit
charles: charlie chuck chas chaz
charlotte: charlie lottie lotte
christian: chris
christina christine: chris tina christy
christopher: chris kit topher
christophe: chris
claire clare: clara
clifford: cliff
constance: connie
cynthia: cindy
daniel: dan danny
danielle daniele: dani dany
david: dave davey davie
deborah debra: deb debbie debby
dennis denis: den denny
dominic dominique: dom nick
donald: don donnie
dorothy: dot dottie dolly
douglas: doug
edward: ed eddie ted ned
edmund: ed eddie ned
edwin: ed eddie
eleanor elinor: ellie nora elle
elizabeth: liz lizzie beth betty betsy eliza libby lisa bette elise
ellen helen: nell nellie ellie
emily: em emmy millie
emilie: em emmy
emma: em emmy
eric erik: rick
ernest: ernie
eugene: gene
evelyn: evie
florence: flo florrie
frances: fran fanny frankie
francis: frank frankie fran
francois: frank
frederic frederick: fred freddie freddy rick
frederique: fred freddie
gabriel: gab gabe gaby
gabrielle: gab gaby elle
gail: abigail
genevieve: gen gene viv vivi
geoffrey jeffrey: geoff jeff
gerald: gerry jerry
geraldine: gerry geri dina
gilbert: gil bert
gordon: gord gordie
gregory: greg
guillaume: guy
harold: harry hal
harriet: hattie
henry: harry hank hal
herbert: herb bert
howard: howie
isabel isabelle isabella: isa bella izzy belle
jacob: jake jack
jacqueline: jackie jacquie jac
james: jim jimmy jamie jimbo
janet: jan jenny
jeanne jeannine: jeannette
jennifer: jen jenny jenn
jeremy jeremiah: jerry jez
jessica: jess jessie
joanne johanne joanna: jo jojo
john jonathan: jack johnny jon
jonathan: jon jonny nathan
joseph: joe joey jos jo
josee josephine: jo josie
joshua: josh
judith: judy jude
julia julie: jules
justin: justy
katelyn caitlin: kate katie
kenneth: ken kenny
kimberly kimberley: kim
lawrence laurence: larry laurie
leonard: leo len lenny
leonardo: leo
louis: lou louie
louise: lou lulu
lucas: luke luc
lucille lucy: lou
madeleine madeline: maddie maddy mado
margaret marguerite: peggy maggie meg marge margie greta margo
marie-claude: mc
marie-eve: me
marie-josee: mj
marie-pier marie-pierre: mp
marie-helene: mh
marie-france: mf
marie-christine: mc
marie-josephe: mj
martin: marty
mary: molly polly mae mamie
mathew matthew mathieu matthieu: matt matty math
maxime maximilien maxwell: max
melissa: mel missy
michael: mike mikey mick mitch
michel: mike
michelle: shelly mich
mitchell: mitch
monique: mo
nathan nathaniel: nate nat
nicholas nicolas: nick nicky nico nic
nicole: nikki nic
norman: norm
oliver olivier: ollie
pamela: pam
patricia: pat patty trish tricia
patrick: pat paddy rick
peter: pete
philip phillip philippe: phil pip
rachel: rae
raymond: ray
rebecca: becky becca
richard: rick dick rich richie ricky
robert: bob bobby rob robbie bert
roberta: bobbie robbie
ronald: ron ronnie
rosemary rosemarie: rose rosie
russell: russ
samantha: sam sammie sammy
samuel: sam sammy
sandra: sandy
sebastien sebastian: seb bastien
sophie sophia: soph
stephen steven stephan: steve stevie
stephane: steph steve
stephanie: steph stef fanny
stanley: stan
susan suzanne: sue susie suzy
teresa theresa therese: terry tess tessa
theodore: ted teddy theo
thomas: tom tommy
timothy: tim timmy
valerie: val
vincent: vince vinny
victoria: vicky tori
vivian vivien: viv
walter: walt wally
william: bill billy will willy liam
zachary: zach zack
jean-francois: jf
jean-philippe: jp
jean-pierre: jp
jean-sebastien: js
jean-michel: jm
jean-marc: jm
jean-luc: jl
jean-claude: jc
jean-guy: jg
jean-paul: jp
jean-louis: jl
jean-charles: jc
jean-denis: jd
jean-yves: jy
pierre-luc: pl
pierre-olivier: po
pierre-andre: pa
pierre-marc: pm
marc-andre: ma
marc-antoine: ma
marc-olivier: mo
louis-philippe: lp
charles-antoine: ca
charles-olivier: co
marie-eve: marieve
"""


def _parse(data: str) -> dict[str, frozenset[int]]:
    table: dict[str, set[int]] = {}
    for number, line in enumerate(filter(None, (ln.strip() for ln in data.splitlines()))):
        formal, _, short = line.partition(":")
        for name in formal.split() + short.split():
            table.setdefault(name.replace("-", " "), set()).add(number)
    return {name: frozenset(groups) for name, groups in table.items()}


_TABLE = _parse(_GROUPS)
_EMPTY: frozenset[int] = frozenset()


def groups(name: str) -> frozenset[int]:
    """The nickname groups of a folded given name ("bob" → the Robert group, …)."""
    return _TABLE.get(name, _EMPTY)


@lru_cache(maxsize=65_536)
def equivalent(a: str, b: str) -> bool:
    """True when two different folded given names are nickname-equivalent (Bob ~ Robert)."""
    return a != b and not groups(a).isdisjoint(groups(b))


def known_given_name(name: str) -> bool:
    """True when ``name`` appears in the table (used to tell "First Last" from a surname)."""
    return name in _TABLE


def pair_count() -> int:
    """How many (name, equivalent name) pairs the table holds, for the docs."""
    members: dict[int, set[str]] = {}
    for name, gs in _TABLE.items():
        for g in gs:
            members.setdefault(g, set()).add(name)
    return sum(len(m) * (len(m) - 1) // 2 for m in members.values())
