"""Quotes: who said what, as direct, indirect and mixed quotes with resolved speakers.

Only the article body (lede and body segments) is read, and the title for the
"Speaker: claim" form of headlines (``quote_headline``); a title-case headline line at the
top of the body is parsed again in sentence case (``quote_title``). Quotation regions come from the
marks (``quote_marks``); attributions (cue, content, source) from the shared parse
(``quote_find``), each candidate cue accepted or not by the trained cue model
(``quote_model``; rules when it is disabled); a quotation with no cue of its own that
continues a quote of the previous sentences or paragraph is given that quote's speaker
and cue. Speakers are resolved to entities (``quote_speakers``), and each entity lists the
ids of the quotes it is the speaker of.
"""
from __future__ import annotations

import dataclasses
import re

from ..document import Cue, Document, Quote, Speaker
from ..nlp import parses
from ..registry import Annotator, register
from .quote_find import Found, find, outermost, resolve_overlaps
from .quote_headline import headline
from .quote_marked import marked, transcript
from .quote_marks import Region, find_regions
from .quote_model import load_model, rule_scorer
from .quote_regions import Regions
from .quote_speakers import SpeakerResolver
from .quote_title import units

_WORD = re.compile(r"\w+")
MIN_CONTINUATION_WORDS = 3
SUBJECT_DEPS = ("nsubj", "nsubjpass")


def body_flows(doc: Document) -> list[list[tuple[int, int]]]:
    """Runs of consecutive body paragraphs (a non-body segment breaks a run)."""
    flows: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for seg in doc.segments:
        if seg.type in ("lede", "body"):
            current.append((seg.start, seg.end))
        elif current:
            flows.append(current)
            current = []
    if current:
        flows.append(current)
    return flows


def _kind(start: int, end: int, regions: list[Region]) -> str:
    for region in regions:
        if region.start == start and region.end == end:
            return "direct"
    if any(r.open < end and start < r.outer_end for r in regions):
        return "mixed"
    return "indirect"


class _Assembly:
    """Quote items of one document before ids are given."""

    def __init__(self, doc: Document, regions: Regions, found: list[Found]) -> None:
        self.doc = doc
        self.regions = regions
        self.found = sorted(found, key=lambda f: f.start)

    def items(self) -> list[tuple[int, int, str, Found]]:
        out = []
        for item in self.found:
            for start, end in item.content:
                kind = "direct" if item.verbatim else _kind(start, end, self.regions.between(start, end))
                out.append((start, end, kind, item))
        out += self._continuations(out)
        out.sort(key=lambda q: (q[0], q[1]))
        return out

    def _continuations(self, taken: list[tuple[int, int, str, Found]]) -> list[tuple[int, int, str, Found]]:
        """Quotations without a cue that continue the quote just before them."""
        added: list[tuple[int, int, str, Found]] = []
        covered = [(s, e) for s, e, _, _ in taken]
        cues = sorted(f.cue[0] for f in self.found)
        for region in self.regions.items:
            if any(s <= region.start and region.end <= e for s, e in covered):
                continue
            if len(_WORD.findall(self.doc.text, region.start, region.end)) < MIN_CONTINUATION_WORDS:
                continue
            prev = self._previous(region, taken + added, cues)
            if prev is not None:
                added.append((region.start, region.end, "direct", prev))
        return added

    def _previous(self, region: Region, items: list, cues: list[int]) -> Found | None:
        before = [q for q in items if q[1] <= region.open and q[2] != "indirect"]
        if not before:
            return None
        start, end, _, item = max(before, key=lambda q: q[1])
        if any(end <= c < region.open and c != item.cue[0] for c in cues):
            return None
        if self.doc.text.count("\n", end, region.open) > 2 or region.open - end > 1500:
            return None
        return item


def _subjects(doc: Document, regions: Regions) -> list[int]:
    """Start offsets of the subject tokens of the parse outside quotations (for pronouns)."""
    import numpy as np
    from spacy.attrs import DEP, IDX
    out: list[int] = []
    for offset, sdoc in parses(doc):
        if len(sdoc):
            wanted = np.array([sdoc.vocab.strings[d] for d in SUBJECT_DEPS], dtype="uint64")
            arr = sdoc.to_array([DEP, IDX])
            out.extend(int(x) + offset for x in arr[np.isin(arr[:, 0], wanted), 1])
    out.sort()
    return [pos for pos in out if regions.at(pos) is None]


