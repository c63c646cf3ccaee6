"""The document: article text, metadata, and named layers of frozen span annotations.

Every annotation is a small frozen dataclass with character offsets into ``Document.text``
(Python ``str`` indices, end exclusive). ``Document.to_dict()`` is the record of
RECORD.md; the JSON Schema in ``newsxray/record.schema.json`` is generated from the
dataclasses below (``python -m newsxray.schema``).
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal

SCHEMA_VERSION = "newsxray/1"

SegmentType = Literal[
    "title", "byline", "dateline", "lede", "body", "related", "sources", "caption", "boilerplate"
]
SEGMENT_TYPES: tuple[str, ...] = SegmentType.__args__  # type: ignore[attr-defined]
EntityType = Literal["PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "OTHER"]
QuoteKind = Literal["direct", "indirect", "mixed"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
SourceKind = Literal["attribution", "link", "listed"]
PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
Technique = Literal[
    "Loaded_Language", "Name_Calling,Labeling", "Repetition", "Exaggeration,Minimisation",
    "Doubt", "Appeal_to_fear-prejudice", "Flag-Waving", "Causal_Oversimplification", "Slogans",
    "Appeal_to_Authority", "Black-and-White_Fallacy", "Thought-terminating_Cliches",
    "Whataboutism,Straw_Men,Red_Herring", "Bandwagon,Reductio_ad_hitlerum",
]

# The layers of the record, in the order they appear in it.
RECORD_LAYERS: tuple[str, ...] = (
    "segments", "sentences", "entities", "quotes", "timexes", "events",
    "claims", "techniques", "sources",
)


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of the document text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Segment(Span):
    type: SegmentType


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    pass


@dataclass(frozen=True, slots=True)
class Mention(Span):
    pass


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    name: str
    type: EntityType
    country: str | None
    sector: str | None
    description: str | None
    mentions: tuple[Mention, ...]
    quotes: tuple[str, ...] = ()       # ids of the quotes this entity is the speaker of
    tone: float | None = None          # mean tone of the sentences that mention it


@dataclass(frozen=True, slots=True)
class Speaker(Span):
    entity: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Cue(Span):
    text: str


@dataclass(frozen=True, slots=True)
class Quote(Span):
    id: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: Cue | None


@dataclass(frozen=True, slots=True)
class Timex(Span):
    id: str
    type: TimexType
    value: str
    mod: str | None
    anchor: str | None = None          # id of the timex whose date this one counts from


@dataclass(frozen=True, slots=True)
class Trigger(Span):
    pass


@dataclass(frozen=True, slots=True)
class Participant(Span):
    entity: str | None
    country: str | None
    sector: str | None
    text: str | None = None            # the phrase that names the participant in the text


@dataclass(frozen=True, slots=True)
class Location:
    entity: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: PloverType
    mode: str | None
    cameo: str | None
    trigger: Trigger
    sentence: int
    actor: Participant | None
    target: Participant | None
    date: str | None
    timex: str | None
    location: Location | None
    quote: str | None
    confidence: float
    co_actors: tuple[Participant, ...] = ()    # further members of a compound actor ("A and B met")
    co_targets: tuple[Participant, ...] = ()   # further members of a compound target
    mentions: tuple[Trigger, ...] = ()         # other reports of the same event (headline, restatements)
    quad_class: int | None = None              # PLOVER quad: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    goldstein: float | None = None             # Goldstein-scale intensity of the CAMEO code (-10..+10)


@dataclass(frozen=True, slots=True)
class Claim(Span):
    id: str
    score: float
    check_worthy: bool
    speaker: str | None
    quote: str | None


@dataclass(frozen=True, slots=True)
class TechniqueSpan(Span):
    id: str
    technique: Technique
    score: float


@dataclass(frozen=True, slots=True)
class Rating:
    score: float | None
    label: str | None
    dataset: str
    level: str | None = None           # high, mixed or low: the dataset's rating as one class
    bias: str | None = None            # political bias label, for datasets that give one


@dataclass(frozen=True, slots=True)
class Source(Span):
    id: str
    kind: SourceKind
    name: str
    domain: str | None
    rating: Rating | None
    country: str | None = None         # ISO3 of the outlet's country (the owner state if state-affiliated)
    state_affiliated: bool = False     # owned or editorially controlled by a state or ruling party
    entity: str | None = None          # id of the entity the source's name is a mention of
    cue: Cue | None = None             # "according to", "told", "said": what makes it a source
    ratings: tuple[Rating, ...] = ()   # every loaded dataset's rating (``rating`` is the first)
    url: str | None = None             # the link target or URL as written, for links and listed URLs


@dataclass(frozen=True, slots=True)
class SourceProfile:
    """What an article's sources add up to: kinds, rating classes, state-affiliated outlets.

    Counts by rating level are over distinct outlets (an outlet cited three times counts
    once); ``unrated`` outlets are those no loaded dataset covers.
    """

    sources: int
    outlets: int
    by_kind: dict[str, int]
    by_level: dict[str, int]
    state_affiliated: tuple[str, ...]
    state_countries: tuple[str, ...]
    datasets: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Tone:
    score: float
    sentences: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Outlet:
    domain: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class LayerError:
    layer: str
    message: str


@dataclass(frozen=True, slots=True)
class HtmlBlock(Span):
    """An ingest hint: a block of extracted HTML text and the part of the page it is."""

    type: SegmentType


@dataclass(frozen=True, slots=True)
class Link(Span):
    """An ingest hint: hyperlink anchor text in ``text`` and its target."""

    href: str


def content_id(text: str) -> str:
    """Stable id of a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def to_jsonable(value: Any) -> Any:
    """Turn annotation dataclasses (and tuples of them) into JSON-ready dicts and lists."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    return value


@dataclass
class Document:
    """An article being analysed: text, metadata, layers, errors.

    ``hints`` carries what ingest learnt about the page (HTML blocks, links) for the
    annotators; ``cache`` holds shared per-document work such as the spaCy parse. Neither
    is part of the record, and ``cache`` is dropped when the document is pickled.
    """

    text: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str = "en"
    outlet: Outlet | None = None
    layers: dict[str, list] = field(default_factory=dict)
    tone: Tone | None = None
    profile: SourceProfile | None = None
    errors: list[LayerError] = field(default_factory=list)
    hints: dict[str, Any] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = content_id(self.text)

    def __getstate__(self) -> dict:
        state = {f.name: getattr(self, f.name) for f in fields(self)}
        state["cache"] = {}
        return state

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            setattr(self, key, value)

    # -- layer access ---------------------------------------------------------------
    def layer(self, name: str) -> list:
        """The annotations of layer ``name`` (an empty list if it has not been made)."""
        return self.layers.get(name, [])

    def set_layer(self, name: str, items: list) -> None:
        self.layers[name] = list(items)

    @property
    def segments(self) -> list[Segment]:
        return self.layer("segments")

    @property
    def sentences(self) -> list[Sentence]:
        return self.layer("sentences")

    @property
    def entities(self) -> list[Entity]:
        return self.layer("entities")

    def span_text(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def body_spans(self) -> list[Segment]:
        """The ``lede`` and ``body`` segments in order: the article body."""
        return [s for s in self.segments if s.type in ("lede", "body")]

    def add_error(self, layer: str, message: str) -> None:
        self.errors.append(LayerError(layer=layer, message=message))

    # -- the record -------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The record of this document, as RECORD.md specifies."""
        record: dict[str, Any] = {
            "schema": SCHEMA_VERSION,
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "language": self.language,
            "outlet": to_jsonable(self.outlet),
            "text": self.text,
        }
        for name in RECORD_LAYERS:
            record[name] = to_jsonable(self.layer(name))
        record["profile"] = to_jsonable(self.profile)
        record["tone"] = to_jsonable(self.tone) if self.tone else {"score": 0.0, "sentences": []}
        record["errors"] = to_jsonable(self.errors)
        return record

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
