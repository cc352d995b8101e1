"""Score contact and movement events on events-wikievents (KAIROS ontology).

    python bench/events_wikievents.py [DATA_DIR] [--out FILE] [--half tune|check|all]

End to end, as later papers do it (the set's README): trigger identification
(TI: the trigger's tokens match a gold trigger), trigger classification at the
ontology's Type.Subtype level (TC) and at the full type (TC-full), then
argument identification and classification by head word (Arg-I, Arg-C) on
matched triggers. Only gold events of type Contact.* and Movement.* are
counted; newsweave's event kinds map to KAIROS types as in ``KAIROS`` below.

The per-trigger step of ``newsweave.analyse.events.find_events`` is scored
(``event_mentions``: the same rules before mentions of one event are merged,
since WikiEvents annotates every trigger), on mentions from
``newsweave.analyse.entities.mentions_of`` (the pipeline's corrected names). Participants count as role
Participant, the place as Place (Destination for a visit).

The adapter: WikiEvents annotates speech ("said", "told") as Contact events,
which the product records as quotations, not events (a reporting verb is a
quote). Each quote's cue from ``newsweave.analyse.quotes.find_quotes`` is
therefore scored as a ``Contact.Contact.Broadcast`` trigger, its speaker and
addressee as Participants (``cue_events``); ``events_only`` gives the figures
without them. The split unit of
``--half`` is the document id (``halves.half_of(doc_id)``); a half is written
to ``events-wikievents.<half>.json`` unless ``--out`` says otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path

from spacy.tokens import Doc

from newsweave.analyse.entities import mentions_of
from newsweave.analyse.events import event_mentions
from newsweave.analyse.nlp import load
from newsweave.analyse.quotes import find_quotes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from halves import add_argument, select  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / "../shared/bench/events-wikievents"
DEFAULT_OUT = ROOT / "bench/results/events-wikievents.json"  # --half all; tune, check beside it
FAMILIES = ("Contact.", "Movement.")
KAIROS = {
    "meeting": "Contact.Contact.Meet",
    "talks": "Contact.Contact.Meet",
    "summit": "Contact.Contact.Meet",
    "call": "Contact.Contact.Correspondence",
    "statement": "Contact.Contact.Broadcast",
    "visit": "Movement.Transportation.Unspecified",
}


def parsed(record: dict) -> Doc:
    """The document as spaCy tokens identical to the gold tokens."""
    words, spaces = [], []
    for tokens, _ in record["sentences"]:
        for i, (word, _, end) in enumerate(tokens):
            words.append(word)
            following = tokens[i + 1][1] if i + 1 < len(tokens) else None
            spaces.append(following is None or following > end)
    return load()(Doc(load().vocab, words=words, spaces=spaces))


def gold_events(record: dict) -> list[dict]:
    entities = {m["id"]: m for m in record["entity_mentions"]}
    found = []
    for event in record["event_mentions"]:
        if event["event_type"].startswith(FAMILIES):
            args = [
                (entities[a["entity_id"]], a["role"])
                for a in event["arguments"]
                if a["entity_id"] in entities
            ]
            found.append(
                {
                    "type": event["event_type"],
                    "span": (event["trigger"]["start"], event["trigger"]["end"]),
                    "args": args,
                }
            )
    return found


def predicted(doc: Doc, *, cues: bool = True) -> list[dict]:
    mentions = mentions_of(doc)
    found = []
    for event in event_mentions(doc, mentions=mentions):
        if event.kind not in KAIROS:
            continue
        span = doc.char_span(event.start, event.end, alignment_mode="expand")
        found.append(
            {
                "type": KAIROS[event.kind],
                "span": (span.start, span.end),
                "args": arguments(doc, event, mentions, span),
            }
        )
    return found + (cue_events(doc, {f["span"] for f in found}) if cues else [])


def cue_events(doc: Doc, taken: set) -> list[dict]:
    """Each quotation's cue as a Contact trigger (the benchmark's genre)."""
    found = []
    for quote in find_quotes(doc, resolve=False):
        if quote.cue_start is None:
            continue
        span = doc.char_span(quote.cue_start, quote.cue_end, alignment_mode="expand")
        if span is None or (span.start, span.end) in taken:
            continue
        taken.add((span.start, span.end))
        args = [
            (part.root.i, "Participant")
            for a, b in (
                (quote.speaker_start, quote.speaker_end),
                (quote.addressee_start, quote.addressee_end),
            )
            if a is not None and (part := doc.char_span(a, b, alignment_mode="expand"))
        ]
        found.append(
            {"type": "Contact.Contact.Broadcast", "span": (span.start, span.end), "args": args}
        )
    return found


def arguments(doc: Doc, event, mentions, trigger) -> list[tuple[int, str]]:
    """(head token, role) of each argument: the participant's or place's mention
    in the trigger's sentence."""
    sentence = trigger.sent
    place_role = "Destination" if event.kind == "visit" else "Place"
    wanted = [(key, "Participant") for key in event.participants]
    wanted += [(event.place, place_role)] if event.place else []
    found = []
    for key, role in wanted:
        for m in mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if (m.entity or m.text) == key and span is not None and span.sent == sentence:
                found.append((span.root.i, role))
                break
    return found


