"""The mention rules as spaCy components (``analyse.ner.components``): the
pipeline ``analyse.nlp`` builds, the corrected ``doc.ents`` it leaves, and its
agreement with ``find_mentions`` run on the model's own parse."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from samples import seed_files

from newsweave.analyse import nlp
from newsweave.analyse.entities import RULES, find_mentions, mentions_of
from newsweave.analyse.ner import REGISTRY
from newsweave.analyse.ner.components import CANDIDATES, ENTS, factory_name, requires
from newsweave.analyse.quotes import find_quotes
from newsweave.clean import clean
from newsweave.ingest import read_paths
from newsweave.model import Skipped

ROOT = Path(__file__).resolve().parents[2]
SPOKE = (
    "Irena Dovask, Calvora's foreign minister, said that the two countries had chosen the "
    "table over the fence.\nHer Veldanian counterpart, Piet Ravensar, was less effusive. "
    "He said the easy part had been agreeing on the bridge."
)

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def bare():
    return nlp.spacy_model()


def test_pipeline_runs_the_rules_as_components_after_the_model(bare):
    names = nlp.load().pipe_names
    assert names == [*bare.pipe_names, CANDIDATES, *RULES, ENTS]
    assert not any(nlp.load().analyze_pipes(pretty=False)["problems"].values())


def test_each_rule_declares_what_the_model_must_set():
    assert requires(REGISTRY["given_names.v1"]) == ["doc.spans", "token.tag"]
    assert requires(REGISTRY["split.v1"]) == ["doc.spans"]
    assert factory_name("competitions.v2") == "mention_competitions_v2"


def _texts() -> list[str]:
    """The clean texts of the example corpus and the seeds, as ``analyze`` reads them."""
    paths = [str(ROOT / "examples" / "corpus"), *map(str, seed_files())]
    raws = [d for d in read_paths(paths) if not isinstance(d, Skipped)]
    return [clean(d, reference=date(2026, 11, 23)).text for d in raws]


def test_pipeline_mentions_equal_the_chain_on_the_models_parse(bare):
    """Examples and seeds: the components find exactly what ``find_mentions``
    finds from the bare model's names, rule by rule."""
    texts = _texts()
    assert len(texts) > 10
    for piped, plain in zip(nlp.load().pipe(texts), bare.pipe(texts)):
        assert mentions_of(piped) == find_mentions(plain)


def test_doc_ents_are_the_corrected_names_and_keep_the_models_numbers(bare):
    text = "Irena Dovask, Calvora's foreign minister, spoke for two hours on Tuesday."
    plain = {(e.text, e.label_) for e in bare(text).ents}
    doc = nlp.load()(text)
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Irena Dovask", "PERSON") not in plain  # the model misses her ...
    assert ("Irena Dovask", "PERSON") in ents  # ... the rules do not
    assert doc[0].ent_type_ == "PERSON" and doc[0].ent_id_ == "name_runs.v1"
    assert ("Calvora", "ORG") in ents and ("Calvora's", "ORG") not in ents  # trim.v1
    assert {("two hours", "TIME"), ("Tuesday", "DATE")} <= ents  # not names: left as found


def test_a_rule_switched_off_is_the_chain_without_it(bare):
    text = "Irena Dovask, Calvora's foreign minister, spoke."
    pipeline = nlp.load()
    with pipeline.select_pipes(disable=["trim.v1"]):
        got = mentions_of(pipeline(text))
    assert got == find_mentions(bare(text), rules=tuple(r for r in RULES if r != "trim.v1"))
    assert got != mentions_of(pipeline(text))


def test_a_rule_may_run_twice():
    pipeline = nlp.build(rules=("split.v1", "trim.v1", "split.v1"))
    assert pipeline.pipe_names[-4:] == ["split.v1", "trim.v1", "split.v1#2", ENTS]


def test_mentions_of_a_doc_without_the_components_says_so(bare):
    with pytest.raises(ValueError, match="mention components"):
        mentions_of(bare("Putin spoke."))


def test_quotes_read_the_corrected_names():
    """The model misses "Irena Dovask"; once the rules name her, "He" is still
    the man named in apposition to the subject since she spoke."""
    doc = nlp.load()(SPOKE)
    speakers = [doc.text[q.speaker_start : q.speaker_end] for q in find_quotes(doc)]
    assert speakers == ["Irena Dovask", "Piet Ravensar"]
