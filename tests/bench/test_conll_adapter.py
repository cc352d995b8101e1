"""The CoNLL-2003 adapter (``bench/conll_adapter.py``): the rules for results
tables, scorecards, fixtures, desk slugs and county sides, on hand-built docs
shaped like those agate pages (rows written for these tests, not taken from
CoNLL), and its place around the product's chain."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from handdocs import hand_doc, lines_doc, without_caps

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import conll_adapter as conll  # noqa: E402
from newsweave.analyse.entities import RULES, find_mentions, mentions_of
from newsweave.analyse.ner import REGISTRY
from newsweave.analyse.ner.chain import SETS


def adapted(lines: list[str], ents: dict[str, str], propn: tuple[str, ...] = ()):
    got = find_mentions(lines_doc(lines, ents, propn), rules=without_caps(conll.RULES))
    return [(m.text, m.label) for m in got]


def test_adapter_keeps_the_product_order_and_adds_only_its_own():
    assert tuple(r for r in conll.RULES if r not in conll.OWN) == RULES
    assert set(conll.OWN) <= set(conll.RULES) and not set(conll.OWN) & set(RULES)
    for name in conll.OWN:
        assert REGISTRY[name].reads and set(REGISTRY[name].sets) <= SETS


@pytest.mark.parametrize(
    "text, ents, product, with_adapter",
    [
        ("Kent 83 and 174", {"Kent 83": "GPE"}, [("Kent", "GPE")], [("Kent", "ORG")]),
        (
            "Peru 2 Chile 1",
            {},
            [("Peru", "GPE"), ("Chile", "GPE")],
            [("Peru", "GPE"), ("Chile", "GPE")],
        ),  # a national side stays a place, as CoNLL has it
    ],
)
def test_adapter_changes_what_the_product_leaves(text, ents, product, with_adapter):
    doc = hand_doc(text, ents)
    assert [(m.text, m.label) for m in find_mentions(doc, rules=without_caps(RULES))] == product
    assert [
        (m.text, m.label) for m in find_mentions(doc, rules=without_caps(conll.RULES))
    ] == with_adapter


@pytest.mark.parametrize(
    "lines, ents, expected",
    [
        # slugs.v1: a headline's desk word is no name; a country's name stays
        (
            ["TENNIS - CANADA BEAT PERU ."],
            {"TENNIS": "ORG", "CANADA": "ORG", "PERU": "GPE"},
            [("CANADA", "GPE"), ("PERU", "GPE")],
        ),
        (["BONDS - NEW ISSUES ."], {"BONDS": "ORG"}, []),
        # teams.v1: an unlabelled name opening a line of scores is a team
        (
            ["Harlow 3 1 1 1", "Wrexham 0 Telford 0"],
            {},
            [("Harlow", "ORG"), ("Wrexham", "ORG"), ("Telford", "ORG")],
        ),
        (["The score was 3 to 1 ."], {}, []),
        (["Harlow Town 3 1 0 2"], {"Harlow Town": "PERSON"}, [("Harlow Town", "ORG")]),
        (
            ["Harlow Town 1 Ashby Vale 3"],
            {"Harlow Town": "PERSON", "Ashby Vale": "PERSON"},
            [("Harlow Town", "ORG"), ("Ashby Vale", "ORG")],
        ),
        (["281 Tom Vance 70 71 70 70"], {"Tom Vance": "PERSON"}, [("Tom Vance", "PERSON")]),  # golf
        (
            ["June 4 v Kent", "FRANCE V PERU SCOREBOARD ."],
            {},
            [("Kent", "ORG"), ("FRANCE", "GPE"), ("PERU", "GPE")],
        ),
        (
            ["2. Lind ( Denmark ) Ventra 4 hours", "3. Haas ( Austria ) Orbis same time"],
            {"Lind": "PERSON", "Haas": "PERSON"},
            [
                ("Lind", "PERSON"),
                ("Denmark", "GPE"),
                ("Ventra", "ORG"),
                ("Haas", "PERSON"),
                ("Austria", "GPE"),
                ("Orbis", "ORG"),
            ],
        ),
        # name_country.v1: "Name ( Country )" in a results list is a person
        (["3. Vance ( Canada ) 13.36"], {"Vance": "ORG"}, [("Vance", "PERSON"), ("Canada", "GPE")]),
        # leagues.v1: in a sports report a league or a division is a competition
        (
            ["NATIONAL LEAGUE", "WESTERN DIVISION", "DENVER 81 52 .609 -"],
            {"NATIONAL LEAGUE": "ORG", "WESTERN DIVISION": "ORG", "DENVER": "GPE"},
            [("NATIONAL LEAGUE", "EVENT"), ("WESTERN DIVISION", "EVENT"), ("DENVER", "ORG")],
        ),
        (
            ["Denver beat Dallas 7-4 to lead the National League ."],
            {"Denver": "GPE", "Dallas": "GPE", "National League": "ORG"},
            [("Denver", "GPE"), ("Dallas", "GPE"), ("National League", "EVENT")],
        ),
        (
            ["Kent 24 points , Essex 5", "The Second Division resumes ."],
            {"Second Division": "ORG"},
            [("Kent", "ORG"), ("Essex", "ORG"), ("Second Division", "EVENT")],
        ),
        (
            ["Sales ( $ m ) 2024 2023", "The Consumer Division grew ."],
            {"Consumer Division": "ORG"},
            [("Consumer Division", "ORG")],
        ),
        (
            ["Rossi 's Northern League won 10 seats ."],
            {"Rossi": "PERSON", "Northern League": "ORG"},
            [("Rossi", "PERSON"), ("Northern League", "ORG")],
        ),
    ],
)
def test_adapter_tables_slugs_and_leagues(lines, ents, expected):
    assert adapted(lines, ents) == expected


@pytest.mark.parametrize(
    "lines, ents, expected",
    [
        # scorecards.v1: a cricket scorecard's batsmen, fielders and bowlers
        (
            [
                "Okafor c Lind b Rask 33",
                "Devi not out 45",
                "Bowling : Rask 8-0-39-3 , de Souza 4-0-25-0",
            ],
            {"Rask": "ORG", "Lind": "GPE"},
            [
                ("Okafor", "PERSON"),
                ("Lind", "PERSON"),
                ("Rask", "PERSON"),
                ("Devi", "PERSON"),
                ("Rask", "PERSON"),
                ("de Souza", "PERSON"),
            ],
        ),
        (["Plan b Thursday was dropped ."], {}, []),
        # contests.v1: a county that acts is its team, after "in" a place
        (
            ["Lancashire kept up the chase .", "He lives in Wiltshire ."],
            {"Lancashire": "PERSON", "Wiltshire": "PERSON"},
            [("Lancashire", "ORG"), ("Wiltshire", "GPE")],
        ),
        (
            ["Berkshire 232 ; New Hampshire voted ."],
            {"Berkshire": "GPE", "New Hampshire": "GPE"},
            [("Berkshire", "ORG"), ("New Hampshire", "GPE")],
        ),
        # lists.v1: people and organisations in a list of three take its majority label
        (
            ["Tom Vance , Ali Rask , Ben Okafor"],
            {"Tom Vance": "PERSON", "Ali Rask": "ORG", "Ben Okafor": "PERSON"},
            [("Tom Vance", "PERSON"), ("Ali Rask", "PERSON"), ("Ben Okafor", "PERSON")],
        ),
        (
            ["Volvo , Leeds and Jaguar grew ."],
            {"Volvo": "ORG", "Leeds": "GPE", "Jaguar": "PERSON"},
            [("Volvo", "ORG"), ("Leeds", "GPE"), ("Jaguar", "PERSON")],
        ),
        (
            ["Devon , Lancashire and Surrey won ."],
            {"Devon": "PERSON", "Lancashire": "ORG", "Surrey": "PERSON"},
            [("Devon", "PERSON"), ("Lancashire", "ORG"), ("Surrey", "PERSON")],
        ),
        # venues.v2 in fixtures ("X AT Y"), and grounds.v1 before a line of results
        (
            ["DENVER 53 80", "DALLAS CITY AT DENVER"],
            {"DENVER": "ORG", "DALLAS CITY": "ORG"},
            [("DENVER", "ORG"), ("DALLAS CITY", "ORG"), ("DENVER", "LOC")],
        ),
        (["Ashford : Kent 363 and 41-1"], {}, [("Ashford", "LOC"), ("Kent", "ORG")]),
        (
            [
                "Ashford : Kent 363",
                "At Dover : Essex beat Sussex by 188 runs",
                "Scorers : Ali Rask 23",
                "Attendance : 3,400",
            ],
            {
                "Ashford": "PERSON",
                "Kent": "ORG",
                "Dover": "PERSON",
                "Essex": "ORG",
                "Sussex": "ORG",
                "Scorers": "PERSON",
                "Ali Rask": "PERSON",
                "Attendance": "PERSON",
            },
            [
                ("Ashford", "LOC"),
                ("Kent", "ORG"),
                ("Dover", "LOC"),
                ("Essex", "ORG"),
                ("Sussex", "ORG"),
                ("Scorers", "PERSON"),
                ("Ali Rask", "PERSON"),
                ("Attendance", "PERSON"),
            ],
        ),
    ],
)
def test_adapter_players_counties_lists_and_grounds(lines, ents, expected):
    assert adapted(lines, ents) == expected


@pytest.fixture(scope="module")
def parse():
    """The product's model with the adapter's chain as its components."""
    from newsweave.analyse import nlp

    return nlp.build(rules=conll.RULES)


@pytest.mark.model
@pytest.mark.parametrize(
    "text, expected",
    [
        # contests.v1: a town that beats or signs someone is its team; a country stays a place
        ("Manchester beat Liverpool by two goals on Friday.", {("Liverpool", "ORG")}),
        ("Lena Brandt, who joined Newcastle in May, was named captain.", {("Newcastle", "ORG")}),
        ("Norway beat Chile 2-1.", {("Norway", "GPE"), ("Chile", "GPE")}),
        ("London hosted the talks in June.", {("London", "GPE")}),
    ],
)
def test_adapter_with_the_model(parse, text, expected):
    got = {(m.text, m.label) for m in mentions_of(parse(text))}
    assert expected <= got


@pytest.mark.model
def test_caps_lines_reparse_with_the_model_only(parse):
    """``caps.v2`` re-reads a line of capitals with the model's components
    only (not the mention components around it): the same names as the chain
    on the bare model's parse, and no recursion."""
    from newsweave.analyse import nlp

    text = "PUTIN MEETS WANG YI IN MOSCOW\nVladimir Putin met Wang Yi in Moscow on Tuesday."
    got = mentions_of(parse(text))
    assert got == find_mentions(nlp.spacy_model()(text), rules=conll.RULES)
    assert [(m.text, m.label) for m in got[:2]] == [("PUTIN", "PERSON"), ("WANG YI", "PERSON")]
