"""Quotations: who said what, to whom, in one parsed article.

``find_quotes(doc)`` reads a parsed ``Doc`` (offsets are into ``doc.text``) and
returns ``Quote`` records: direct quotes (between quotation marks, also across
paragraphs and around an interrupting "he said"), indirect ones ("X said on
Tuesday that ...") and mixed ones ("saying the strategy 'fully meets' ...").

The steps, in order, each a small rule named with its version in ``RULES``:

1. ``marks``: quotation-mark spans found on the text, paragraph by paragraph.
2. ``cue``: a speech verb (or "according to") with its subject as source; the
   content is its clausal complement, widened to whole quotation-mark spans.
3. ``adjacent``: a quote next to a speech clause ("...," he said / he said: "...").
4. ``continued``: a quote sentence or paragraph right after an attributed quote
   keeps that quote's cue and speaker.
5. ``headline``: a quote in a headline-like line that the body repeats is
   dropped, so each quote is found once.
6. ``speaker``: the source as written is resolved to a naming span: through
   pronouns, relative pronouns, descriptions ("the Russian leader", by
   ``resolve``'s ``description.v2``, as the mentions are) and names; the
   resolution itself is ``analyse.speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..datelines import story_start
from ..model import Entity, Mention, Quote
from ..spans import inside, merge_spans
from .speakers import Said, Scene, name_speaker, scene_of

RULES = {
    "marks": "quotes.marks.v1",
    "cue": "quotes.cue.v3",
    "adjacent": "quotes.adjacent.v2",
    "continued": "quotes.continued.v1",
    "headline": "quotes.headline.v1",
    "speaker": "quotes.speaker.v4",
}

# Verbs that report speech or writing and take the reported clause as a
# complement. Kept to communication verbs: belief verbs (think, believe) are
# attitudes, not quotations.
SPEECH_VERBS = frozenset(
    """
say tell add state ask claim explain note write tweet declare announce insist argue
respond reply report warn acknowledge admit deny quip joke stress emphasise emphasize
suggest predict complain recall confirm assert allege contend maintain concede promise
vow pledge reveal testify remark observe estimate boast caution mention urge reiterate
point describe shout yell scream cry whisper exclaim comment conclude disclose
tout brag lament mutter muse chant sing post propose recommend""".split()
)
# These only cue a quotation when one stands next to them ("...," he continued).
QUOTE_ONLY_VERBS = frozenset("continue begin call put sum".split())
# Verbs that quote a word or phrase about something: 'condemned the test as
# "provocative"', 'called him a "bully"'. Only a quotation in the object counts.
LABEL_VERBS = frozenset(
    """call describe condemn characterize characterise label dub brand
praise liken decry denounce blast slam mock deride dismiss hail term promise""".split()
)
RELATIVE = frozenset("who that which whom".split())


@dataclass
class _Found:
    """One attribution being built: content fragments share one cue."""

    cue: tuple[int, int]
    source: Span | None
    content: list[tuple[int, int]] = field(default_factory=list)
    addressee: Span | None = None
    verb: int | None = None  # token index of the cue's verb
    rule: str = ""


# ------------------------------------------------------------------ marks

# Pairs on one line: curly doubles (also opened by a misprinted ” before a
# capital), straight doubles, doubled singles (''...'', as some papers print
# them) and curly singles that open at a word start.
_PAIRS = re.compile(
    r"“[^“”\n]*”|(?:^|(?<=\s))”(?=[A-Z])[^“”\n]*”|\"[^\"\n]*\"|''(?=\S)(?:(?!'').)*?''|``(?:(?!'').)*?''"
    r"|(?<![\w’])‘(?=\S)[^‘’\n]*?’(?![\w])"
)
# An opener left open at a line's end: the quote runs on to the next paragraph.
_OPEN_TO_END = re.compile(r"(?:^|(?<=\s))[“\"](?=\S)[^“”\"\n]*$", re.M)
QUOTE_CHARS = "\"“”‘’'`"


def quote_marks(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quotation marks included, sorted."""
    spans = [(m.start(), m.end()) for m in _PAIRS.finditer(text)]
    for m in _OPEN_TO_END.finditer(text):
        if not any(s <= m.start() < e for s, e in spans):
            spans.append((m.start(), m.end()))
    spans.sort()
    # A pair found inside a wider pair (a nested single quote) is part of it.
    kept: list[tuple[int, int]] = []
    for s, e in spans:
        if kept and s < kept[-1][1]:
            continue
        kept.append((s, e))
    return kept


