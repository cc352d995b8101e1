"""Word lists the mention rules, quotes and resolution share, and the
gazetteers in ``patterns/`` (spaCy ``entity_ruler`` JSONL, versioned by file
name: ``countries.v1.jsonl``, ``nationalities.v1.jsonl``, ``legal_forms.v1.jsonl``)."""

from __future__ import annotations

import json
from pathlib import Path

from .spans import is_caps

PATTERNS = Path(__file__).with_name("patterns")

# Words that head a role ("Chinese Foreign Minister"), for names and for roles.
ROLE_WORDS = frozenset(
    """
president minister secretary director diplomat leader head chairman chairwoman chair
premier chancellor advisor adviser spokesman spokeswoman spokesperson ambassador envoy
official governor mayor commander chief general member deputy king queen prince
secretary-general speaker senator lawmaker representative editor founder ceo
""".split()
)
DETERMINERS = frozenset({"the", "a", "an"})
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Titles written before a name; never part of the name itself.
TITLES = frozenset(
    """
mr mrs ms miss dr prof sir dame lord lady president vice premier prime minister
chancellor secretary general gen. gen col. col capt. capt lt sgt maj. major king
queen prince princess emperor pope cardinal bishop archbishop rev. rev father
sheikh ayatollah senator sen. rep. representative governor gov. mayor judge justice
ambassador envoy spokesman spokeswoman chairman chairwoman chief director head
leader coach captain striker midfielder defender goalkeeper manager
""".split()
)
ORG_WORDS = frozenset(
    """
international inc inc. corp corp. corporation co co. ltd ltd. plc llc group party
council agency bank university association federation union committee ministry
club news times post institute foundation fund commission organization
organisation authority company airlines airways service services network press
""".split()
)
PLACE_WORDS = frozenset(
    """
street avenue road square bridge river lake lakes mountain mountains island islands bay
sea ocean gulf valley park palace airport stadium strait coast peninsula desert
""".split()
)
# Lower-case English function words: lowercased when re-casing capitals, and
# never a word of a name.
FUNCTION_WORDS = frozenset(
    """
a an the and or but nor of in on at to for from by with without into onto over under
after before since until as than then that this these those there here is are was
were be been being has have had do does did will would shall should can could may
might must not no yes it its he she they we you i his her their our your my me him
them us who whom whose which what when where why how all any some each every both
few more most other such only own same so too very just also again off out up down
about above below against between through during while if because v vs
""".split()
)
PARTICLES = frozenset("de da di del della dos das du van von der den la le ter ten bin al".split())
# Words that follow only an organisation's name: "Ericsson spokesman", "Surrey
# captain"; and words of the market, which also follow a place ("Tokyo
# shares"), so count only after a name that is no place.
FIRM_WORDS = frozenset(
    """
ceo chairman spokesman spokeswoman spokesperson subsidiary subsidiaries unit division
board management captain owner owners agency
""".split()
)
MARKET_WORDS = frozenset("shares stock stocks shareholders stockholders".split())
# A side's people and results: "Dynamo Moscow players", "Nice 's home defeat".
TEAM_NOUNS = frozenset(
    """
side team club captain coach manager striker midfielder defender goalkeeper skipper
forward player players fans defeat victory win lead
""".split()
)
# First words of two-word peoples ("South Korean", "Sri Lankan", "New Zealander").
PEOPLE_PREFIXES = frozenset(
    {"North", "South", "East", "West", "N.", "S.", "Sri", "New", "Sierra", "Costa", "Puerto"}
)
# Country names that are also given names, surnames or a word ("JOIN US"):
# not taken where the model saw nothing.
AMBIGUOUS_COUNTRIES = frozenset({"Chad", "Jordan", "Georgia", "Israel", "Kenya", "India", "Us"})


def read_patterns(name: str) -> list[dict]:
    """The patterns of ``patterns/<name>.jsonl``, as spaCy's entity ruler reads them."""
    text = (PATTERNS / f"{name}.jsonl").read_text("utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


COUNTRIES = frozenset(p["pattern"] for p in read_patterns("countries.v1"))
# Peoples, as adjectives and as nouns (singular and plural); given names that
# are also peoples ("Christian", "Finn") are left out.
NATIONALITIES = frozenset(p["pattern"] for p in read_patterns("nationalities.v1"))
# Compared without their dots: "S.p.A.", "Inc."
LEGAL_FORMS = frozenset(p["pattern"][-1]["LOWER"] for p in read_patterns("legal_forms.v1"))


def is_country(text: str) -> bool:
    """A country's name, also as written in a headline's capitals."""
    return text in COUNTRIES or (is_caps(text) and text.title() in COUNTRIES)


def people_word(text: str) -> bool:
    """A people's name ("Rwandan", "TAJIK", "German-Israeli")."""
    word = text.title() if is_caps(text) else text
    return word in NATIONALITIES or (
        "-" in word and all(part in NATIONALITIES for part in word.split("-"))
    )


def legal_form(tok) -> bool:
    return tok.lower_.replace(".", "") in LEGAL_FORMS


def name_token(tok) -> bool:
    """A word that can be part of a name: capitalised, not a title or function word."""
    text = tok.text
    return (
        text[:1].isupper()
        and any(c.isalpha() for c in text)
        and not is_caps(text)
        and tok.lower_ not in TITLES
        and tok.lower_ not in FUNCTION_WORDS
        and not tok.is_space
    )
