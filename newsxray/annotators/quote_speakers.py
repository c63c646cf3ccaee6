"""Speakers: from the source phrase of an attribution to the entity it refers to.

In order: an entity mention covering the phrase's head ("Zhang", "The ambassador" when the
entities layer linked it, "Beijing"); for a voice noun ("a spokesperson for the EU
Commission", "the ministry's statement"), the entity named inside the phrase; for a
pronoun, the most recent compatible speaker or subject before it ("he"/"she": a person
whose gender the text does not contradict; "it"/"they": an organisation, place or group);
for a role noun the entities layer left unlinked ("the minister"), the most recent person
whose role phrase contains it.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..document import Entity
from ..gazetteer.given_names import GIVEN_NAMES
from .quote_spans import antecedent

PRONOUNS = frozenset({"he", "she", "him", "her", "they", "it", "we", "i"})
VOICE_NOUNS = frozenset("""
spokesperson spokesman spokeswoman spokespeople representative representatives official
officials statement statements communique communiqué release readout ministry office
department source sources aide aides adviser advisers advisor spokes
""".split())
GROUP_TYPES = frozenset({"ORG", "GPE", "NORP"})
HUMAN_NOUNS = frozenset("""
spokesperson spokesman spokeswoman official representative minister ambassador envoy aide
adviser advisor diplomat analyst expert lawyer attorney source president premier chancellor
secretary governor senator mayor director chief commander officer general leader chairman
chairwoman chair witness resident doctor professor economist lawmaker legislator candidate
""".split())
_WORD = re.compile(r"[a-z]+")
FEMALE_WORDS = frozenset("""
she her mrs ms miss madam lady dame queen princess duchess spokeswoman chairwoman
congresswoman businesswoman stateswoman councilwoman actress mother daughter wife sister
grandmother woman girl
""".split())
MALE_WORDS = frozenset("""
he him his mr sir lord king prince duke spokesman chairman congressman businessman
statesman councilman actor father son husband brother grandfather man boy
""".split())
# Common female given names of international news (a name not listed is of unknown gender).
FEMALE_NAMES = frozenset("""
aino alice alicia alison amanda amy ana angela angelina anita ann anna anne annalena
annie ayesha barbara beatriz betty brenda carla carmen caroline catherine cecilia
charlotte christina christine claire claudia cristina daniela deborah defne diana donna
elena elina elisabeth elizabeth ellen emily emma eva fatima francesca giorgia hannah
heather helen hillary irina isabel jacinda jane janet jennifer jessica joan joanna judith
julia julie karen kamala kate katherine kathleen katie kirsty kristalina kristina
laura linda lisa louise magdalena margaret margrethe maria marie marine marta mary
melania michelle nadia nancy natalia natalie nina olga pamela patricia paula
rachel rebecca rosa sally samantha sandra sanna sarah selin sharon sofia sophie
stephanie susan tanya tatiana teresa theresa tracy ursula valentina vanessa victoria
yasmin yulia zoe
""".split())
# Given names that are used for both men and women, or that are also surnames.
_EITHER = frozenset("""
jean kim lee robin jan sam alex chris jun li wang wei zhang andrea nicola lynn kelly ashley
tracy dana jordan taylor morgan casey jamie
""".split())
MALE_NAMES = frozenset(n.lower() for n in GIVEN_NAMES) - FEMALE_NAMES - _EITHER


@dataclass(frozen=True, slots=True)
class Mentioned:
    start: int
    end: int
    entity: Entity


class SpeakerResolver:
    """Resolves source phrases of one document to entity ids, in text order.

    ``subjects`` are the sorted start offsets of the parse's subject tokens outside
    quotations (quoted speech is the speaker's, not the article's, frame of reference).
    """

    def __init__(self, text: str, entities: list[Entity], subjects: list[int]) -> None:
        self.text = text
        self.persons = [e for e in entities if e.type == "PERSON"]
        self.mentions = sorted((Mentioned(m.start, m.end, e) for e in entities for m in e.mentions),
                               key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.subjects = subjects
        self.speakers: list[tuple[int, Entity | None]] = []  # resolved speakers; None: an unnamed person
        self.by_noun: dict[str, Entity] = {}             # speakers' head nouns seen so far
        self.names: dict[str, Entity] = {}
        self.gender: dict[str, bool] = {}                # entity id -> female, from its pronouns so far
        for m in self.mentions:
            if m.entity.type in GROUP_TYPES | {"PERSON"}:
                words = text[m.start:m.end].lower().split()
                self.names.setdefault(" ".join(words), m.entity)
                if m.entity.type == "PERSON" and words:
                    self.names.setdefault(words[-1], m.entity)      # the surname alone

    def mention_at(self, pos: int) -> Mentioned | None:
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and i > bisect_right(self.starts, pos) - 4:
            m = self.mentions[i]
            if m.start <= pos < m.end:
                return m
            i -= 1
        return None

    def inside(self, start: int, end: int) -> list[Mentioned]:
        i = bisect_right(self.starts, start - 1)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def resolve(self, start: int, end: int, head: Any, head_pos: int) -> str | None:
        """The entity id of the source phrase ``[start, end)`` whose head token is ``head``."""
        found = self._resolve(start, end, head, head_pos)
        if found is not None and head is not None and head.pos_ == "NOUN":
            self.by_noun[head.lemma_.lower()] = found     # "an embassy official" … "the official"
        if found is not None:
            self.speakers.append((head_pos, found))
        elif head is not None and head.pos_ == "NOUN" and head.lemma_.lower() in HUMAN_NOUNS:
            self.speakers.append((head_pos, None))          # "an embassy spokesperson"
        return found.id if found is not None else None

    def peek(self, start: int, end: int, head: Any, head_pos: int) -> Entity | None:
        """The entity ``resolve`` would give, without recording it as a speaker."""
        return self._resolve(start, end, head, head_pos)

    def _resolve(self, start: int, end: int, head: Any, head_pos: int) -> Entity | None:
        hit = self.mention_at(head_pos)
        if hit is not None:
            return hit.entity
        if head is None:
            return None
        ante = antecedent(head)
        if ante is not None:
            hit = self.mention_at(head_pos + ante.idx - head.idx)
            return hit.entity if hit is not None else None
        if head.lower_ in PRONOUNS:
            return self._pronoun(head.lower_, start)
        named = self.names.get(" ".join(self.text[start:end].lower().split()))
        if named is not None or head.pos_ == "PROPN":
            return named or self.names.get(head.lower_)   # a name the model missed here only
        lemma = head.lemma_.lower()
        inner = self.inside(start, end)
        if lemma in VOICE_NOUNS and inner:
            return _voice_of(inner, head_pos)
        if head.pos_ == "NOUN":
            if self.text[start:end].lower().startswith("the ") and lemma in self.by_noun:
                return self.by_noun[lemma]
            return self._role(self.text[start:end], lemma, start)
        return None

    def _recent(self, before: int, limit: int = 2500) -> list[tuple[int, Entity | None]]:
        """Speakers and subject mentions before ``before``, most recent first."""
        lo = before - limit
        seen = [(p, e) for p, e in self.speakers if lo <= p < before]
        i = bisect_right(self.starts, before) - 1
        while i >= 0 and self.mentions[i].start >= lo:
            m = self.mentions[i]
            if self._is_subject(m):
                seen.append((m.start, m.entity))
            i -= 1
        seen.sort(key=lambda s: -s[0])
        return seen

    def _is_subject(self, m: Mentioned) -> bool:
        j = bisect_right(self.subjects, m.end - 1) - 1
        return j >= 0 and self.subjects[j] >= m.start

    def _pronoun(self, low: str, pos: int) -> Entity | None:
        personal = low in ("he", "him", "she", "her", "i")
        for _, ent in self._recent(pos):
            if ent is None:
                if personal:
                    return None            # the last speaker was an unnamed person
                continue
            if personal and ent.type == "PERSON" and _gender_ok(low, ent):
                if low == "i":
                    return ent
                female = low in ("she", "her")
                if self.gender.setdefault(ent.id, female) == female:   # "he" once: not "she" later
                    return ent
            if not personal and ent.type in GROUP_TYPES:
                return ent
        return None

    def _role(self, phrase: str, lemma: str, pos: int) -> Entity | None:
        """The person whose role phrase best matches ``phrase`` ("Finland's foreign minister"
        -> "Foreign Minister Aino Lehtonen"), preferring the nearest mention, before or after."""
        words = set(_WORD.findall(phrase.lower()))
        best: tuple[int, int, Entity] | None = None
        for ent in self.persons:
            if not ent.description:
                continue
            desc = set(_WORD.findall(ent.description.lower()))
            if lemma not in desc:
                continue
            near = min(abs(m.start - pos) + (0 if m.start < pos else 1) for m in ent.mentions)
            if near > 6000:
                continue
            key = (len(words & desc), -near)
            if best is None or key > best[:2]:
                best = (key[0], key[1], ent)
        return best[2] if best else None


def _voice_of(inner: list[Mentioned], head_pos: int) -> Entity | None:
    """The entity a voice noun speaks for: an organisation named in the phrase first, then a
    country or group named before the noun ("Estonia's foreign ministry", "a Russian
    embassy official"); a place after it ("… in Brussels") is where, not who."""
    orgs = [m for m in inner if m.entity.type == "ORG"]
    if orgs:
        return orgs[0].entity
    before = [m for m in inner if m.start < head_pos and m.entity.type in GROUP_TYPES | {"PERSON"}]
    return before[-1].entity if before else None


def _gender_ok(pronoun: str, ent: Entity) -> bool:
    """Whether nothing known about ``ent`` contradicts the pronoun's gender."""
    female = pronoun in ("she", "her")
    if pronoun == "i":
        return True
    words = set(ent.name.lower().split())
    if ent.description:
        words |= set(ent.description.lower().split())
    first = ent.name.split()[0].lower() if ent.name else ""
    if first in FEMALE_NAMES or words & FEMALE_WORDS:
        return female
    if first in MALE_NAMES or words & MALE_WORDS:
        return not female
    return True
