"""Mentions: the product's rule chain (``newsweave.analyse.ner``) on hand-built
docs of news-shaped sentences written for these tests, the chain's contract and
provenance, and the model-backed behaviour on a few sentences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy
from handdocs import hand_doc, lines_doc

from newsweave.analyse.entities import RULES, find_mentions, mentions_of
from newsweave.analyse.ner import REGISTRY
from newsweave.analyse.ner.caps import caps_ranges
from newsweave.analyse.ner.chain import SETS
from newsweave.analyse.ner.lexicon import PATTERNS, read_patterns

PACKAGE = Path(__file__).resolve().parents[2] / "newsweave"


def found(doc) -> list[tuple[str, str]]:
    return [(m.text, m.label) for m in find_mentions(doc)]


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        (
            "He met the Russian Security Council .",
            {"the Russian Security Council": "ORG"},
            [("Russian Security Council", "ORG")],
        ),
        (
            "He met President Vladimir Putin .",
            {"President Vladimir Putin": "PERSON"},
            [("Vladimir Putin", "PERSON")],
        ),
        ("It was Xi ’s visit .", {"Xi ’s": "PERSON"}, [("Xi", "PERSON")]),
        (
            "- Sputnik International , 1920",
            {"Sputnik International , 1920": "ORG"},
            [("Sputnik International", "ORG")],
        ),
        ("Orlan Group 2024 results fell", {"Orlan Group 2024": "ORG"}, [("Orlan Group", "ORG")]),
        ("Visit RussiaReport.news today", {"RussiaReport.news": "ORG"}, []),
        ("Interfax news agency reported", {"Interfax news agency": "ORG"}, [("Interfax", "ORG")]),
        ("the China Daily reported", {"China Daily": "ORG"}, [("China Daily", "ORG")]),
        ("the defence ministry added", {"defence ministry": "ORG"}, []),  # no name in it
        ("an iPhone sold", {"iPhone": "PRODUCT"}, [("iPhone", "PRODUCT")]),
        ("Kim Jong-un spoke", {"Kim Jong-un": "PERSON"}, [("Kim Jong-un", "PERSON")]),
    ],
)
def test_find_mentions_trims_and_splits(text, ents, expected):
    assert found(hand_doc(text, ents)) == expected


@pytest.mark.parametrize(
    "text, ents, propn, expected",
    [
        (
            "Xi Jinping came . Xi spoke .",
            {"Xi Jinping": "PERSON"},
            ("Xi", "Jinping"),
            [("Xi Jinping", "PERSON"), ("Xi", "PERSON")],
        ),
        (
            "Vladimir Putin came . Putin spoke .",
            {"Vladimir Putin": "PERSON", "Putin": "ORG"},
            ("Vladimir", "Putin"),
            [("Vladimir Putin", "PERSON"), ("Putin", "PERSON")],
        ),
        (
            "Norway and Peru signed ; Norway said",
            {"Norway": "ORG", "Peru": "PERSON"},
            (),
            [("Norway", "GPE"), ("Peru", "GPE"), ("Norway", "GPE")],
        ),
    ],
)
def test_find_mentions_one_label_per_name(text, ents, propn, expected):
    assert found(hand_doc(text, ents, propn)) == expected


@pytest.mark.parametrize(
    "lines, ents, expected",
    [
        # datelines.v3: the dateline's place, whatever the model said
        (
            ["STRIKE ENDS", "NAIROBI 2024-03-14", "The strike ended ."],
            {"NAIROBI": "ORG"},
            [("NAIROBI", "GPE")],
        ),
        (["PORTO , Portugal ( AP ) _ Talks ended ."], {}, [("PORTO", "GPE"), ("Portugal", "GPE")]),
        (
            ["MOSCOW ( Sputnik ) - Putin spoke ."],
            {"Putin": "PERSON"},
            [("MOSCOW", "GPE"), ("Putin", "PERSON")],
        ),
        (["CANADA - Bond yields fell ."], {"CANADA": "ORG"}, [("CANADA", "GPE")]),
        # v3: a region of more than two words; capitals after an agency are the story
        (
            ["AL-AIN , United Arab Emirates 1996-12-06", "Talks ended ."],
            {"AL-AIN": "ORG"},
            [("AL-AIN", "GPE"), ("United Arab Emirates", "GPE")],
        ),
        (
            ["DUBAI , United Arab Emirates ( Reuters ) - Oil rose ."],
            {"DUBAI": "PERSON"},
            [("DUBAI", "GPE"), ("United Arab Emirates", "GPE")],
        ),
        (["FRANKFURT ( Reuters ) - ECB ..."], {"FRANKFURT": "ORG"}, [("FRANKFURT", "GPE")]),
        (
            ["WASHINGTON ( AP ) _ THE PRESIDENT SAID TODAY HE WOULD GO ."],
            {"WASHINGTON": "ORG"},
            [("WASHINGTON", "GPE")],
        ),
        (["HALDANE", "Talks ended ."], {"HALDANE": "ORG"}, [("HALDANE", "ORG")]),  # no dateline
        # countries.v1: a country's name the model missed; not one that is also a name
        (["The envoy flew to Sri Lanka , then to Chad ."], {}, [("Sri Lanka", "GPE")]),
        (["AUSTRIA AND SCOTLAND SIGN PACT"], {}, [("AUSTRIA", "GPE"), ("SCOTLAND", "GPE")]),
        (["JOIN US FOR TALKS ."], {}, []),
        # competitions.v2: a competition is an event, not the body that runs it
        (
            ["She won the Davis Cup and the U.S. Open final ."],
            {"Davis Cup": "ORG", "U.S. Open": "GPE"},
            [("Davis Cup", "EVENT"), ("U.S. Open", "EVENT")],
        ),
        (["He played in the Cup ."], {"Cup": "ORG"}, [("Cup", "ORG")]),
        # ... but a league or a division stays a body in the product
        (
            ["Rossi 's Northern League won 10 seats ."],
            {"Rossi": "PERSON", "Northern League": "ORG"},
            [("Rossi", "PERSON"), ("Northern League", "ORG")],
        ),
        (
            ["The Consumer Division grew 4 % ."],
            {"Consumer Division": "ORG"},
            [("Consumer Division", "ORG")],
        ),
    ],
)
def test_find_mentions_datelines_countries_and_competitions(lines, ents, expected):
    got = find_mentions(lines_doc(lines, ents), rules=RULES)
    assert [(m.text, m.label) for m in got] == expected


@pytest.mark.parametrize(
    "lines, ents, propn, expected",
    [
        # initials.v1: an initial and a name is a person, however the model cut it
        (
            ["The analysts J. Okafor and M. Lindqvist agreed ."],
            {"M. Lindqvist": "ORG", "J.": "GPE"},
            (),
            [("J. Okafor", "PERSON"), ("M. Lindqvist", "PERSON")],
        ),
        (
            ["The lawyers T. O'Brien and A. de Souza spoke ."],
            {},
            (),
            [("T. O'Brien", "PERSON"), ("A. de Souza", "PERSON")],
        ),
        (
            ["R. Holm Partners Co won the contract ."],
            {"R. Holm Partners Co": "ORG"},
            (),
            [("R. Holm Partners Co", "ORG")],
        ),
        (["Talks with the U.S. Navy ."], {"U.S. Navy": "ORG"}, (), [("U.S. Navy", "ORG")]),
        # given_names.v1: a given name the model labelled apart or not at all
        (
            ["Director Lena Brandt said ."],
            {"Lena": "GPE", "Brandt": "PERSON"},
            ("Lena", "Brandt"),
            [("Lena Brandt", "PERSON")],
        ),
        (
            ["Tomas Reyes voted ."],
            {"Reyes": "PERSON"},
            ("Tomas", "Reyes"),
            [("Tomas Reyes", "PERSON")],
        ),
        (
            ["American Dana Reeve won ."],
            {"American": "NORP", "Dana Reeve": "PERSON"},
            ("American", "Dana", "Reeve"),
            [("American", "NORP"), ("Dana Reeve", "PERSON")],
        ),
        (
            ["In Chile Vargas voted ."],
            {"Vargas": "PERSON"},
            ("Chile", "Vargas"),
            [("Chile", "GPE"), ("Vargas", "PERSON")],
        ),
        (
            ["Minister Okonjo spoke ."],
            {"Okonjo": "PERSON"},
            ("Minister", "Okonjo"),
            [("Okonjo", "PERSON")],
        ),
        # common_words.v1: a month and a heading's people word are no names
        (
            ["Women 's pay rose .", "December bonds fell in June ."],
            {"Women": "ORG", "December": "PERSON", "June": "PERSON"},
            (),
            [],
        ),
        (["He met Theresa May ."], {"Theresa May": "PERSON"}, (), [("Theresa May", "PERSON")]),
        # firms.v1: a name an organisation's word follows is an organisation throughout
        (
            ["Corvane CEO Mira Solano spoke .", "Corvane said ."],
            {"Corvane": "PERSON", "Mira Solano": "PERSON"},
            ("Corvane", "Mira", "Solano"),
            [("Corvane", "ORG"), ("Mira Solano", "PERSON"), ("Corvane", "ORG")],
        ),
        (
            ["Halvard shares rose .", "Halvard Cables grew .", "Halvard SpA said ."],
            {"Halvard": "PERSON", "Halvard Cables": "PERSON", "Halvard SpA": "PERSON"},
            ("Halvard", "Cables", "SpA"),
            [("Halvard", "ORG"), ("Halvard Cables", "ORG"), ("Halvard SpA", "ORG")],
        ),
        (
            ["Vladimir Putin spoke .", "Putin spokesman Dmitry Peskov said ."],
            {"Vladimir Putin": "PERSON", "Putin": "PERSON", "Dmitry Peskov": "PERSON"},
            ("Vladimir", "Putin", "Dmitry", "Peskov"),
            [("Vladimir Putin", "PERSON"), ("Putin", "PERSON"), ("Dmitry Peskov", "PERSON")],
        ),
        (
            [
                "Norvik said .",
                "Norvik Systems Inc grew .",
                "It is in Tarnow .",
                "Tarnow Cable Co grew .",
            ],
            {
                "Norvik": "PERSON",
                "Norvik Systems Inc": "ORG",
                "Tarnow": "GPE",
                "Tarnow Cable Co": "ORG",
            },
            ("Norvik", "Tarnow"),
            [
                ("Norvik", "ORG"),
                ("Norvik Systems Inc", "ORG"),
                ("Tarnow", "GPE"),
                ("Tarnow Cable Co", "ORG"),
            ],
        ),
        # acronyms.v1: an acronym in brackets takes the label of the name it abbreviates
        (
            ["The National Grid Authority ( NGA ) said .", "The NGA said ."],
            {"National Grid Authority": "ORG"},
            ("NGA",),
            [("National Grid Authority", "ORG"), ("NGA", "ORG"), ("NGA", "ORG")],
        ),
        (
            ["Ms Okafor ( USA ) left ."],
            {"Ms Okafor": "PERSON"},
            (),
            [("Okafor", "PERSON"), ("USA", "GPE")],
        ),
        (
            ["Interfax-Ukraine news agency quoted him ."],
            {"Interfax-Ukraine": "PERSON"},
            ("Interfax-Ukraine",),
            [("Interfax-Ukraine", "ORG")],
        ),
        (
            ["Tokyo shares rose ; Danish captain Holm said ."],
            {"Tokyo": "GPE", "Danish": "NORP", "Holm": "PERSON"},
            ("Tokyo", "Holm"),
            [("Tokyo", "GPE"), ("Danish", "NORP"), ("Holm", "PERSON")],
        ),
        # headlines.v3: a headline's word that the article names takes the name's label
        (
            ["MARLOW TO CHAIR ENGLAND INQUIRY .", "Ines Marlow was named ."],
            {"MARLOW NAMED": "ORG", "ENGLAND": "GPE", "Ines Marlow": "PERSON"},
            (),
            [("MARLOW", "PERSON"), ("ENGLAND", "GPE"), ("Ines Marlow", "PERSON")],
        ),
        (
            ["KEVIN OKAFOR LOWERS RATES .", "Kevin Okafor spoke ."],
            {"KEVIN OKAFOR LOWERS RATES": "ORG", "Kevin Okafor": "PERSON"},
            (),
            [("KEVIN OKAFOR", "PERSON"), ("Kevin Okafor", "PERSON")],
        ),
        (
            ["RESULTS FROM THE WIMBLEDON OPEN .", "LAGOS TIMES", "Wimbledon and Lagos ."],
            {"WIMBLEDON OPEN": "EVENT", "LAGOS TIMES": "ORG", "Wimbledon": "GPE", "Lagos": "GPE"},
            (),
            [
                ("WIMBLEDON OPEN", "EVENT"),
                ("LAGOS TIMES", "ORG"),
                ("Wimbledon", "GPE"),
                ("Lagos", "GPE"),
            ],
        ),
        # nationalities.v1: a people's name is a nationality or a group, cut from a person's
        (
            ["The Briton and a Rwandan met South Korean and Syrian Kurds ."],
            {"Briton": "PERSON", "Rwandan": "GPE", "South": "LOC"},
            (),
            [
                ("Briton", "NORP"),
                ("Rwandan", "NORP"),
                ("South Korean", "NORP"),
                ("Syrian Kurds", "NORP"),
            ],
        ),
        (
            ["American Dana Reeve met Belgian King Philippe ."],
            {"American Dana Reeve": "PERSON", "Belgian King Philippe": "PERSON"},
            (),
            [
                ("American", "NORP"),
                ("Dana Reeve", "PERSON"),
                ("Belgian", "NORP"),
                ("Philippe", "PERSON"),
            ],
        ),
        (
            ["Royal Dutch Shell cited German-Israeli ties ; UZBEK TROOPS ."],
            {"Royal Dutch Shell": "ORG", "UZBEK": "PERSON"},
            (),
            [("Royal Dutch Shell", "ORG"), ("German-Israeli", "NORP"), ("UZBEK", "NORP")],
        ),
        # venues.v2: a name after "at" is where things happen, unless a firm or a team
        (
            ["Talks were held at Kesmarro on Friday ."],
            {"Kesmarro": "ORG"},
            (),
            [("Kesmarro", "LOC")],
        ),
        (
            ["said an analyst at Halvard .", "said Mira Solano at Halvard ."],
            {"Halvard": "ORG", "Mira Solano": "PERSON"},
            (),
            [("Halvard", "ORG"), ("Mira Solano", "PERSON"), ("Halvard", "ORG")],
        ),
        (["She took a job at Corvane ."], {"Corvane": "ORG"}, (), [("Corvane", "ORG")]),
        (
            ["He worked at Norvik Partners Inc .", "Fans threw stones at Dynamo Kyiv players ."],
            {"Norvik Partners Inc": "ORG", "Dynamo Kyiv": "ORG"},
            (),
            [("Norvik Partners Inc", "ORG"), ("Dynamo Kyiv", "ORG")],
        ),
    ],
)
def test_find_mentions_people_and_firms(lines, ents, propn, expected):
    got = find_mentions(lines_doc(lines, ents, propn), rules=RULES)
    assert [(m.text, m.label) for m in got] == expected


# ------------------------------------------------------------ provenance


@pytest.mark.parametrize(
    "lines, ents, propn, expected",
    [
        (
            ["He met Vladimir Putin ."],
            {"Vladimir Putin": "PERSON"},
            (),
            [("Vladimir Putin", "spacy.ner")],
        ),
        (
            ["He met President Vladimir Putin ."],
            {"President Vladimir Putin": "PERSON"},
            (),
            [("Vladimir Putin", "trim.v1")],
        ),
        (["The envoy flew to Sri Lanka ."], {}, (), [("Sri Lanka", "countries.v1")]),
        # the last rule to change a span is the one recorded; the repeat is made by consistency
        (
            ["Corvane CEO Mira Solano spoke .", "Corvane said ."],
            {"Corvane": "PERSON", "Mira Solano": "PERSON"},
            ("Corvane", "Mira", "Solano"),
            [("Corvane", "firms.v1"), ("Mira Solano", "spacy.ner"), ("Corvane", "consistency.v1")],
        ),
        (
            ["Xi Jinping came .", "Xi spoke ."],
            {"Xi Jinping": "PERSON"},
            ("Xi", "Jinping"),
            [("Xi Jinping", "spacy.ner"), ("Xi", "consistency.v1")],
        ),
    ],
)
def test_find_mentions_records_the_rule(lines, ents, propn, expected):
    got = find_mentions(lines_doc(lines, ents, propn), rules=RULES)
    assert [(m.text, m.rule) for m in got] == expected


def test_rules_are_registered_with_a_contract():
    for name in RULES:
        registered = REGISTRY[name]
        assert re.fullmatch(r"[a-z_]+\.v\d+", name) and registered.name == name
        assert registered.reads and set(registered.sets) <= SETS
        assert registered.apply.__doc__, f"{name} says what it does"


def test_find_mentions_unknown_rule_names_the_registered_ones():
    with pytest.raises(ValueError, match="registered: .*split.v1"):
        find_mentions(hand_doc("Putin spoke", {"Putin": "PERSON"}), rules=("split.v9",))


def test_product_never_imports_an_adapter():
    """Adapters are opt-in and live beside their scorer: nothing in the package
    imports one, and the product's chain runs none of their rules."""
    importing = [
        path.relative_to(PACKAGE)
        for path in PACKAGE.rglob("*.py")
        if re.search(r"^\s*(from|import)\s+\S*(adapter|bench)", path.read_text("utf-8"), re.M)
    ]
    assert importing == []
    adapter = (PACKAGE.parent / "bench" / "conll_adapter.py").read_text("utf-8")
    own = set(re.findall(r'@rule\(\s*"([^"]+)"', adapter))
    assert own and own.isdisjoint(RULES)


