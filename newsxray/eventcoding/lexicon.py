"""The event lexicon: verbs and nouns mapped to a PLOVER type, mode and CAMEO code.

The tables (``lex_verbs``, ``lex_nouns``) are written as one entry a line::

    lemma[|lemma...] [particle] [~prep|prep] [+object|object] [^modifier|modifier]
        = TYPE[/mode] CAMEO [option ...]

``~prep``: the verb (or noun) must govern that preposition ("call ~for"); ``+object``:
its direct object (or passive subject) must be headed by that lemma, or by a
"modifier head" pair ("+martial law"); ``^modifier``: a noun must carry that modifier
("strike ^hunger"). A bare word after the lemma is a verb particle ("break off").
Options: ``w=0.8`` strength of the cue (default 0.75); ``sym`` reciprocal (a compound
subject is actor and target; "with" gives the other side); ``rev`` the subject is the
recipient ("received aid from X", "faced resistance from X"); ``frame=KIND`` the entry
takes its content from its complement (see ``compose``); ``tgt=p|q`` prepositions whose
object is the target; ``act=p|q`` prepositions whose object is the actor; ``of=actor``
(nouns) an "of" phrase names the actor rather than the target; ``poss=target`` (nouns) a
possessor is the target ("his arrest"); ``content`` the word only says what a frame is
about and makes no event alone ("a strong response"); ``light`` (verbs) a support verb
whose object noun carries the event ("hold talks", "launch an attack"); ``inner`` a
frame that makes no event without content ("planned"); ``strict`` an event only with a
named target or a content ("warned Japan", not "warned of floods"); ``own`` the object is
the actor's own (troops withdrawn or deployed, an ambassador recalled), not the target;
``official`` an event only when the actor acts for a state or organisation (a country or
an organisation, or a person with a sector such as GOV or DIP): "the minister arrived in
Beijing" is a visit, "a refugee family arrived in the UK" is not; ``trans`` an event only
with a direct object or a complement ("declined to attend", not "the dollar declined");
``clause`` an event only with a clause or infinitive complement ("advised Japan to
learn", not "advised the government of our findings"); ``mandative`` an event only with a "that" clause in the base form, the form of demands
("insisted that Japan boost imports", not "insisted that it had done nothing wrong").

Entries of type ``NONE`` (``lex_verbs.NOT_EVENTS``) say that a word in that context is no
event at all, winning over the event entries they are at least as specific as: "the plan
met a mixed response", "asked about the attack", "nationals hailing from Somalia";
``lex_nouns.NOT_NOUN_EVENTS`` does the same for nouns ("boost domestic demand").

Lookup tables are built once at import; a lookup is a dict access and a short scan.
"""
from __future__ import annotations

from dataclasses import dataclass

from .codes import PLOVER_TYPES
from .lex_nouns import NOT_NOUN_EVENTS, NOUNS
from .lex_verbs import LIGHT_VERBS, NOT_EVENTS, VERBS