def _is_quote(text: str) -> bool:
    return any(ch in text for ch in '"“”') or "''" in text or bool(re.search(r"‘\w", text))


# ------------------------------------------------------------------- cues


def _cue_verb(tok: Token) -> bool:
    return tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ in ("VERB", "AUX")


def _np(tok: Token) -> Span:
    """The noun phrase of ``tok`` on its paragraph, as attribution corpora mark a
    source: appositions and relative clauses in, the comma closing an apposition
    too ("Rendell, a Clinton surrogate, said"), a dateline or a dash before it out."""
    doc = tok.doc
    start, end = _on_line(doc, tok.left_edge.i, tok.right_edge.i + 1, tok.idx)
    story = _story_start(doc, tok.idx)  # "(Reuters) – The secretary": no part of it
    for t in doc[start : tok.i]:  # nor an aside's start: "an aggressive - some say"
        if t.idx < story or (t.text in ("–", "—", "-", ":") and t.whitespace_):
            start = t.i + 1
    while (
        end - 1 > tok.i
        and (doc[end - 1].is_punct or doc[end - 1].is_space)
        and not (doc[end - 1].text == ")" and "(" in doc[start:end].text)
    ):
        end -= 1
    while start < tok.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    inner = any(t.text in (",", "--", "—") for t in doc[start:end])
    if inner and end < len(doc) and doc[end].text in (",", "--", "—") and end < tok.head.i:
        end += 1
    return doc[start:end]


def _on_line(doc: Doc, start: int, end: int, anchor: int) -> tuple[int, int]:
    """Token range ``[start, end)`` cut to the paragraph holding character
    ``anchor``: the parser can join a headline or a teaser to the next line."""
    line_start, line_end = _line(_text(doc), anchor)
    while start < end and doc[start].idx < line_start:
        start += 1
    while end > start and doc[end - 1].idx >= line_end:
        end -= 1
    return start, end


def _subject(verb: Token) -> tuple[Token | None, Token]:
    """The speaker token of ``verb`` and the first token of the cue.

    Participles and conjuncts take their head's subject ("..., saying ...");
    "X was quoted as saying" and "RIA cited X as saying" name X."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects:  # "(Reuters) - The secretary told": the nearest is the speaker
        return min(subjects, key=lambda c: abs(c.i - verb.i)), verb
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.pos_ == "VERB":
        carrier = head.head  # quoted / cited / described
        for dep in ("nsubjpass", "dobj"):
            found = [c for c in carrier.children if c.dep_ == dep]
            if found:
                aux = [c for c in carrier.lefts if c.dep_ in ("auxpass", "aux")]
                return found[0], (aux[0] if aux else carrier)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "responded by saying", "before asking her"; "After saying ..., she was"
        carrier = head.head
        passive = [c for c in carrier.children if c.dep_ == "nsubjpass"]
        return (_subject(carrier)[0] or (passive[0] if passive else None)), verb
    if (
        verb.dep_ in ("advcl", "xcomp", "conj")
        and head.pos_ in ("VERB", "AUX")
        and head.i != verb.i
    ):
        return _subject(head)[0], verb
    return None, verb


def _addressee(verb: Token) -> Span | None:
    """Whom it was said to: the object of "tell", or "to X" after a speech verb."""
    if verb.lemma_.lower() in ("tell", "assure", "inform"):
        for child in verb.rights:
            if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ in ("PROPN", "NOUN", "PRON"):
                return _np(child)
    for child in verb.rights:
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("PROPN", "NOUN", "PRON"):
                return _np(objs[0])
    return None


def _cue_span(first: Token, verb: Token, addressee: Span | None) -> tuple[int, int]:
    """ "said"; "was quoted as saying"; "told Wang" when the addressee follows at once."""
    doc = verb.doc
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1  # "pointed out"
    if addressee is not None and addressee.start == end:
        end = addressee.end
    return doc[first.i].idx, doc[end - 1].idx + len(doc[end - 1])


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Token range ``[start, end)`` as characters, without edge punctuation other
    than quotation marks (a closing quote keeps what it encloses), and without
    a dateline ("MOSCOW (Sputnik) - ", "(Reuters) – ")."""
    if start < end:
        story = _story_start(doc, doc[start].idx)
        while start < end and doc[start].idx < story:
            start += 1
    while (
        start < end
        and (doc[start].is_punct or doc[start].is_space)
        and doc[start].text[0] not in QUOTE_CHARS
    ):
        start += 1
    while (
        end > start
        and (doc[end - 1].is_punct or doc[end - 1].is_space)
        and doc[end - 1].text[-1] not in QUOTE_CHARS
    ):
        end -= 1
    if end <= start:
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1])


