"""Score time expressions on TempEval-3 Task A (TIMEX3 extent, type and value).

    python bench/timex_tempeval3.py [DATA_DIR] [--out bench/results/timex-tempeval3.json]
                                    [--no-doc] [--errors FILE]

The metric is the one in DATA_DIR/README.md (the TempEval-3 toolkit's
evaluate_entities.py): plain text of <TEXT> split into tokens; a system timex
and a gold timex match relaxed when they share a token, strict when they cover
the same tokens; counts are pooled over all documents. Value (type) accuracy is
the share of relaxed-matched gold timexes whose value (type) string equals the
system's; value F1 = value accuracy x relaxed F1. When several system timexes
share tokens with one gold timex, its attributes are compared with the one
sharing the most tokens (the earliest on a tie).

Each document's DCT is the ``reference``; text goes through
``newsweave.analyse.timex.find_timexes``, with the spaCy doc from
``newsweave.analyse.nlp.parse`` unless ``--no-doc``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import halves  # noqa: E402

from newsweave.analyse.timex import find_timexes  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/timex-tempeval3"
DEFAULT_OUT = ROOT / "bench/results/timex-tempeval3.json"
TAG = re.compile(r"<(/?)(\w+)([^>]*)>|[^<]+")
ATTR = re.compile(r'(\w+)="([^"]*)"')
# tokenize.pl splits words from punctuation; this is the same cut for matching.
TOKEN = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    type: str
    value: str | None


@dataclass
class Document:
    name: str
    text: str
    dct: dt.date | None
    gold: list[Span] = field(default_factory=list)


def read_tml(path: Path) -> Document:
    """The plain <TEXT> (tags removed, entities decoded) with gold TIMEX3 offsets."""
    raw = path.read_text("utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"(\d{4}-\d\d-\d\d)", raw)
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    doc = Document(path.name, "", dt.date.fromisoformat(dct.group(1)) if dct else None)
    parts: list[str] = []
    length, opened = 0, None
    for m in TAG.finditer(body.group(1) if body else ""):
        if m.group(2) is None:
            piece = html.unescape(m.group(0))
            parts.append(piece)
            length += len(piece)
        elif m.group(2) == "TIMEX3" and not m.group(1):
            opened = (length, dict(ATTR.findall(m.group(3))))
        elif m.group(2) == "TIMEX3" and opened:
            start, attrs = opened
            text = "".join(parts)[start:length]
            doc.gold.append(Span(start, length, text, attrs.get("type", ""), attrs.get("value")))
            opened = None
    doc.text = "".join(parts)
    return doc


def token_sets(text: str, spans: list[Span]) -> list[frozenset[int]]:
    tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
    return [
        frozenset(i for i, (a, b) in enumerate(tokens) if a < s.end and b > s.start) for s in spans
    ]


@dataclass
class Tally:
    gold: int = 0
    system: int = 0
    strict_gold: int = 0
    strict_system: int = 0
    relaxed_gold: int = 0
    relaxed_system: int = 0
    value: int = 0
    type: int = 0
    by_type: Counter = field(default_factory=Counter)
    errors: list[dict] = field(default_factory=list)


def best_partner(tokens: frozenset[int], others: list[frozenset[int]]) -> int | None:
    overlaps = [(len(tokens & o), -i) for i, o in enumerate(others) if tokens & o]
    return -max(overlaps)[1] if overlaps else None


def score_document(doc: Document, system: list[Span], tally: Tally) -> None:
    gold_tokens, sys_tokens = token_sets(doc.text, doc.gold), token_sets(doc.text, system)
    tally.gold += len(doc.gold)
    tally.system += len(system)
    for g, gt in zip(doc.gold, gold_tokens):
        tally.by_type[g.type, "gold"] += 1
        j = best_partner(gt, sys_tokens)
        if j is None:
            tally.errors.append(error("missed", doc, g, None))
            continue
        s = system[j]
        tally.relaxed_gold += 1
        tally.strict_gold += any(gt == st for st in sys_tokens)
        tally.value += s.value == g.value
        tally.type += s.type == g.type
        tally.by_type[g.type, "relaxed"] += 1
        tally.by_type[g.type, "value"] += s.value == g.value
        if s.value != g.value or s.type != g.type:
            tally.errors.append(error("wrong", doc, g, s))
    for s, st in zip(system, sys_tokens):
        matched = any(st & gt for gt in gold_tokens)
        tally.relaxed_system += matched
        tally.strict_system += any(st == gt for gt in gold_tokens)
        if not matched:
            tally.errors.append(error("spurious", doc, None, s))


def error(kind: str, doc: Document, gold: Span | None, system: Span | None) -> dict:
    where = gold or system
    return {
        "kind": kind,
        "doc": doc.name,
        "dct": doc.dct.isoformat() if doc.dct else None,
        "gold": [gold.text, gold.type, gold.value] if gold else None,
        "system": [system.text, system.type, system.value] if system else None,
        "context": doc.text[max(0, where.start - 70) : where.end + 40].replace("\n", " "),
    }


def prf(matched_p: int, system: int, matched_r: int, gold: int) -> dict:
    p = matched_p / system if system else 0.0
    r = matched_r / gold if gold else 0.0
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def figures(t: Tally) -> dict:
    strict = prf(t.strict_system, t.system, t.strict_gold, t.gold)
    relaxed = prf(t.relaxed_system, t.system, t.relaxed_gold, t.gold)
    value_acc = t.value / t.relaxed_gold if t.relaxed_gold else 0.0
    type_acc = t.type / t.relaxed_gold if t.relaxed_gold else 0.0
    out = {
        "gold": t.gold,
        "system": t.system,
        "strict": strict,
        "relaxed": relaxed,
        "value": {
            "accuracy": value_acc,
            "p": value_acc * relaxed["p"],
            "r": value_acc * relaxed["r"],
            "f1": value_acc * relaxed["f1"],
        },
        "type": {
            "accuracy": type_acc,
            "p": type_acc * relaxed["p"],
            "r": type_acc * relaxed["r"],
            "f1": type_acc * relaxed["f1"],
        },
    }
    return round_all(out)


def by_type(t: Tally) -> dict:
    types = sorted({k for k, _ in t.by_type})
    return {
        ty: {
            "gold": t.by_type[ty, "gold"],
            "relaxed_recall": round(t.by_type[ty, "relaxed"] / t.by_type[ty, "gold"], 4),
            "value_accuracy": round(t.by_type[ty, "value"] / t.by_type[ty, "relaxed"], 4)
            if t.by_type[ty, "relaxed"]
            else 0.0,
        }
        for ty in types
    }


def round_all(block):
    if isinstance(block, dict):
        return {k: round_all(v) for k, v in block.items()}
    return round(block, 4) if isinstance(block, float) else block


def run(docs: list[Document], *, use_doc: bool) -> tuple[Tally, dict]:
    tally, seconds = Tally(), {"parse": 0.0, "timex": 0.0}
    parsed = iter(())
    if use_doc:
        from newsweave.analyse.nlp import parse  # the model loads only when asked for

        start = time.perf_counter()
        parsed = iter(list(parse(d.text for d in docs)))
        seconds["parse"] = time.perf_counter() - start
    for d in docs:
        spacy_doc = next(parsed, None)
        start = time.perf_counter()
        found = find_timexes(d.text, reference=d.dct, doc=spacy_doc)
        seconds["timex"] += time.perf_counter() - start
        score_document(d, [Span(x.start, x.end, x.text, x.type, x.value) for x in found], tally)
    return tally, {k: round(v, 2) for k, v in seconds.items()}


def data_sha256(files: list[Path]) -> str:
    """Over names and contents, as the data set's build script prints it."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument(
        "--no-doc", action="store_true", help="no spaCy parse: tense from cue words only"
    )
    parser.add_argument("--errors", type=Path, help="write every error as JSON lines here")
    halves.add_argument(parser)
    args = parser.parse_args(argv)
    folder = args.data / "dev" if (args.data / "dev").is_dir() else args.data
    files = halves.select(sorted(folder.glob("*.tml")), args.half, key=lambda f: f.stem)
    docs = [read_tml(f) for f in files]
    tally, seconds = run(docs, use_doc=not args.no_doc)
    result = {
        "set": "timex-tempeval3",
        "split": folder.name,
        "half": args.half,
        "date": dt.date.today().isoformat(),
        "command": " ".join(["python", *sys.argv]),
        "data_sha256": data_sha256(files),
        "documents": len(docs),
        "runner": "newsweave.analyse.timex.find_timexes"
        + (" (no spaCy doc)" if args.no_doc else " with nlp.parse doc"),
        **figures(tally),
        "by_gold_type": by_type(tally),
        "seconds": seconds,
        "error_counts": dict(Counter(e["kind"] for e in tally.errors)),
        "error_sample": sample_errors(tally.errors),
    }
    print_table(result)
    out = halves.out_path(args.out, args.half)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    if args.errors:
        args.errors.write_text("".join(json.dumps(e) + "\n" for e in tally.errors), "utf-8")
    return 0


