"""Turning the noun phrase of an actor or target into a ``Participant``.

A phrase is resolved to an entity of the entities layer when one of its mentions covers
the head ("Zhang Hanhui", "the alliance"); otherwise its modifiers are searched
("Israeli troops", "the government of Gondor", "Gondor's police"), giving the country of
the entity found and the sector of the head word (troops -> MIL, government -> GOV).
Pronouns take the nearest fitting entity before them ("we" inside a quote is its
speaker); abstract heads ("the idea", "the plan") take the actor most talked about in the
sentences before, when nothing inside them names one.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace

from .. import gazetteer as gz
from ..document import Document, Entity, Participant, Quote
from .lexicon import NOUN_ENTRIES
from .syntax import Token, phrase_span
from .actor_words import (  # noqa: F401 (MentionIndex, actor_like, entity_country, known_name: re-exported)
    ABSTRACT,
    COUNTRY_TYPES,
    FIRST_PRONOUNS,
    GROUP_PRONOUNS,
    LOCATIVE,
    MentionIndex,
    NOT_ACTORS,
    PAIR_NATIONS,
    PERSON_PRONOUNS,
    PLATFORMS,
    RELATIONAL,
    Resolved,
    STATE_SECTORS,
    THING_PRONOUNS,
    actor_like,
    entity_country,
    entity_participant,
    head_sector,
    is_pair,
    known_name,
    lumped,
    mere_place,
    name_head,
    named_inside,
    pronoun_like,
    source_of,
)


class Resolver:
    """Resolves noun phrases of one document to participants."""

    def __init__(self, doc: Document, index: MentionIndex, sentence_starts: list[int]) -> None:
        self.doc = doc
        self.index = index
        self.sentence_starts = sentence_starts
        self.quotes: list[Quote] = list(doc.layer("quotes"))

    def resolve(self, tok: Token, offset: int, *, actor: Participant | None = None,
                target: bool = False) -> Resolved | None:
        """The participant a phrase headed by ``tok`` names (``target``: it may be an
        abstract noun standing for an actor named before), or None."""
        start, end = offset + tok.idx, offset + tok.idx + len(tok.text)
        inner = named_inside(tok)  # "his counterpart Wang Yi", "thousands of workers"
        if inner is not None:
            return self.resolve(inner, offset, actor=actor, target=target)
        if tok.ent_type_ in NOT_ACTORS:
            return None
        if tok.lower_ in PLATFORMS and tok.head.lower_ in ("on", "via", "through"):
            return None  # "said on Twitter": where it was said, not to whom
        if tok.lemma_.lower() in RELATIONAL and tok.pos_ == "NOUN" and not is_pair(tok):
            return self._relation(tok, offset)  # "Assad's main backer" unnamed: not Assad
        if pronoun_like(tok):
            return self._pronoun(tok, start, end)
        hit = self.index.covering(start, end)
        if hit is not None and not lumped(tok, hit[0] - offset, hit[1] - offset):
            s, e, ent = hit
            part = entity_participant(ent, s, e, self.doc.text[s:e], head_sector(tok))
            if part.country is None:  # "Germany's Scholz", "Libya's Dbeibah" (tagged GPE)
                part = replace(part, country=self._modifier_country(tok, offset, ent))
            if part.country is None and tok.pos_ == "PROPN" and tok.i > 0:  # "Hardline Iran" as one name
                part = replace(part, country=gz.country_code(tok.text))
            return Resolved(part, "entity")
        ps, pe = phrase_span(tok)
        if is_pair(tok):
            found = self._pair(tok, offset + ps, offset + pe)
            if found is not None:
                return found
        if hit is not None:  # one mention for "Britain, France and Germany": each conjunct alone
            return self._conjunct(tok, offset + ps, offset + pe)
        if actor_like(tok):
            return self._role(tok, offset, offset + ps, offset + pe)
        return self._about(tok, offset, offset + ps, offset + pe, actor, target)

    def _relation(self, tok: Token, offset: int) -> Resolved | None:
        """"Damascus's Russian ally": only a nationality adjective says who the ally is; a
        possessor, a name in front or an "of" phrase names the other side of the relation."""
        for c in tok.children:
            if c.dep_ == "amod" and c.i < tok.i:
                hit = self.index.covering(offset + c.idx, offset + c.idx + len(c.text))
                if hit is not None and hit[2].type == "NORP" and entity_country(hit[2]):
                    ps, pe = phrase_span(tok)
                    part = Participant(start=offset + ps, end=offset + pe, entity=None,
                                       country=entity_country(hit[2]), sector=head_sector(tok),
                                       text=self.doc.text[offset + ps:offset + pe])
                    return Resolved(part, "modifier")
        return None

    def _modifier_country(self, tok: Token, offset: int, own: Entity) -> str | None:
        """The country a person's or organisation's modifiers name ("Germany's Scholz",
        "Iran's foreign minister Hossein Amirabdollahian")."""
        for c in tok.children:
            if c.dep_ not in ("poss", "compound", "amod", "nmod") or c.i > tok.i:
                continue
            for t in c.subtree:
                hit = self.index.covering(offset + t.idx, offset + t.idx + len(t.text))
                if hit is not None and hit[2] is not own and hit[2].type in COUNTRY_TYPES:
                    return entity_country(hit[2])
        return None

    def _pair(self, tok: Token, ps: int, pe: int) -> Resolved | None:
        """"The two countries", "both sides": the two nearest countries named before."""
        nations = tok.lemma_.lower() in PAIR_NATIONS
        found: list[tuple[int, int, Entity, str]] = []
        for s, e, ent in self.index.before(ps, self._window(ps, 2)):
            country = entity_country(ent)
            if not country or self._locative(s) or any(f[3] == country for f in found):
                continue
            if ent.type in COUNTRY_TYPES and gz.nation_code(ent.name) or (
                    not nations and ent.type in ("ORG", "PERSON")):
                found.append((s, e, ent, country))
                if len(found) == 2:
                    break
        if len(found) < 2:
            return None
        text = self.doc.text[ps:pe]
        first_, second = sorted(found, key=lambda f: f[0])
        parts = [Participant(start=ps, end=pe, entity=f[2].id, country=f[3],
                             sector=f[2].sector if f[2].type not in COUNTRY_TYPES else None, text=text)
                 for f in (first_, second)]
        return Resolved(parts[0], "pair", others=parts[1:])

    def _conjunct(self, tok: Token, ps: int, pe: int) -> Resolved:
        text = self.doc.text[ps:pe]
        part = Participant(start=ps, end=pe, entity=None, country=gz.nation_code(text) or gz.place_code(text),
                           sector=head_sector(tok), text=text)
        return Resolved(part, "name")

    def _role(self, tok: Token, offset: int, ps: int, pe: int) -> Resolved:
        """A role or institution ("Israeli troops", "the government of X", "police"); the
        token that names the country is kept, so that its conjuncts ("Chinese and Russian
        leaders", "the ambassadors of A, B and C") become co-participants."""
        found = self._modifier_entity(tok, offset, ("compound", "amod", "poss", "nmod", "appos"),
                                      ("of", "in", "from", "at"), want_token=True)
        sector = head_sector(tok)
        if found is not None:
            (s, e, ent), named = found
            if lumped(named, s - offset, e - offset):
                s, e = offset + named.idx, offset + named.idx + len(named.text)
                country = gz.nation_code(self.doc.text[s:e]) or gz.place_code(self.doc.text[s:e])
            else:
                country = entity_country(ent)
            s, e = min(s, ps), max(e, pe)
            ent_sector = ent.sector if ent.type not in COUNTRY_TYPES else None
            part = Participant(start=s, end=e, entity=None, country=country,
                               sector=sector or ent_sector, text=self.doc.text[s:e])
            return Resolved(part, "modifier", named if named.dep_ != "poss" else None)
        owner = self._possessive_owner(tok, offset) if sector in STATE_SECTORS else None
        if owner is not None:  # "Iraq said its warplanes attacked": Iraq's warplanes
            part = Participant(start=ps, end=pe, entity=None, country=owner.country,
                               sector=sector or owner.sector, text=self.doc.text[ps:pe])
            return Resolved(part, "pronoun")
        country = None
        if tok.pos_ == "PROPN":  # a name the model did not tag: "the AU", "Kharkiv"
            country, known_sector = known_name(self.doc.text[offset + tok.idx:pe], "ORG")
            sector = sector or known_sector
        part = Participant(start=ps, end=pe, entity=None, country=country, sector=sector, text=self.doc.text[ps:pe])
        return Resolved(part, "role" if sector else "name")

    def _possessive_owner(self, tok: Token, offset: int) -> Participant | None:
        """The country or organisation "its"/"their" stands for in front of a role noun."""
        for c in tok.children:
            if c.dep_ == "poss" and c.lower_ in ("its", "their"):
                found = self._pronoun(c, offset + c.idx, offset + c.idx + len(c.text))
                if found is not None and found.participant.country:
                    return found.participant
        return None

    def _about(self, tok: Token, offset: int, ps: int, pe: int, actor: Participant | None,
               target: bool) -> Resolved | None:
        """A thing or an event: whose it is ("the expansion of NATO", "a British tanker"),
        who it comes from ("an attack by X"), or for an abstract noun the antecedent."""
        event_noun = tok.lemma_.lower() in NOUN_ENTRIES
        found = self._modifier_entity(tok, offset, ("poss", "compound") if event_noun else ("poss",),
                                      ("of", "with"), want_token=True, place_deps=("compound",))
        if found is not None:
            (s, e, ent), named = found
            return Resolved(entity_participant(ent, s, e, self.doc.text[s:e]), "entity", named)
        found = self._modifier_entity(tok, offset, ("amod", "compound"), ())
        if found is not None and found[2].type in COUNTRY_TYPES:
            s, e, ent = found
            s, e = min(s, ps), max(e, pe)
            part = Participant(start=s, end=e, entity=None, country=entity_country(ent), sector=None,
                               text=self.doc.text[s:e])
            return Resolved(part, "modifier")
        source = source_of(tok)
        if source is not None:
            return self.resolve(source, offset, actor=actor, target=target)
        if target and (tok.lower_ in ABSTRACT or tok.lemma_.lower() in ABSTRACT):
            return self._antecedent(ps, pe, actor)
        return None

    def _modifier_entity(self, tok: Token, offset: int, deps: tuple[str, ...],
                         prep_words: tuple[str, ...], want_token: bool = False, place_deps: tuple[str, ...] = ()):
        """An entity named among the phrase's modifiers or prepositional complements
        (with ``want_token``: and the token that names it). Under ``place_deps`` a city or
        region says where, not who ("the Salisbury attack", "the Khan Sheikhun attack"),
        while a country still says who ("the Russian attack")."""
        found = []
        for c in tok.children:
            if c.dep_ in deps or (c.dep_ == "prep" and c.lower_ in prep_words):
                for t in c.subtree:
                    hit = self.index.covering(offset + t.idx, offset + t.idx + len(t.text))
                    if hit is not None and c.dep_ in place_deps and mere_place(hit[2]):
                        continue
                    if hit is not None and hit[2].type in ("GPE", "NORP", "ORG", "PERSON"):
                        found.append((hit, name_head(t)))
                        break
        if not found:
            return None
        found.sort(key=lambda h: (h[0][2].type not in ("GPE", "NORP", "ORG"), h[0][0]))
        return found[0] if want_token else found[0][0]

    def _pronoun(self, tok: Token, start: int, end: int) -> Resolved | None:
        lower = tok.lower_
        if lower in FIRST_PRONOUNS:
            quote = next((q for q in self.quotes if q.start <= start < q.end), None)
            if quote is None or quote.speaker is None or quote.speaker.entity is None:
                return None
            ent = self.index.by_id.get(quote.speaker.entity)
            if ent is None:
                return None
            return Resolved(entity_participant(ent, start, end, tok.text), "pronoun")
        if lower in PERSON_PRONOUNS:
            types = ("PERSON",)
        elif lower in THING_PRONOUNS:
            types = ("GPE", "ORG")
        elif lower in GROUP_PRONOUNS:
            types = ("GPE", "ORG", "NORP")
        else:
            return None
        for s, e, ent in self.index.before(start, self._window(start, 1)):
            if ent.type in types and (ent.country or ent.sector) and not self._locative(s):
                return Resolved(entity_participant(ent, start, end, tok.text), "pronoun")
        return None

    def _locative(self, start: int) -> bool:
        words = self.doc.text[max(0, start - 12):start].split()
        return bool(words) and words[-1].lower() in LOCATIVE

    def _window(self, pos: int, back: int) -> int:
        i = bisect_right(self.sentence_starts, pos) - 1
        return self.sentence_starts[max(0, i - back)] if i >= 0 else max(0, pos - 400)

    def _antecedent(self, start: int, end: int, actor: Participant | None) -> Resolved | None:
        """The actor most mentioned in the sentences before an abstract noun ("the idea")."""
        text = self.doc.text
        scores: dict[str, list] = {}
        for s, e, ent in self.index.before(start, self._window(start, 2)):
            if ent.type not in ("GPE", "ORG", "PERSON") or not (ent.country or ent.sector):
                continue
            if actor is not None and (ent.id == actor.entity or (ent.country and ent.country == actor.country)):
                continue
            if self._locative(s):
                continue
            scores.setdefault(ent.id, [0, s, e, ent])[0] += 1
        if not scores:
            return None
        count, s, e, ent = max(scores.values(), key=lambda v: (v[0], v[1]))
        return Resolved(entity_participant(ent, start, end, text[start:end]), "antecedent")
