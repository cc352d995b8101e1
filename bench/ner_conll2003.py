"""Score named-entity recognition on ner-conll2003 (CoNLL-2003 English, dev).

    python bench/ner_conll2003.py [DATA_DIR] [--half tune|check|all] [--ablate]
        [--model NAME_OR_PATH] [--out FILE]

The metric is exactly the one in DATA_DIR/README.md (conlleval): gold and
predicted entities are read from IOB tags with the conlleval chunk rules (an
entity starts at ``B-X``, or at ``I-X`` after ``O`` or another type, and runs
through the following ``I-X``; a sentence end closes it); a prediction is
correct when its first token, last token and type equal a gold entity's;
micro P, R and F1 over PER, ORG, LOC and MISC.

``--half`` scores the tune or the check half of dev (``bench/halves.py``; the
split unit is the document, keyed by its position among dev's -DOCSTART-
documents, ``dev-0``, ``dev-1``, ...). The output goes to
``bench/results/ner-conll2003.json`` for all of dev and to
``ner-conll2003.{tune,check}.json`` for a half, unless ``--out`` says otherwise.

Three systems run in the same process on the same tokens:

- ``spacy``: the README's baseline. Each gold sentence is one
  ``Doc(nlp.vocab, words=...)`` through the full pipeline; ``doc.ents`` mapped
  with ``PLAIN`` below.
- ``product``: what the product does to an article. Each CoNLL document
  becomes one ``Doc`` of the gold words, sentences separated by a ``"\\n"``
  token (the tokenizer's own output for a line break), run through the
  product's pipeline (``analyse.nlp.build``: the model, then the mention rules
  ``RULES`` as components), its mentions read with ``mentions_of`` from the
  corrected ``doc.ents``, mapped to the gold tokens through their character
  offsets and labelled with ``OURS``.
- ``adapted``: the same with the CoNLL-2003 adapter
  (``conll_adapter.RULES``, beside this scorer: the product's rules plus those for the
  1996 Reuters agate pages, which ``newsweave analyze`` never runs), as the
  components of a second pipeline.

Label mappings, OntoNotes -> CoNLL (labels not listed are dropped before
scoring); every mapping in ``MAPPINGS`` is scored for every system on every
run (``mappings`` in the output), and the headline uses ``plain``:

- ``plain`` (README): PERSON->PER, ORG->ORG, GPE/LOC/FAC->LOC, NORP, EVENT,
  PRODUCT, WORK_OF_ART, LAW, LANGUAGE->MISC; dates and numbers dropped.
- ``fac_org``: FAC->ORG (measured lower: buildings are LOC in CoNLL).
- ``misc_norp_event_only`` and ``misc_drop_law_product``: fewer labels into
  MISC (measured +0.2 F1 on dev: too small to choose on, so not the headline).

``--ablate`` also scores each chain with no rules and with each rule left out
(the product's rules from the product's chain, the adapter's from the adapted
chain), on the chosen half: each rule's share is the F1 lost without it. The
model parses once, and ``find_mentions`` runs each chain's steps on its Docs
(the same steps as the components; the full chains are checked to agree with
the pipelines).
``--model`` scores another spaCy pipeline (a package name or a folder).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import add_argument, select  # noqa: E402

import conll_adapter as conll  # noqa: E402  (registers the adapter's rules)
from newsweave.analyse import nlp  # noqa: E402
from newsweave.analyse.entities import RULES, find_mentions, mentions_of  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/ner-conll2003"
DEFAULT_OUT = ROOT / "bench/results/ner-conll2003.json"
TYPES = ("LOC", "MISC", "ORG", "PER")

_MISC = ("NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE")
PLAIN = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
    **{label: "MISC" for label in _MISC},
}
MAPPINGS = {
    "plain": PLAIN,
    "fac_org": {**PLAIN, "FAC": "ORG"},
    "misc_norp_event_only": {
        **{k: v for k, v in PLAIN.items() if k not in _MISC},
        "NORP": "MISC",
        "EVENT": "MISC",
    },
    "misc_drop_law_product": {k: v for k, v in PLAIN.items() if k not in ("LAW", "PRODUCT")},
}
OURS = "plain"  # the mapping the headline uses; see the per-mapping figures


# ----------------------------------------------------------------- data


def load(data: Path) -> list[list[tuple[list[str], list[str]]]]:
    """Documents, each a list of sentences (words, gold IOB2 tags), in file order."""
    docs: list[list[tuple[list[str], list[str]]]] = []
    words: list[str] = []
    tags: list[str] = []

    def close_sentence() -> None:
        if words:
            if not docs:
                docs.append([])
            docs[-1].append((list(words), list(tags)))
            words.clear()
            tags.clear()

    with gzip.open(data / "dev.conll.gz", "rt", encoding="ascii") as lines:
        for line in lines:
            fields = line.split()
            if not fields:
                close_sentence()
            elif fields[0] == "-DOCSTART-":
                close_sentence()
                docs.append([])
            else:
                words.append(fields[0])
                tags.append(fields[-1])
    close_sentence()
    return [doc for doc in docs if doc]


def load_half(data: Path, half: str) -> list[list[tuple[list[str], list[str]]]]:
    """The documents of ``half``, each keyed by its position in dev ("dev-0", ...)."""
    keyed = list(enumerate(load(data)))
    return [doc for _, doc in select(keyed, half, key=lambda pair: f"dev-{pair[0]}")]


# ----------------------------------------------------------------- metric


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """conlleval entities (first token, last token, type) of one sentence."""
    found: set[tuple[int, int, str]] = set()
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if start is not None and not continues:
            found.add((start, i - 1, kind))
            start, kind = None, None
        if prefix == "B" or (prefix == "I" and not continues):
            start, kind = i, label
    return found


def to_tags(n: int, spans: list[tuple[int, int, str]]) -> list[str]:
    """IOB2 tags for non-overlapping token spans (first, last inclusive)."""
    tags = ["O"] * n
    for first, last, label in sorted(spans):
        if any(t != "O" for t in tags[first : last + 1]):
            continue  # an overlap: the earlier span wins
        tags[first] = f"B-{label}"
        for i in range(first + 1, last + 1):
            tags[i] = f"I-{label}"
    return tags


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    counts = {t: Counter() for t in TYPES}
    for g_tags, p_tags in zip(gold, pred):
        g, p = chunks(g_tags), chunks(p_tags)
        for _, _, t in g:
            counts[t]["gold"] += 1
        for _, _, t in p:
            counts[t]["predicted"] += 1
        for _, _, t in g & p:
            counts[t]["correct"] += 1
    rows = {t: prf(c) for t, c in counts.items()}
    rows["all"] = prf(sum(counts.values(), Counter()))
    return rows


def prf(c: Counter) -> dict:
    p = c["correct"] / c["predicted"] if c["predicted"] else 0.0
    r = c["correct"] / c["gold"] if c["gold"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "gold": c["gold"],
        "predicted": c["predicted"],
        "correct": c["correct"],
        "precision": round(100 * p, 2),
        "recall": round(100 * r, 2),
        "f1": round(100 * f, 2),
    }


# ----------------------------------------------------------------- systems


def bare_spacy(pipeline: Language, docs) -> tuple[list[list[tuple[int, int, str]]], float]:
    """README baseline: one Doc per sentence, ``doc.ents`` as they are."""
    sentences = [words for doc in docs for words, _ in doc]
    started = time.perf_counter()
    inputs = (Doc(pipeline.vocab, words=words) for words in sentences)
    spans = [
        [(e.start, e.end - 1, e.label_) for e in parsed.ents]
        for parsed in pipeline.pipe(inputs, batch_size=64)
    ]
    return spans, time.perf_counter() - started


def article_doc(vocab, sentences: list[list[str]]) -> tuple[Doc, list[tuple[int, int]]]:
    """One Doc for a CoNLL document, a ``\\n`` token between sentences; with,
    for each gold token in order, its (sentence, index)."""
    words, index = [], []
    for s, sentence in enumerate(sentences):
        if s:
            words.append("\n")
            index.append(None)
        words.extend(sentence)
        index.extend((s, i) for i in range(len(sentence)))
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if word == "\n" or (i + 1 < len(words) and words[i + 1] == "\n") or i + 1 == len(words):
            spaces[i] = False
    return Doc(vocab, words=words, spaces=spaces), index


def parse_articles(pipeline: Language, docs) -> list[tuple[Doc, list]]:
    """Each CoNLL document parsed as one article, with its gold token index."""
    built = [article_doc(pipeline.vocab, [w for w, _ in doc]) for doc in docs]
    parsed = pipeline.pipe((d for d, _ in built), batch_size=16)
    return [(doc, index) for (_, index), doc in zip(built, parsed)]


def gold_spans(
    parsed: Doc, index: list, n_sentences: int, mentions
) -> list[list[tuple[int, int, str]]]:
    """Mentions as (first, last, label) gold-token spans, per sentence."""
    per_sentence: list[list[tuple[int, int, str]]] = [[] for _ in range(n_sentences)]
    by_char = {tok.idx: tok.i for tok in parsed}
    ends = {tok.idx + len(tok.text): tok.i for tok in parsed}
    for m in mentions:
        first, last = by_char.get(m.start), ends.get(m.end)
        if first is None or last is None:
            continue  # not on gold token boundaries: cannot be scored as a match
        places = [index[i] for i in range(first, last + 1) if index[i] is not None]
        if not places or len({s for s, _ in places}) > 1:
            continue
        per_sentence[places[0][0]].append((places[0][1], places[-1][1], m.label))
    return per_sentence


def run_rules(
    model: Language, docs, articles, rules: tuple[str, ...]
) -> list[list[tuple[int, int, str]]]:
    """``find_mentions`` with ``rules`` on each article the model parsed."""
    out: list[list[tuple[int, int, str]]] = []
    for (parsed, index), sentences in zip(articles, docs):
        found = find_mentions(parsed, nlp=model, rules=rules)
        out.extend(gold_spans(parsed, index, len(sentences), found))
    return out


def ours(pipeline: Language, docs) -> tuple[list[list[tuple[int, int, str]]], float]:
    """A pipeline as the product runs it: each document parsed as one article,
    its mentions read from the corrected ``doc.ents``; timed together."""
    started = time.perf_counter()
    out: list[list[tuple[int, int, str]]] = []
    for (parsed, index), sentences in zip(parse_articles(pipeline, docs), docs):
        out.extend(gold_spans(parsed, index, len(sentences), mentions_of(parsed)))
    return out, time.perf_counter() - started


def scored(name: str, gold, spans, seconds: float, n_words: int, headline: str) -> dict:
    results = {}
    for mapping_name, mapping in MAPPINGS.items():
        pred = [
            to_tags(len(g), [(a, b, mapping[l]) for a, b, l in s if mapping.get(l)])
            for g, s in zip(gold, spans)
        ]
        results[mapping_name] = score(gold, pred)
    return {
        "system": name,
        "mapping": headline,
        **results[headline],
        "mappings": {k: v["all"]["f1"] for k, v in results.items()},
        "by_mapping": results,
        "seconds": round(seconds, 2),
        "words_per_second": round(n_words / seconds),
    }


def ablation(model: Language, docs, gold, n_words: int, full: dict) -> dict:
    """F1 with no rules, and with each rule left out of its chain: the
    product's rules from ``RULES``, the adapter's from ``conll.RULES``.
    ``full`` holds each pipeline's F1, which its whole chain must equal."""
    articles = parse_articles(model, docs)  # the rules never change a parsed Doc

    def f1(rules: tuple[str, ...]) -> float:
        spans = run_rules(model, docs, articles, rules)
        return scored("", gold, spans, 1.0, n_words, OURS)["all"]["f1"]

    for chain, rules in (("product", RULES), ("adapted", conll.RULES)):
        if f1(rules) != full[chain]:
            raise AssertionError(f"{chain}: find_mentions and the pipeline disagree")
    found = {"product": {"no rules": f1(())}, "adapted": {}}
    for chain, rules, own in (("product", RULES, RULES), ("adapted", conll.RULES, conll.OWN)):
        for name in dict.fromkeys(own):
            found[chain][f"without {name}"] = f1(tuple(r for r in rules if r != name))
            print(
                f"  {chain:<8} without {name:<20} F1 {found[chain][f'without {name}']:.2f}",
                flush=True,
            )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument(
        "--model", default=nlp.DEFAULT_MODEL, help="the spaCy pipeline: a package name or a folder"
    )
    parser.add_argument(
        "--ablate", action="store_true", help="also score each chain with each rule left out"
    )
    add_argument(parser)
    args = parser.parse_args(argv)
    out = args.out or (
        DEFAULT_OUT if args.half == "all" else DEFAULT_OUT.with_suffix(f".{args.half}.json")
    )
    docs = load_half(args.data, args.half)
    gold = [tags for doc in docs for _, tags in doc]
    n_words = sum(len(t) for t in gold)
    bare = nlp.spacy_model(args.model)
    meta = bare.meta
    model = f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')}"
    result = {
        "set": "ner-conll2003",
        "split": "dev",
        "half": args.half,
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "gold_sha256": hashlib.sha256((args.data / "dev.conll.gz").read_bytes()).hexdigest(),
        "metric": "conlleval exact entity-level micro P/R/F1 x 100 over PER, ORG, LOC, MISC",
        "model": model,
        "documents": len(docs),
        "sentences": len(gold),
        "words": n_words,
        "rules": {"product": list(RULES), "adapted": list(conll.RULES)},
    }
    systems = (
        (
            "spacy",
            f"bare spaCy {model}, one Doc per sentence, doc.ents",
            lambda: bare_spacy(bare, docs),
        ),
        (
            "product",
            "newsweave pipeline, product rules as components, one Doc per document",
            lambda: ours(nlp.build(args.model, RULES), docs),
        ),
        (
            "adapted",
            "newsweave pipeline, product rules + CoNLL adapter as components",
            lambda: ours(nlp.build(args.model, conll.RULES), docs),
        ),
    )
    for key, name, run in systems:
        spans, seconds = run()
        result[key] = scored(name, gold, spans, seconds, n_words, OURS)
    if args.ablate:
        full = {k: result[k]["all"]["f1"] for k in ("product", "adapted")}
        result["ablation"] = ablation(bare, docs, gold, n_words, full)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n", "utf-8")
    print_result(result)
    return 0


def print_result(result: dict) -> None:
    print(f"{result['half']} half: {result['documents']} documents, {result['words']} words")
    for key in ("spacy", "product", "adapted"):
        row = result[key]
        print(
            f"{row['system']} (mapping {row['mapping']}; {row['seconds']} s, "
            f"{row['words_per_second']} words/s)"
        )
        print(f"  {'type':<6}{'gold':>7}{'pred':>7}{'corr':>7}{'P':>8}{'R':>8}{'F1':>8}")
        for t in ("all", *TYPES):
            r = row[t]
            print(
                f"  {t:<6}{r['gold']:>7}{r['predicted']:>7}{r['correct']:>7}"
                f"{r['precision']:>8.2f}{r['recall']:>8.2f}{r['f1']:>8.2f}"
            )
        print("  F1 by mapping: " + ", ".join(f"{k} {v:.2f}" for k, v in row["mappings"].items()))


if __name__ == "__main__":
    sys.exit(main())
