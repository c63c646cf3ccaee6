"""The article's parts: title, byline, dateline, lede, body, related, sources, caption, boilerplate.

Segments are in order, do not overlap, are trimmed of surrounding whitespace, and
together cover every non-whitespace character of ``doc.text``. Plain text is laid out
line by line (``segment_layout``, with the line rules of ``segment_rules``); an HTML
document starts from the typed blocks ingest left in ``doc.hints["blocks"]``, and its
body blocks are refined with the same rules.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..document import SEGMENT_TYPES, Document, Segment
from ..registry import Annotator, register
from . import segment_rules as R
from .segment_layout import BLOCK_BREAK, Ctx, Line, is_subheading, layout, mark_forced_joins, split_lines

_REFINED = ("body", "lede")
_LABEL_MAX_WORDS = 5
_PER_LINE = ("related", "sources")
_CAPTION_MAX_WORDS = 80

Span3 = tuple[int, int, str]


@dataclass
class _State:
    """Carried across the runs of one document: has the lede been found yet?"""

    lede_done: bool = False


def segment_text(doc: Document) -> list[Segment]:
    """The segments of ``doc`` (from ``doc.hints["blocks"]`` when ingest left them)."""
    text = doc.text
    blocks = (doc.hints or {}).get("blocks")
    if blocks:
        spans = _html_spans(text, blocks)
    else:
        spans = _run(text, [(0, len(text), "body")], _State(), detect_title=True, title_hint=doc.title or "")
    return _finalize(text, spans)


@register
class Segments(Annotator):
    name = "segments"
    provides = ("segments",)

    def annotate(self, doc: Document) -> None:
        segments = segment_text(doc)
        doc.set_layer("segments", segments)
        if doc.title is None:  # plain text: the headline line is the record's title
            first = next((s for s in segments if s.type == "title"), None)
            if first is not None:
                doc.title = " ".join(doc.text[first.start:first.end].split())


# -- one run of text ------------------------------------------------------------------------
def _run(text: str, regions: list[Span3], state: _State, *, detect_title: bool = False,
         title_hint: str = "") -> list[Span3]:
    """Segment consecutive regions of refinable text (the whole plain text, or HTML body blocks)."""
    lines: list[Line] = []
    spans: list[tuple[int, int]] = []
    for start, end, base in regions:
        lines.extend(split_lines(text, start, end, base=base, brk=BLOCK_BREAK))
        spans.extend(R.inline_related_spans(text, start, end))
    if not lines:
        return []
    ctx = Ctx(text=text, lines=lines, detect_title=detect_title, title_hint=title_hint,
              header_zone=not state.lede_done)
    mark_forced_joins(ctx, spans)
    out: list[Span3] = []
    for kind, i0, i1 in layout(ctx):
        start, end = lines[i0].start, lines[i1].end
        if kind == "para":
            _emit_paragraph(ctx, i0, i1, state, out)
        else:
            out.append((start, end, kind))
    return out


def _emit_paragraph(ctx: Ctx, i0: int, i1: int, state: _State, out: list[Span3]) -> None:
    lines, text = ctx.lines, ctx.text
    start, end = lines[i0].start, lines[i1].end
    if _is_caption(ctx, i0, i1):
        out.append((start, end, "caption"))
        return
    if i0 == i1 and is_subheading(ctx, i0):
        out.append((start, end, "body"))
        return
    typ = lines[i0].base
    if not state.lede_done and not ctx.detect_title and _is_label(text[start:end]):
        out.append((start, end, typ))           # HTML: a kicker or section label above the story
        return
    if not state.lede_done:
        state.lede_done = True
        typ = "lede"
        cut = R.dateline_end(text, start)
        if cut is not None and cut < end and text[cut:end].strip():
            out.append((start, cut, "dateline"))
            start = cut
    _split_related(text, start, end, typ, out)


def _is_label(para: str) -> bool:
    """A few words without sentence punctuation ("South China Sea"): not the lede."""
    para = para.strip()
    return len(para.split()) <= _LABEL_MAX_WORDS and not para.endswith((".", "!", "?", '"', "\u201d", ":"))


def _is_caption(ctx: Ctx, i0: int, i1: int) -> bool:
    words = sum(ln.words for ln in ctx.lines[i0:i1 + 1])
    return words <= _CAPTION_MAX_WORDS and R.ends_with_photo_credit(ctx.lines[i1].text)


def _split_related(text: str, start: int, end: int, typ: str, out: list[Span3]) -> None:
    """``text[start:end]`` as ``typ``, with inline '(Related: ...)' asides cut out."""
    cursor = start
    for a, b in R.inline_related_spans(text, start, end):
        out.append((cursor, a, typ))
        out.append((a, b, "related"))
        cursor = b
    out.append((cursor, end, typ))


# -- HTML blocks ------------------------------------------------------------------------------
def _html_spans(text: str, blocks: list) -> list[Span3]:
    regions = _normalize_blocks(text, blocks)
    state = _State(lede_done=any(typ == "lede" for _, _, typ in regions))
    out: list[Span3] = []
    run: list[Span3] = []
    for region in regions:
        if region[2] in _REFINED:
            run.append(region)
            continue
        out.extend(_run(text, run, state))
        run = []
        out.extend(_fixed_block(text, region))
    out.extend(_run(text, run, state))
    return out


def _normalize_blocks(text: str, blocks: list) -> list[Span3]:
    """Blocks sorted, clipped to the text and to each other; uncovered text becomes body."""
    n = len(text)
    raw = sorted((int(b.start), int(b.end), str(b.type)) for b in blocks)
    regions: list[Span3] = []
    prev = 0
    for start, end, typ in raw:
        start, end = max(start, prev, 0), min(end, n)
        if end <= start:
            continue
        if text[prev:start].strip():
            regions.append((prev, start, "body"))
        regions.append((start, end, typ if typ in SEGMENT_TYPES else "body"))
        prev = end
    if text[prev:].strip():
        regions.append((prev, n, "body"))
    return regions


def _fixed_block(text: str, region: Span3) -> list[Span3]:
    """A block ingest already typed: related/sources one segment per line, else whole."""
    start, end, typ = region
    if typ in _PER_LINE:
        return [(ln.start, ln.end, typ) for ln in split_lines(text, start, end)]
    return [(start, end, typ)]


# -- the layer ---------------------------------------------------------------------------------
def _finalize(text: str, spans: list[Span3]) -> list[Segment]:
    """Trimmed, non-empty, ordered, non-overlapping ``Segment``s."""
    out: list[Segment] = []
    prev = 0
    for start, end, typ in sorted(spans, key=lambda s: (s[0], s[1])):
        start = max(start, prev)
        piece = text[start:end]
        stripped = piece.strip()
        if not stripped:
            continue
        start += len(piece) - len(piece.lstrip())
        end = start + len(stripped)
        out.append(Segment(start=start, end=end, type=typ))
        prev = end
    return out