def gold_head(doc: Doc, mention: dict) -> int:
    return doc[mention["start"] : mention["end"]].root.i


def prf(tp: int, predicted_n: int, gold_n: int) -> dict:
    p = tp / predicted_n if predicted_n else 0.0
    r = tp / gold_n if gold_n else 0.0
    return {
        "tp": tp,
        "predicted": predicted_n,
        "gold": gold_n,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if tp else 0.0,
    }


def score(records: list[dict], *, cues: bool = True) -> dict:
    counts = dict.fromkeys(("ti", "tc", "tc_full", "arg_i", "arg_c", "pred_args", "gold_args"), 0)
    n_pred = n_gold = 0
    for record in records:
        doc, gold = parsed(record), gold_events(record)
        pred = predicted(doc, cues=cues)
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
        counts["gold_args"] += sum(len(g["args"]) for g in gold)
        counts["pred_args"] += sum(len(p["args"]) for p in pred)
        for p in pred:
            match = next((g for g in gold if g["span"] == p["span"]), None)
            if match is not None:
                _count_match(doc, p, match, counts)
    return {
        name: prf(counts[key], n_pred, n_gold)
        for name, key in (("TI", "ti"), ("TC", "tc"), ("TC-full", "tc_full"))
    } | {
        name: prf(counts[key], counts["pred_args"], counts["gold_args"])
        for name, key in (("Arg-I head", "arg_i"), ("Arg-C head", "arg_c"))
    }


def _count_match(doc: Doc, pred: dict, gold: dict, counts: dict) -> None:
    counts["ti"] += 1
    counts["tc"] += pred["type"].rsplit(".", 1)[0] == gold["type"].rsplit(".", 1)[0]
    counts["tc_full"] += pred["type"] == gold["type"]
    gold_args = {(gold_head(doc, m), role) for m, role in gold["args"]}
    for head, role in pred["args"]:
        counts["arg_i"] += any(head == h for h, _ in gold_args)
        counts["arg_c"] += (head, role) in gold_args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=None)
    add_argument(parser)
    args = parser.parse_args(argv)
    out = args.out or (
        DEFAULT_OUT if args.half == "all" else DEFAULT_OUT.with_suffix(f".{args.half}.json")
    )
    path = args.data / "dev.jsonl"
    records = select(
        [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()],
        args.half,
        key=lambda r: r["doc_id"],
    )
    started = time.perf_counter()
    figures = score(records)
    result = {
        "set": "events-wikievents",
        "split": "dev",
        "half": args.half,
        "documents": len(records),
        "date": dt.date.today().isoformat(),
        "command": " ".join(
            ["python", "bench/events_wikievents.py", *(sys.argv[1:] if argv is None else argv)]
        ),
        "data_sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "counted": "gold events of type Contact.* and Movement.*",
        "kairos_map": KAIROS,
        "figures": figures,
        "events_only": score(records, cues=False),
        "seconds": round(time.perf_counter() - started, 2),
    }
    print(f"{'measure':<12}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}")
    for name, row in figures.items():
        print(
            f"{name:<12}{row['precision']:>8}{row['recall']:>8}{row['f1']:>8}"
            f"{row['tp']:>6}{row['predicted']:>6}{row['gold']:>6}"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