DEFAULT_WEIGHT = 0.75
_FLAGS = frozenset({"sym", "rev", "content", "light", "inner", "strict", "own", "official", "trans", "mandative", "clause"})
NONE = "NONE"  # the type of entries that mark a context as no event
FRAMES = frozenset({"intent", "appeal", "demand", "refuse", "threat", "invite", "accuse"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One sense of a trigger word."""

    lemma: str
    type: str
    mode: str | None
    cameo: str
    particles: frozenset[str] = frozenset()
    preps: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()
    mods: frozenset[str] = frozenset()
    weight: float = DEFAULT_WEIGHT
    flags: frozenset[str] = frozenset()
    frame: str | None = None
    tgt: tuple[str, ...] = ()
    act: tuple[str, ...] = ()
    of: str = "target"
    poss: str = "actor"

    @property
    def specificity(self) -> int:
        return 4 * bool(self.objects) + 4 * bool(self.mods) + 2 * bool(self.preps) + bool(self.particles)

    def has(self, flag: str) -> bool:
        return flag in self.flags


class LexiconError(ValueError):
    pass


def _alts(word: str) -> frozenset[str]:
    return frozenset(w.replace("_", " ") for w in word.split("|") if w)


def _options(entry: dict, words: list[str], line: str) -> None:
    flags = set()
    for word in words:
        key, _, value = word.partition("=")
        if not value:
            if key not in _FLAGS:
                raise LexiconError(f"unknown flag {key!r} in: {line}")
            flags.add(key)
        elif key == "w":
            entry["weight"] = float(value)
        elif key == "frame":
            if value not in FRAMES:
                raise LexiconError(f"unknown frame {value!r} in: {line}")
            entry["frame"] = value
        elif key in ("tgt", "act"):
            entry[key] = tuple(value.split("|"))
        elif key in ("of", "poss"):
            entry[key] = value
        else:
            raise LexiconError(f"unknown option {key!r} in: {line}")
    entry["flags"] = frozenset(flags)


def parse_line(line: str, *, none_ok: bool = False) -> list[Entry]:
    """The entries of one table line (one per alternative lemma); with ``none_ok`` the
    type may be ``NONE`` (no event)."""
    left, sep, right = line.partition(" = ")
    if not sep:
        raise LexiconError(f"an entry needs ' = ': {line}")
    head, *rest = left.split()
    spec = right.split()
    if len(spec) < 2:
        raise LexiconError(f"an entry needs a type and a CAMEO code: {line}")
    type_, _, mode = spec[0].partition("/")
    if (type_ not in PLOVER_TYPES and not (none_ok and type_ == NONE)) or not spec[1].isdigit():
        raise LexiconError(f"bad type or CAMEO code in: {line}")
    entry: dict = {"type": type_, "mode": mode or None, "cameo": spec[1]}
    for word in rest:
        if word[0] == "~":
            entry["preps"] = _alts(word[1:])
        elif word[0] == "+":
            entry["objects"] = _alts(word[1:])
        elif word[0] == "^":
            entry["mods"] = _alts(word[1:])
        else:
            entry["particles"] = _alts(word)
    _options(entry, spec[2:], line)
    return [Entry(lemma=lemma, **entry) for lemma in _alts(head)]


def build(table: str, *, none_ok: bool = False) -> dict[str, tuple[Entry, ...]]:
    """Entries by lemma, most specific first."""
    found: dict[str, list[Entry]] = {}
    for raw in table.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            for entry in parse_line(line, none_ok=none_ok):
                found.setdefault(entry.lemma, []).append(entry)
    return {k: tuple(sorted(v, key=lambda e: -e.specificity)) for k, v in found.items()}


VERB_ENTRIES: dict[str, tuple[Entry, ...]] = build(NOT_EVENTS + VERBS, none_ok=True)  # NONE first: it wins a tie
NOUN_ENTRIES: dict[str, tuple[Entry, ...]] = build(NOT_NOUN_EVENTS + NOUNS, none_ok=True)  # NONE first: it wins a tie
LIGHT: frozenset[str] = frozenset(LIGHT_VERBS.split())


def _fits(entry: Entry, particle: str | None, preps: frozenset[str], objects: frozenset[str],
          mods: frozenset[str]) -> bool:
    if entry.particles and particle not in entry.particles:
        return False
    if entry.preps and not entry.preps & preps:
        return False
    if entry.objects and not entry.objects & objects:
        return False
    return not (entry.mods and not entry.mods & mods)


def lookup(table: dict[str, tuple[Entry, ...]], lemma: str, *, particle: str | None = None,
           preps: frozenset[str] = frozenset(), objects: frozenset[str] = frozenset(),
           mods: frozenset[str] = frozenset()) -> Entry | None:
    """The most specific entry of ``lemma`` whose conditions the context meets."""
    for entry in table.get(lemma, ()):
        if _fits(entry, particle, preps, objects, mods):
            return entry
    return None


def all_entries() -> list[Entry]:
    """Every event entry of both tables (for checks and documentation; not the ``NONE`` ones)."""
    return [e for table in (VERB_ENTRIES, NOUN_ENTRIES) for entries in table.values() for e in entries
            if e.type != NONE]