@pytest.mark.parametrize("name", ["countries.v1", "nationalities.v1", "legal_forms.v1"])
def test_gazetteer_patterns_load_into_spacy_entity_ruler(name):
    patterns = read_patterns(name)
    assert (PATTERNS / f"{name}.jsonl").is_file() and {p["id"] for p in patterns} == {name}
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(patterns)
    text = {
        "countries.v1": "She flew to Sri Lanka",
        "nationalities.v1": "A Rwandan spoke",
        "legal_forms.v1": "Halvard SpA said",
    }[name]
    assert [e.label_ for e in nlp(text).ents] == [patterns[0]["label"]]


# ------------------------------------------------------------ with the model


@pytest.fixture(scope="module")
def parse():
    from newsweave.analyse import nlp

    return lambda text: next(nlp.parse([text]))


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "MOSCOW (Sputnik) - Russian President Vladimir Putin met Xi Jinping.",
            {("MOSCOW", "GPE"), ("Vladimir Putin", "PERSON"), ("Xi Jinping", "PERSON")},
        ),
        (
            "Xi Jinping arrived. Later Xi’s plane left.",
            {("Xi Jinping", "PERSON"), ("Xi", "PERSON")},
        ),
        (
            "The Kremlin said so. - Sputnik International, 1920, 19.09.2023",
            {("Kremlin", "ORG"), ("Sputnik International", "ORG")},
        ),
        ("London hosted the talks in June.", {("London", "GPE")}),
        # venues.v2: one works at a firm
        ("Smith worked at Microsoft for ten years.", {("Microsoft", "ORG")}),
    ],
)
def test_pipeline_mentions(parse, text, expected):
    got = {(m.text, m.label) for m in mentions_of(parse(text))}
    assert expected <= got


@pytest.mark.parametrize(
    "lines, expected",
    [
        (["MARLOW TO CHAIR INQUIRY", "Ines Marlow was named ."], ["MARLOW TO CHAIR INQUIRY"]),
        # a dateline's place, as newsweave.datelines recognises one, on any line
        (["Talks", "ROME ( Reuters ) - Talks ended ."], ["ROME"]),
        (["Talks", "NEW YORK 1996-08-22", "Talks ended ."], ["NEW YORK"]),
        (["PARAMARIBO , Surinam 1996-08-22", "Talks ended ."], ["PARAMARIBO"]),
        # capitals before punctuation that open no dateline
        (["ISSUER : Bay County Building Authority"], []),
        (["Talks ended in ROME ."], []),
    ],
)
def test_caps_ranges_lines_in_capitals_and_dateline_places(lines, expected):
    doc = lines_doc(lines, {})
    assert [doc[a:b].text for a, b in caps_ranges(doc)] == expected