def _widen(span: tuple[int, int], marks: list[tuple[int, int]]) -> tuple[int, int]:
    """Grow a content span to cover every quotation it touches: the parser often
    sees only the last sentence of a long quote as the complement."""
    s, e = span
    for ms, me in marks:
        if ms < e and s < me:
            s, e = min(s, ms), max(e, me)
    return s, e


def _clause(comp: Token) -> tuple[int, int] | None:
    """A complement's characters, on its cue's paragraph, without a trailing
    "according to X" or a sibling clause with its own speech verb ("..., while
    Enkhbayar said ...": that is another quote)."""
    doc = comp.doc
    start, end = comp.left_edge.i, comp.right_edge.i + 1
    for tok in comp.subtree:
        nested = tok.lower_ == "according" or (
            tok.dep_ in ("advcl", "conj")
            and _cue_verb(tok)
            and any(c.dep_ == "nsubj" for c in tok.children)
        )
        if nested and tok.right_edge.i + 1 == end and tok.left_edge.i > start:
            end = tok.left_edge.i
    start, end = _on_line(doc, start, end, comp.head.idx)
    return _trim(doc, start, end)


def _complement(verb: Token) -> list[tuple[int, int]]:
    """The reported clause of a speech verb, as trimmed character spans.

    "said (that) X" gives X's subtree; "X, he said" parsed with "said" under X's
    verb gives X's clause without the attribution; "told him to leave" the
    infinitive, for verbs that report a request or warning."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.lemma_.lower() in ("tell", "ask", "urge", "warn", "call"):
        comps += [c for c in verb.rights if c.dep_ == "xcomp"]
    spans = [_clause(c) for c in comps] + _fronted(verb, comps)
    if not comps and verb.dep_ in ("parataxis", "ccomp", "advcl") and _parenthetical(verb):
        spans = _around(verb)
    return [s for s in spans if s is not None]


def _fronted(verb: Token, comps: list[Token]) -> list[tuple[int, int] | None]:
    """ "Back in Virginia, Mr. Clarke said, he decided ...": what stands before a
    speech clause set off by commas belongs to the reported clause after it."""
    if not comps or any(c.i < verb.i for c in comps):
        return []
    subject = _subject(verb)[0]
    start = min(verb.i, subject.left_edge.i) if subject is not None else verb.i
    doc = verb.doc
    sent_start, _ = _on_line(doc, verb.sent.start, verb.i, verb.idx)
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else verb
    if start - 1 <= sent_start or doc[start - 1].text != "," or after.text != ",":
        return []  # "In his meeting with Wang, Putin said he ...": the speaker's setting
    return [_trim(doc, sent_start, start - 1)]


def _parenthetical(verb: Token) -> bool:
    """ "X, he said." or "X, he said, is Y.": the speech clause hangs, unmarked,
    off the reported clause's verb, with some of that clause before it."""
    head, left = verb.head, verb.left_edge.i
    while left < verb.i and verb.doc[left].is_punct:
        left += 1  # the parser may hang the comma on either clause
    if verb.tag_ in ("VBG", "VBN") or not any(c.dep_ == "nsubj" for c in verb.children):
        return False  # "..., emphasizing X" is the writer's clause, not an attribution
    return (
        head.pos_ in ("VERB", "AUX")
        and head.left_edge.i < left
        and verb.doc[left - 1].text in (",", "--", "—", "–", "”", '"', "''")
        and not any(c.dep_ == "mark" for c in verb.children)
    )