def _speaker(doc: Document, item: Found, resolver: SpeakerResolver) -> Speaker | None:
    if item.source is None:
        return None
    start, end = item.source
    head = item.source_head if item.source_head is not None else start
    if item.matrix is not None:
        # "He says he respects Clinton and calls her …": the caller is the reporter when the
        # reported "he" is the reporter too (or cannot be told apart)
        (m_start, m_end), m_tok, m_head = item.matrix
        own = resolver.peek(start, end, item.source_tok, head)
        if own is None or own is resolver.peek(m_start, m_end, m_tok, m_head):
            start, end, head = m_start, m_end, m_head
            item.source, item.source_tok, item.source_head = (start, end), m_tok, m_head
    entity = resolver.resolve(start, end, item.source_tok, head)
    return Speaker(start=start, end=end, entity=entity, text=doc.text[start:end])


@register
class Quotes(Annotator):
    """Direct, indirect and mixed quotes with their cue and resolved speaker.

    Options: ``model`` (default True) uses the trained cue model shipped in
    ``newsxray/models/quotes``; False uses the rules alone. ``threshold`` (default None:
    the model's own) is the cue probability above which a candidate cue is accepted.
    """

    name = "quotes"
    requires = ("segments", "sentences", "entities", "_parse")
    provides = ("quotes",)
    defaults = {"model": True, "threshold": None}

    def __init__(self, **config) -> None:
        super().__init__(**config)
        self._model = None

    def _scorer(self):
        if not self.config["model"]:
            return rule_scorer()
        if self._model is None:
            self._model = load_model()
        return self._model

    def __getstate__(self) -> dict:
        return {"config": self.config, "_model": None}

    def attributions(self, doc: Document, regions: Regions) -> list[Found]:
        """Every accepted attribution of the body of ``doc``, before quotes are made of them."""
        model = self._scorer()
        threshold = self.config["threshold"] if self.config["threshold"] is not None else model.threshold
        found: list[Found] = []
        for offset, sdoc in units(doc):
            found += find(doc.text, offset, sdoc, regions, model.lexicon, model.score, threshold)
            used = {r for item in found for r in item.regions}
            found += marked(doc.text, offset, sdoc, regions, used)
            found += transcript(doc.text, offset, sdoc)
        heads = headline(doc)
        if heads:       # a headline read as "Speaker: claim" is not also read by the parse
            lo, hi = heads[0].source[0], heads[0].content[-1][1]  # type: ignore[index]
            found = [f for f in found if not lo <= f.cue[0] < hi]
        return heads + resolve_overlaps(outermost(doc.text, found))

    def annotate(self, doc: Document) -> None:
        regions = Regions(find_regions(doc.text, body_flows(doc)))
        found = self.attributions(doc, regions)
        resolver = SpeakerResolver(doc.text, doc.entities, _subjects(doc, regions))
        speakers = {id(item): _speaker(doc, item, resolver)          # in the order sources appear
                    for item in sorted(found, key=lambda f: f.source_head if f.source_head is not None else f.cue[0])}
        quotes: list[Quote] = []
        for n, (start, end, kind, item) in enumerate(_Assembly(doc, regions, found).items(), 1):
            cue = Cue(start=item.cue[0], end=item.cue[1], text=doc.text[item.cue[0]:item.cue[1]])
            quotes.append(Quote(start=start, end=end, id=f"Q{n}", kind=kind,  # type: ignore[arg-type]
                                speaker=speakers[id(item)], cue=cue))
        doc.set_layer("quotes", quotes)
        doc.set_layer("entities", group_by_speaker(doc.entities, quotes))


def group_by_speaker(entities: list, quotes: list[Quote]) -> list:
    """The entities with ``quotes`` set to the ids of the quotes they are the speaker of."""
    by_entity: dict[str, list[str]] = {}
    for quote in quotes:
        if quote.speaker is not None and quote.speaker.entity is not None:
            by_entity.setdefault(quote.speaker.entity, []).append(quote.id)
    return [dataclasses.replace(e, quotes=tuple(by_entity.get(e.id, ()))) for e in entities]