def sample_errors(errors: list[dict], *, per_kind: int = 15) -> list[dict]:
    """Every n-th error of each kind, so the sample spans the documents."""
    out = []
    for kind in ("missed", "spurious", "wrong"):
        some = [e for e in errors if e["kind"] == kind]
        step = max(1, len(some) // per_kind)
        out.extend(some[::step][:per_kind])
    return out


def print_table(r: dict) -> None:
    print(f"{r['runner']}: {r['documents']} docs, gold {r['gold']}, found {r['system']}")
    print(f"  {'':10}{'P':>8}{'R':>8}{'F1':>8}")
    for key in ("strict", "relaxed", "value", "type"):
        print(f"  {key:10}" + "".join(f"{r[key][c]:>8.4f}" for c in ("p", "r", "f1")))
    print(
        f"  value accuracy {r['value']['accuracy']:.4f}, type accuracy {r['type']['accuracy']:.4f}"
    )
    for ty, row in r["by_gold_type"].items():
        print(
            f"  {ty:9} gold {row['gold']:4}  relaxed R {row['relaxed_recall']:.4f}  "
            f"value acc {row['value_accuracy']:.4f}"
        )
    print(f"  errors {r['error_counts']}  seconds {r['seconds']}")


if __name__ == "__main__":
    sys.exit(main())