def _around(verb: Token) -> list[tuple[int, int] | None]:
    """The reported clause around a parenthetical speech clause, in one or two parts."""
    doc, head = verb.doc, verb.head
    line_start, line_end = _line(_text(doc), verb.idx)
    left = next(t.i for t in head.subtree if t.idx >= line_start)
    spans = [_trim(doc, left, verb.left_edge.i)]
    if verb.right_edge.i < head.right_edge.i:  # "The plan, he said, is fine."
        right = max(t.i for t in head.subtree if t.idx < line_end) + 1
        spans.append(_trim(doc, verb.right_edge.i + 1, right))
    return spans


def _labelled(verb: Token, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The object of a labelling or speech verb when it holds a quotation:
    'condemned Friday's test as "provocative"', 'emphasized their stance
    against a "new cold war"'."""
    if verb.lemma_.lower() not in LABEL_VERBS and not _cue_verb(verb):
        return []
    parts = [
        c
        for c in verb.rights
        if c.dep_ in ("dobj", "oprd", "attr") or (c.dep_ == "prep" and c.lower_ in ("as", "to"))
    ]
    if not parts:
        return []
    span = _trim(verb.doc, parts[0].left_edge.i, parts[-1].right_edge.i + 1)
    if span is None or not any(s < span[1] and span[0] < e for s, e in marks):
        return []
    return [span]


def _block_after(verb: Token, marks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """'Limbaugh added:' closing a paragraph introduces the next paragraph as
    his words, with or without quotation marks (transcripts, block quotes)."""
    text = _text(verb.doc)
    end = verb.idx + len(verb)
    line_end = _line(text, verb.idx)[1]
    if not _cue_verb(verb) or text[end:line_end].strip() != ":":
        return []
    start = len(text) - len(text[line_end:].lstrip())
    if start >= len(text) or inside(start, marks):
        return []  # a quotation there is the adjacent step's
    stop = _line(text, start)[1]
    return [(start, len(text[:stop].rstrip()))]


def _attribution(verb: Token, rule: str) -> _Found | None:
    """The cue, source and addressee of a speech verb; None without a source."""
    subject, first = _subject(verb)
    if subject is None:
        return None
    addressee = _addressee(verb)
    return _Found(
        cue=_cue_span(first, verb, addressee),
        source=_np(subject),
        addressee=addressee,
        verb=verb.i,
        rule=rule,
    )


def _cue_step(doc: Doc, marks: list[tuple[int, int]]) -> dict[int, _Found]:
    """Speech verbs outside quotations with a reported clause: cue.v3."""
    found: dict[int, _Found] = {}
    for tok in doc:
        if tok.pos_ != "VERB" or inside(tok.idx, marks):
            continue
        content = (
            (_complement(tok) if _cue_verb(tok) else [])
            or _labelled(tok, marks)
            or _block_after(tok, marks)
        )
        if not content:
            continue
        item = _attribution(tok, RULES["cue"])
        if item is None:
            continue
        item.content = [_widen(s, marks) for s in content]
        found[tok.i] = item
    return found


def _according_parts(tok: Token) -> tuple[Span, list[tuple[int, int] | None]] | None:
    """Source and clause of "according to X": the clause it modifies, less the
    phrase; when the parser made "According" the root, the words after the comma."""
    doc, to = tok.doc, tok.doc[tok.i + 1]
    objs = [c for c in to.children if c.dep_ == "pobj"]
    clause = tok.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if not objs:
        return None
    if clause.i == tok.i:  # "According to X, the move reeks of ..." read as one phrase
        comma = next((t.i for t in doc[to.i : tok.sent.end] if t.text == ","), None)
        if comma is None or tok.i != tok.sent.start:
            return None
        return doc[to.i + 1 : comma], [_trim(doc, comma + 1, tok.sent.end)]
    left = _trim(doc, clause.left_edge.i, tok.i) if clause.left_edge.i < tok.i else None
    return _np(objs[0]), [left, _trim(doc, tok.right_edge.i + 1, clause.right_edge.i + 1)]


def _according_step(doc: Doc, marks: list[tuple[int, int]], found: dict[int, _Found]) -> None:
    """ "According to X, ..." attributes its clause to X, unless the clause is
    itself a speech verb's ("he said, according to the Kremlin": his words)."""
    for tok in doc[:-1]:
        nxt = doc[tok.i + 1]
        if (
            tok.lower_ != "according"
            or nxt.lower_ != "to"
            or inside(tok.idx, marks)
            or any(_cue_verb(a) for a in tok.ancestors)
        ):
            continue
        parts = _according_parts(tok)
        content = [s for s in parts[1] if s is not None] if parts else []
        if not content:
            continue
        found[tok.i] = _Found(
            cue=(tok.idx, nxt.idx + len(nxt)),
            source=parts[0],
            content=[_widen(s, marks) for s in content],
            verb=tok.i,
            rule=RULES["cue"],
        )


# --------------------------------------------------------------- adjacent


def _claimed(mark: tuple[int, int], found: dict[int, _Found]) -> bool:
    return any(s < mark[1] and mark[0] < e for item in found.values() for s, e in item.content)


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [] if span is None else [t for t in span if start <= t.idx < end]


def _verb_after(
    doc: Doc, mark: tuple[int, int], limit: int, marks: list[tuple[int, int]]
) -> Token | None:
    """'"...," he said' / '"...," said X, a spokesman': the first speech verb after
    the quote, if all that stands between is punctuation, its subject or its
    auxiliaries and adverbs."""
    toks = _tokens_between(doc, mark[1], limit)
    for tok in toks[:60]:
        if (
            tok.pos_ not in ("VERB", "AUX")
            or inside(tok.idx, marks)
            or not (_cue_verb(tok) or tok.lemma_.lower() in QUOTE_ONLY_VERBS)
        ):
            continue
        subject, first = _subject(tok)
        allowed = {t.i for t in subject.subtree} if subject is not None else set()
        allowed |= {c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "advmod", "neg")}
        allowed |= set(range(first.i, tok.i))  # "was quoted as saying"
        allowed |= {t.i for t in first.subtree if t.i < tok.i}  # "RIA cited X as saying"
        between = [t for t in toks if t.i < tok.i]
        if subject is not None and all(t.is_punct or t.is_space or t.i in allowed for t in between):
            return tok
        return None
    return None


def _verb_before(doc: Doc, mark: tuple[int, int], floor: int) -> Token | None:
    """'He said: "..."' / 'he said in a statement, "..."': the speech verb whose
    clause ends just before the quote, after a colon, comma or nothing."""
    toks = [t for t in _tokens_between(doc, floor, mark[0]) if not t.is_space]
    while toks and toks[-1].is_punct and toks[-1].text in ":,—–-":
        toks.pop()
    if not toks or toks[-1].is_punct:
        return None
    cand = toks[-1]
    for _ in range(6):
        if _cue_verb(cand) or cand.lemma_.lower() in QUOTE_ONLY_VERBS and cand.pos_ == "VERB":
            return cand if _subject(cand)[0] is not None else None
        if cand.head.i == cand.i:
            return None
        cand = cand.head
    return None


_DASH_SOURCE = re.compile(r"[ \t\u00a0]*([―—–])[ \t\u00a0]*([^\n]{2,60}?)[.\s]*$", re.M)


def _dash_source(doc: Doc, mark: tuple[int, int], line_end: int) -> _Found | None:
    """'"..." ― Adriana Rodarte' closing a paragraph: the dash is the cue."""
    m = _DASH_SOURCE.match(_text(doc), mark[1], line_end)
    if m is None or not any(w[:1].isupper() for w in m.group(2).split()):
        return None
    src = doc.char_span(m.start(2), m.end(2), alignment_mode="contract")
    if src is None or len(src) > 8:
        return None
    return _Found(cue=m.span(1), source=src, content=[mark], rule=RULES["adjacent"])


# How a quoted phrase hangs in its sentence when it is a name or a term, not a
# quotation: 'said on "Fox News Sunday"', 'called her "disgusting"'.
PHRASE_DEPS = frozenset(
    "pobj compound poss amod nmod appos attr acomp oprd nsubj nsubjpass npadvmod".split()
)


def _phrase(doc: Doc, mark: tuple[int, int]) -> bool:
    """Whether the quoted passage is a phrase inside a sentence rather than said words."""
    inner = [t for t in _tokens_between(doc, mark[0], mark[1]) if not (t.is_punct or t.is_space)]
    outward = [t.dep_ for t in inner if not mark[0] <= t.head.idx < mark[1] or t.head.i == t.i]
    return bool(outward) and all(dep in PHRASE_DEPS for dep in outward)


def _text(doc: Doc) -> str:
    """``doc.text``, built once per document: spaCy joins the tokens anew on
    every access, and the steps ask for it once per candidate verb."""
    key = ("newsweave", "text")
    if key not in doc.user_data:
        doc.user_data[key] = doc.text
    return doc.user_data[key]


def _story_start(doc: Doc, i: int) -> int:
    """Where the story's words begin on the paragraph holding character ``i``:
    after its dateline ("MOSCOW (Sputnik) - "), if it has one."""
    return story_start(_text(doc), *_line(_text(doc), i))


def _line(text: str, i: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, i) + 1
    end = text.find("\n", i)
    return start, (len(text) if end < 0 else end)


def _colon_line(text: str, line_start: int, at: int) -> int:
    """Where the clause introducing a quotation may start: its own line, or the
    line before when the quotation opens a paragraph and that line ends in a
    colon ("Caddell continued:")."""
    if text[line_start:at].strip():
        return line_start
    before = text[:line_start].rstrip()
    return _line(text, len(before) - 1)[0] if before.endswith(":") else line_start


def _adjacent_step(doc: Doc, marks: list[tuple[int, int]], found: dict[int, _Found]) -> None:
    """Quotations no clause claimed, attributed to the speech clause next to them."""
    for k, mark in enumerate(marks):
        if _claimed(mark, found):
            continue
        line_start, line_end = _line(_text(doc), mark[0])
        after_limit = min([line_end] + [s for s, _ in marks[k + 1 :] if s < line_end])
        floor = _colon_line(_text(doc), line_start, mark[0])
        before_floor = max([floor] + [e for _, e in marks[:k] if e > floor])
        verb = _verb_after(doc, mark, after_limit, marks) or _verb_before(doc, mark, before_floor)
        if verb is None:
            dashed = _dash_source(doc, mark, line_end)
            if dashed is not None:
                found[-1 - mark[0]] = dashed  # no verb: keyed apart from token indices
            continue
        if verb.i in found and _phrase(doc, mark):
            continue  # 'said on "Fox News Sunday" that ...': a name, not more words
        item = found.get(verb.i) or _attribution(verb, RULES["adjacent"])
        if item is not None:
            item.content.append(mark)
            found[verb.i] = item


# -------------------------------------------------------------- continued


def _starts_sentence(text: str, mark: tuple[int, int]) -> bool:
    """A quotation that opens a sentence or a paragraph, not a phrase in one."""
    before = text[_line(text, mark[0])[0] : mark[0]].rstrip()
    return not before or before[-1] in ".!?:;" + QUOTE_CHARS


def _continued_step(doc: Doc, marks: list[tuple[int, int]], found: dict[int, _Found]) -> None:
    """A quotation with no cue of its own, right after an attributed quotation in
    the same paragraph or the paragraph before, continues it: same cue, same
    speaker. Nothing but the earlier attribution's own words may stand between."""
    text = _text(doc)
    for mark in marks:
        if _claimed(mark, found) or not _starts_sentence(text, mark) or _phrase(doc, mark):
            continue
        before = [
            item
            for item in found.values()
            if item.content and max(e for _, e in item.content) <= mark[0]
        ]
        if not before:
            continue
        prev = max(before, key=lambda item: max(e for _, e in item.content))
        ends = [prev.cue[1]] + ([prev.source.end_char] if prev.source is not None else [])
        anchor = max([e for _, e in prev.content] + ends)
        lines = text[anchor : mark[0]].split("\n")
        if (
            anchor > mark[0]
            or len(lines[0]) > 100
            or any(l.strip() for l in lines[1:])
            or any(anchor <= s < mark[0] for s, _ in marks)
        ):
            continue
        if len(lines) > 1 and (
            not any(_is_quote(text[s:e]) for s, e in prev.content)
            or _line(text, mark[0])[1] > mark[1] + 2
        ):
            continue  # a paragraph continues only a quotation, and only if all quote
        prev.content.append(mark)
        prev.rule = RULES["continued"]


# --------------------------------------------------------------- headline

_WORD = re.compile(r"\w+")


def _headline_like(text: str, start: int) -> bool:
    """A headline, standfirst bullet or teaser: a line that does not end a sentence."""
    s, e = _line(text, start)
    line = text[s:e].strip()
    return line[:1] in "•*·-–" or line[-1:] not in ".!?\"”’'):;"


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _repeats(head: str, body: str) -> bool:
    """The headline quote's words stand in the body quote: its quoted part all,
    or most of its words (headlines paraphrase)."""
    quoted = [m.group(0) for m in _PAIRS.finditer(head)]
    if quoted and all(_words(q) <= _words(body) for q in quoted):
        return True
    words = _words(head)
    return bool(words) and len(words & _words(body)) >= 0.6 * len(words)


def _headline_step(doc: Doc, found: dict[int, _Found]) -> None:
    """Drop a quotation in a headline-like line that another quotation repeats
    later in the text (the body's is kept: it has the full sentence)."""
    text = _text(doc)
    items = sorted(found.items(), key=lambda kv: kv[1].content[0][0])
    for n, (key, item) in enumerate(items):
        if not all(_headline_like(text, s) for s, _ in item.content):
            continue
        head = " ".join(text[s:e] for s, e in item.content)
        later = [" ".join(text[s:e] for s, e in other.content) for _, other in items[n + 1 :]]
        if any(_repeats(head, body) for body in later):
            del found[key]


# ---------------------------------------------------------------- speaker


def _resolve(where: Scene, src: Span | None, said: list[Said]) -> Span | None:
    """The naming span for a source as written (``speaker`` rule, ``speakers``)."""
    if src is None:
        return None
    root = src.root
    if root.lower_ in RELATIVE and root.head.dep_ == "relcl":
        src = _np(root.head.head)  # "Stevie Wonder, who joked"
    return name_speaker(where, src, said)


# ----------------------------------------------------------------- output


def _kind(text: str, span: tuple[int, int], marks: list[tuple[int, int]]) -> str:
    """direct: all quoted; mixed: partly quoted; indirect: no quotation inside."""
    quoted = [(max(s, span[0]), min(e, span[1])) for s, e in marks if s < span[1] and span[0] < e]
    if not quoted:
        return "indirect"
    rest = text[span[0] : span[1]]
    for s, e in sorted(quoted, reverse=True):
        rest = rest[: s - span[0]] + rest[e - span[0] :]
    return "direct" if not _WORD.search(rest) else "mixed"


def _records(
    doc: Doc, item: _Found, speaker: Span | None, marks: list[tuple[int, int]]
) -> list[Quote]:
    text = _text(doc)
    cue_start, cue_end = item.cue
    to = item.addressee
    return [
        Quote(
            start=s,
            end=e,
            text=text[s:e],
            kind=_kind(text, (s, e), marks),
            speaker_start=speaker.start_char if speaker is not None else None,
            speaker_end=speaker.end_char if speaker is not None else None,
            cue=text[cue_start:cue_end],
            cue_start=cue_start,
            cue_end=cue_end,
            addressee_start=to.start_char if to is not None else None,
            addressee_end=to.end_char if to is not None else None,
            rule=item.rule or None,
        )
        for s, e in merge_spans(item.content, text)
    ]


def find_quotes(
    doc: Doc,
    *,
    resolve: bool = True,
    names: tuple[list[Mention], list[Entity]] | None = None,
) -> list[Quote]:
    """Every quotation in ``doc``, in text order, one ``Quote`` per contiguous
    content fragment (a quote split by "he said" gives two, with one cue).

    ``resolve=False`` keeps each source as written ("he", "the official",
    "Scott Pruitt, the attorney general of Oklahoma"), as attribution corpora
    annotate it; the default names the speaker (``speaker`` rule). ``names``
    is ``resolve_article``'s result for ``doc`` when the caller has it, so the
    names are not grouped a second time."""
    marks = quote_marks(_text(doc))
    found = _cue_step(doc, marks)
    _according_step(doc, marks, found)
    _adjacent_step(doc, marks, found)
    _continued_step(doc, marks, found)
    _headline_step(doc, found)
    quotes: list[Quote] = []
    said: list[Said] = []
    where = scene_of(doc, marks, names) if resolve else None
    for item in sorted(found.values(), key=lambda f: f.cue):
        speaker = _resolve(where, item.source, said) if where is not None else item.source
        cue_tok = doc.char_span(*item.cue, alignment_mode="expand")
        if speaker is not None and cue_tok is not None:
            said.append(Said(cue=cue_tok.start, speaker=speaker))
        quotes.extend(_records(doc, item, speaker, marks))
    return sorted(quotes, key=lambda q: (q.start, q.end))
