"""Attributions in one parsed unit: cue, content and source spans, with quotation regions.

``find`` walks the candidate cues of a parsed unit (outside quotation marks), asks the cue
scorer whether each really attributes content, reads content and source off the parse
(``quote_spans``) and reconciles the content with the quotation regions: content inside a
quotation becomes the whole quotation (a direct quote), a quotation partly inside the
content is taken in whole (a mixed quote), and quotations right before or after the cue's
clause ("“…,” she said, “…”", "He told the crowd: “…”") are added to it. A cue inside
another attribution's content is either a coordinated report of its own ("said X and
added Y", "…, while others said Z": the outer content stops before it) or a nested one
("criticized Lamport for saying …": dropped, the outer one is the reported statement).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

from .quote_cues import Lexicon, candidate_indices, features
from .quote_marks import Region
from .quote_regions import NEAR, Regions, Span, cut_at, merge, snap, subtract
from .quote_speakers import HUMAN_NOUNS
from .quote_spans import (char_span, content_tokens, cue_span, inverted_object, matrix_source, runs,
                          minus, source_span, source_token, splits, subject_of)

Scorer = Callable[[Any, list[str]], float]
_SOURCE_POS = frozenset({"PROPN", "PRON", "NOUN"})
_FIRST_WORD = re.compile(r"\w+")
_OPENERS = frozenset({"to", "that", "whether", "if", "how", "what", "why"})


@dataclass
class Found:
    """One attribution: offsets are into the document text."""

    cue: Span
    content: list[Span]
    source: Span | None
    source_tok: Any
    cue_tok: Any
    score: float
    regions: list[Region] = field(default_factory=list)
    source_head: int | None = None
    verbatim: bool = False          # the content is the speaker's own words (a transcript line)
    matrix: tuple[Span, Any, int] | None = None   # the reporting subject the source may stand for

    @property
    def start(self) -> int:
        return self.content[0][0]


class Sentences:
    """Sentence bounds of a parsed unit, looked up by token index."""

    def __init__(self, sdoc: Any) -> None:
        if sdoc.has_annotation("SENT_START"):
            self.bounds = [(s.start, s.end, s.start_char, s.end_char) for s in sdoc.sents]
        else:
            self.bounds = [(0, len(sdoc), 0, len(sdoc.text))]
        self.starts = [b[0] for b in self.bounds]

    def of(self, tok: Any) -> tuple[int, int, int, int]:
        """``(first token, end token, start char, end char)`` of the sentence of ``tok``."""
        return self.bounds[bisect_right(self.starts, tok.i) - 1]


def candidate_features(tok: Any, offset: int, text: str, regions: Regions,
                       sent: tuple[int, int, int, int]) -> list[str] | None:
    """Features of a candidate cue, or None when it sits inside a quotation."""
    pos = offset + tok.idx
    if regions.at(pos) is not None:
        return None
    s_lo, s_hi = offset + sent[2], offset + sent[3]
    q_before = regions.before(text, pos) is not None or any(r.outer_end <= pos for r in regions.between(s_lo, pos))
    q_after = regions.after(text, pos + len(tok.text)) is not None or any(
        r.open >= pos for r in regions.between(pos, s_hi))
    return features(tok, in_quote=False, quote_before=q_before, quote_after=q_after)


def candidates(text: str, offset: int, sdoc: Any, regions: Regions,
               lexicon: Lexicon) -> Iterator[tuple[Any, list[str], Found]]:
    """``(token, features, attribution)`` for each candidate cue of a parsed unit that
    yields content (``offset``: the unit's position in ``text``)."""
    sents = Sentences(sdoc)
    for i in candidate_indices(sdoc, lexicon):
        tok = sdoc[i]
        sent = sents.of(tok)
        feats = candidate_features(tok, offset, text, regions, sent)
        if feats is None:
            continue
        item = _attribution(text, offset, tok, regions, sent)
        if item is not None:
            yield tok, feats + attribution_features(text, item) + content_features(tok, offset, item), item


def attribution_features(text: str, item: Found) -> list[str]:
    """Features of what the candidate would report: its source and content."""
    src = item.source_tok
    if src is None:
        kind = "none"
    elif src.pos_ == "PRON":
        kind = "pron"
    else:
        kind = src.ent_type_ or src.pos_
    size = sum(e - s for s, e in item.content)
    bucket = "xs" if size < 15 else "s" if size < 40 else "m" if size < 120 else "l"
    quoted = "region" if item.regions else "plain"
    lemma = item.cue_tok.lemma_.lower()
    order = "before" if item.content[-1][1] <= item.cue[0] else "after" if item.content[0][0] >= item.cue[1] else "around"
    first = _FIRST_WORD.match(text, item.content[0][0], item.content[0][0] + 12)
    opener = first.group(0).lower() if first is not None and first.group(0).lower() in _OPENERS else "other"
    human = src is not None and src.pos_ == "NOUN" and src.lemma_.lower() in HUMAN_NOUNS
    return [f"src={kind}", f"size={bucket}", f"quoted={quoted}", f"lemma_src={lemma}|{kind}",
            f"lemma_quoted={lemma}|{quoted}", f"lemma_size={lemma}|{bucket}", f"pieces={min(len(item.content), 3)}",
            f"order={order}", f"lemma_order={lemma}|{order}", f"opener={opener}", f"lemma_opener={lemma}|{opener}",
            f"src_human={human}", f"src_order={kind}|{order}", f"quoted_order={quoted}|{order}",
            f"src_lemma={src.lemma_.lower() if src is not None and src.pos_ == 'NOUN' else kind}"]


def content_features(tok: Any, offset: int, item: Found) -> list[str]:
    """What kind of phrase the content is: its head's part of speech and relation, whether
    it is a clause (a verb with its own subject) and how it starts ("a car" is not a view,
    "that taxes will rise" is)."""
    doc = tok.doc
    last = doc[-1]
    size = last.idx + len(last.text_with_ws)      # len(doc.text), without building the text
    inside: list[Any] = []
    for start, end in item.content:
        lo, hi = max(start - offset, 0), min(end - offset, size)
        if hi > lo:
            span = doc.char_span(lo, hi, alignment_mode="expand")
            if span is not None:
                inside.extend(span)
    if not inside:
        return ["c_outside"]
    ids = {t.i for t in inside}
    roots = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
    root = roots[0]
    lemma = tok.lemma_.lower()
    verb = any(t.pos_ in ("VERB", "AUX") for t in inside)
    clause = any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head.i in ids for t in inside)
    shape = "clause" if clause else "verb" if verb else "phrase"
    return [f"c_root={root.pos_}|{root.dep_}", f"c_shape={shape}", f"lemma_c_shape={lemma}|{shape}",
            f"lemma_c_root={lemma}|{root.pos_}", f"c_first={inside[0].pos_}", f"c_roots={min(len(roots), 3)}",
            f"c_root_tag={root.tag_}", f"c_root_ent={root.ent_type_ or '-'}"]


def find(text: str, offset: int, sdoc: Any, regions: Regions, lexicon: Lexicon,
         scorer: Scorer, threshold: float) -> list[Found]:
    """The accepted attributions of one parsed unit."""
    found: list[Found] = []
    for tok, feats, item in candidates(text, offset, sdoc, regions, lexicon):
        item.score = scorer(tok, feats)
        if item.score >= threshold:
            matrix = matrix_source(tok, item.source_tok)
            if matrix is not None:
                span = tuple(x + offset for x in char_span(sdoc, *source_span(matrix)))
                item.matrix = (span, matrix, offset + matrix.idx)  # type: ignore[assignment]
            found.append(item)
    return outermost(text, found)


def _fallback_source(tok: Any, offset: int, region: Region | None, sent: tuple[int, int, int, int]) -> Any | None:
    """A subject between a quotation and its cue when the parse lost it ("“…,” Ramos, 58, told")."""
    if region is None:
        return None
    lo = region.outer_end - offset
    doc = tok.doc
    gap = [doc[i] for i in range(sent[0], tok.i) if doc[i].idx >= lo and doc[i].pos_ in _SOURCE_POS]
    heads = [t for t in gap if t.head not in gap]
    return (heads or gap or [None])[0]


def _colon_after(text: str, offset: int, regions: Regions, sent: tuple[int, int, int, int]) -> Region | None:
    """A quotation introduced by the colon that ends the cue's sentence."""
    end = offset + sent[3]
    while end > offset and text[end - 1].isspace():
        end -= 1
    if end > offset and text[end - 1] == ":":
        return regions.after(text, end)
    return None


# Verbs whose object is the person addressed, the words said following it: "telling
# reporters, “…”", "warned the crowd: “…”"; and "put it" ("as Keller put it, “…”").
ADDRESS_VERBS = frozenset({"tell", "ask", "remind", "assure", "reassure", "warn", "urge", "inform",
                           "promise", "answer", "advise", "caution", "put"})
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "iobj"})


def _addressed(text: str, offset: int, tok: Any, regions: Regions) -> tuple[Region, tuple[int, int]] | None:
    """The quotation that follows the cue's addressee (or "put it"), with the object's token
    range: the parse often hangs the cue inside that quotation and reads the addressee as
    the content."""
    lemma = tok.lemma_.lower()
    if lemma not in ADDRESS_VERBS:
        return None
    obj = next((c for c in reversed(list(tok.children)) if c.dep_ in _OBJECT_DEPS and c.i > tok.i), None)
    if obj is None or lemma == "put" and obj.lower_ != "it":
        return None
    if regions.at(offset + obj.idx) is not None:
        return None
    doc = tok.doc
    end = obj.i + 1                 # the object phrase up to the first comma, colon or mark
    while end < len(doc) and doc[end].head.i in range(obj.i, end) and doc[end].text not in (",", ":") \
            and regions.at(offset + doc[end].idx) is None and doc[end].tag_ not in ("``", "''"):
        end += 1
    last = doc[end - 1]
    region = regions.after(text, offset + last.idx + len(last.text))
    if region is None or region.close is None:
        return None
    return region, (obj.i, end)


def _subject_before(tok: Any, offset: int, regions: Regions, sent: tuple[int, int, int, int]) -> Any | None:
    """The subject of the nearest verb before the cue in its sentence, outside quotations
    ("The mayor spoke on Monday, telling reporters, “…”")."""
    doc = tok.doc
    for i in range(tok.i - 1, sent[0] - 1, -1):
        verb = doc[i]
        if verb.pos_ in ("VERB", "AUX") and regions.at(offset + verb.idx) is None:
            subj = subject_of(verb)
            if subj is not None and regions.at(offset + subj.idx) is None and subj.i < tok.i:
                return subj
    return None


def _attribution(text: str, offset: int, tok: Any, regions: Regions, sent: tuple[int, int, int, int]) -> Found | None:
    src = source_token(tok)
    c_lo, c_hi = (x + offset for x in char_span(tok.doc, *cue_span(tok)))
    before = regions.before(text, c_lo)
    if src is None or regions.at(offset + src.idx) is not None:
        src = _fallback_source(tok, offset, before, sent) if before is not None else None
        src = src or inverted_object(tok)   # "“No more cuts,” read one placard"
    addressed = _addressed(text, offset, tok, regions)
    if addressed is not None and src is None:
        src = _subject_before(tok, offset, regions, sent)
    toks = content_tokens(tok, src)
    if addressed is not None:
        toks = minus(toks, [addressed[1]])     # the addressee is not what was said
    spans = [(offset + a, offset + b) for a, b in (char_span(tok.doc, i, j) for i, j in runs(tok.doc, toks))]
    lo, hi = c_lo, c_hi
    source = None
    if src is not None:
        source = tuple(x + offset for x in char_span(tok.doc, *source_span(src)))
        if source[1] <= c_lo and c_lo - source[1] <= NEAR:
            lo = source[0]                  # "Zhang said", "Ramos, 58, told"
        elif source[0] >= c_hi and source[0] - c_hi <= NEAR:
            hi = source[1]                  # "said Zhang"
    before = regions.before(text, lo)
    after = (addressed[0] if addressed is not None else None) or regions.after(text, hi) \
        or _colon_after(text, offset, regions, sent)
    spans += [(r.start, r.end) for r in (before, after) if r is not None]
    cuts = [(c_lo, c_hi)] + ([source] if source else [])
    for cut in cuts:
        spans = subtract(text, spans, cut)
    spans, used = snap(spans, regions)
    for cut in cuts:
        spans = subtract(text, spans, cut)
    if not spans:
        return None
    return Found(cue=(c_lo, c_hi), content=spans, source=source, source_tok=src, cue_tok=tok,  # type: ignore[arg-type]
                 score=0.0, regions=sorted(set(used), key=lambda r: r.start),
                 source_head=None if src is None else offset + src.idx)


def outermost(text: str, found: list[Found]) -> list[Found]:
    """Resolve cues inside other attributions' content: split coordinated, drop nested."""
    keep = []
    for item in found:
        nested = False
        for other in found:
            if other is item:
                continue
            for n, span in enumerate(other.content):
                if span[0] <= item.cue[0] < span[1]:
                    if splits(item.cue_tok):
                        start = item.cue[0]
                        if item.source and item.source_tok.head.i == item.cue_tok.i and span[0] < item.source[0]:
                            start = min(start, item.source[0])
                        cut = cut_at(text, span, max(start, span[0]))
                        other.content[n] = cut if cut is not None else (span[0], span[0])
                    else:
                        nested = True
        if not nested:
            keep.append(item)
    for item in keep:
        item.content = merge([s for s in item.content if s[1] > s[0]])
    return [item for item in keep if item.content]


def _distance(item: Found, span: Span) -> int:
    start, end = span
    return max(item.cue[0] - end, start - item.cue[1], 0)


def resolve_overlaps(found: list[Found]) -> list[Found]:
    """Give each stretch of content to one attribution: the one whose cue is nearest."""
    spans = sorted(((s, e, item) for item in found for s, e in item.content), key=lambda x: x[0])
    lost: set[tuple[int, int, int]] = set()
    for a in range(len(spans)):
        s1, e1, f1 = spans[a]
        for b in range(a + 1, len(spans)):
            s2, e2, f2 = spans[b]
            if s2 >= e1:
                break
            if f1 is f2:
                continue
            loser = (s2, e2, f2) if _distance(f1, (s1, e1)) <= _distance(f2, (s2, e2)) else (s1, e1, f1)
            lost.add((loser[0], loser[1], id(loser[2])))
    if not lost:
        return found
    keep = []
    for item in found:
        item.content = [(s, e) for s, e in item.content if (s, e, id(item)) not in lost]
        if item.content:
            keep.append(item)
    return keep
