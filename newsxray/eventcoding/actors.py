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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import gazetteer as gz
from ..document import Document, Entity, Participant, Quote
from .lexicon import NOUN_ENTRIES
from .syntax import Token, agent, list_appositions, phrase_span

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
FIRST_PRONOUNS = frozenset({"we", "us", "our", "ours", "i", "me", "my"})
ALL_PRONOUNS = FIRST_PRONOUNS | PERSON_PRONOUNS | THING_PRONOUNS | GROUP_PRONOUNS

ABSTRACT = frozenset({
    "idea", "plan", "proposal", "initiative", "move", "scheme", "project", "offer", "decision",
    "policy", "expansion", "deal", "bid", "step", "measure", "suggestion", "push", "effort",
    "presence", "enlargement", "request", "demand", "call", "approach", "action", "stance",
})
LOCATIVE = frozenset({"in", "at", "near", "into", "across", "inside", "outside", "throughout", "around"})
# common nouns that name a state institution or a kind of actor, and their sector
INSTITUTIONS: dict[str, str] = {
    "government": "GOV", "ministry": "GOV", "administration": "GOV", "cabinet": "GOV",
    "regime": "GOV", "authority": "GOV", "authorities": "GOV", "leadership": "GOV", "state": "GOV",
    "presidency": "GOV", "parliament": "LEG", "congress": "LEG", "senate": "LEG",
    "legislature": "LEG", "assembly": "LEG", "army": "MIL", "military": "MIL", "navy": "MIL",
    "force": "MIL", "forces": "MIL", "troop": "MIL", "troops": "MIL", "militia": "REB",
    "police": "COP", "court": "JUD", "judiciary": "JUD", "embassy": "DIP",
    "media": "MED", "press": "MED", "opposition": "OPP", "rebel": "REB", "rebels": "REB",
    "insurgent": "REB", "insurgents": "REB", "guerrilla": "REB", "people": "CVL", "crowd": "CVL",
    "demonstrator": "CVL", "demonstrators": "CVL", "union": "CVL", "company": "BUS",
    "firm": "BUS", "party": "PTY", "delegation": "GOV", "side": None, "country": None,
    "nation": None, "coalition": None, "alliance": None, "bloc": None, "village": "CVL",
    "villages": "CVL", "town": None, "city": None, "community": "CVL", "population": "CVL",
    "region": None, "province": None, "family": "CVL", "families": "CVL", "team": "SPT",
    "newspaper": "MED", "broadcaster": "MED", "agency": None, "channel": "MED", "network": None,
    "warplane": "MIL", "warplanes": "MIL", "jet": "MIL", "jets": "MIL", "aircraft": "MIL",
    "bomber": "MIL", "bombers": "MIL", "helicopter": "MIL", "drone": "MIL", "drones": "MIL",
    "tank": "MIL", "tanks": "MIL", "artillery": "MIL", "warship": "MIL", "warships": "MIL",
    "navy": "MIL", "missile": "MIL", "missiles": "MIL", "gunboat": "MIL", "counterpart": "GOV",
    "counterparts": "GOV", "workers": "CVL", "worker": "CVL", "strikers": "CVL",
    "gunman": "REB", "gunmen": "REB", "attacker": "REB", "attackers": "REB", "assailant": "REB",
    "assailants": "REB", "suicide bomber": "REB", "kidnapper": "REB", "kidnappers": "REB",
    "supporter": "CVL", "supporters": "CVL", "demonstrator": "CVL", "followers": "CVL",
    "driver": "CVL", "drivers": "CVL", "teachers": "EDU", "doctors": "CVL", "nurses": "CVL",
    "miners": "CVL", "employees": "CVL", "staff": "CVL", "pilots": "CVL", "dockers": "CVL",
    "settler": "CVL", "settlers": "CVL", "youths": "CVL", "mob": "CVL", "prisoners": "CVL",
}
# media a statement is made on ("wrote on Twitter", "said on television")
PLATFORMS = frozenset({"twitter", "facebook", "instagram", "youtube", "telegram", "tiktok", "weibo",
                       "television", "tv", "radio", "x", "truth", "website", "blog", "podcast"})
# nouns of a relation to someone else: "Assad's main backer" is not Assad, nor Syrian
RELATIONAL = frozenset({"backer", "ally", "sponsor", "patron", "rival", "enemy", "foe", "adversary",
                        "opponent", "critic", "friend", "partner", "protector", "benefactor", "nemesis"})
PERSONISH = frozenset({"man", "woman", "men", "women", "person", "people", "group", "member", "members"})
_COUNTRY_TYPES = frozenset({"GPE", "NORP"})
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})


@dataclass
class Resolved:
    participant: Participant
    how: str  # "entity", "modifier", "role", "name", "pronoun", "antecedent"
    token: Token | None = None  # the word that named it, when inside the phrase ("ties with X")
    others: list[Participant] = field(default_factory=list)  # "the two countries": the second one


class MentionIndex:
    """Entity mentions of a document by position."""

    def __init__(self, doc: Document) -> None:
        rows = [(m.start, m.end, e) for e in doc.entities for m in e.mentions]
        rows.sort(key=lambda r: (r[0], -r[1]))
        self.rows = rows
        self.starts = [r[0] for r in rows]
        self.by_id: dict[str, Entity] = {e.id: e for e in doc.entities}

    def covering(self, start: int, end: int) -> tuple[int, int, Entity] | None:
        """The mention that contains ``[start, end)`` (the longest if several)."""
        i = bisect_right(self.starts, start) - 1
        best = None
        for j in range(max(0, i - 3), min(len(self.rows), i + 2)):
            s, e, ent = self.rows[j]
            if s <= start and end <= e and (best is None or e - s > best[1] - best[0]):
                best = self.rows[j]
        return best

    def inside(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        lo = bisect_right(self.starts, start - 1)
        out = []
        for j in range(lo, len(self.rows)):
            s, e, ent = self.rows[j]
            if s >= end:
                break
            if e <= end:
                out.append(self.rows[j])
        return out

    def before(self, pos: int, lo: int) -> list[tuple[int, int, Entity]]:
        """Mentions ending before ``pos`` and starting at or after ``lo``, nearest first."""
        i = bisect_right(self.starts, pos) - 1
        out = []
        while i >= 0 and self.rows[i][0] >= lo:
            if self.rows[i][1] <= pos:
                out.append(self.rows[i])
            i -= 1
        return out


def _mere_place(ent: Entity) -> bool:
    """A city, region or site, not a country or a people."""
    if gz.nation_code(ent.name):
        return False
    return ent.type in ("GPE", "LOC", "FAC") or (  # "Salisbury" tagged ORG
        ent.type == "ORG" and bool(gz.place_code(ent.name)) and gz.org_info(ent.name) is None)


@lru_cache(maxsize=4096)
def known_name(name: str, kind: str) -> tuple[str | None, str | None]:
    """(country, sector) the gazetteers give a name the entities layer left without a
    country, whatever type the model gave it ("Kharkiv" tagged PERSON, "Scholz" tagged
    GPE): a place or country first for place types, a known person or organisation first
    for the others."""
    place = gz.nation_code(name) or gz.place_code(name)
    person = gz.person_info(name, single=" " not in name.strip())
    org = gz.org_info(name)
    named = (person[0], person[1]) if person else ((org.country, org.sector) if org else None)
    if kind in ("GPE", "NORP", "LOC"):
        return (place, None) if place else (named or (None, None))
    return named if named and (named[0] or not place) else ((place, None) if place else (None, None))


def entity_country(ent: Entity) -> str | None:
    """The entity's country, or the gazetteers' when the layer gave none."""
    if ent.country or ent.type in NOT_ACTORS:
        return ent.country
    return known_name(ent.name, ent.type)[0]


def entity_participant(ent: Entity, start: int, end: int, text: str, sector: str | None = None) -> Participant:
    own_sector = ent.sector if ent.type not in _COUNTRY_TYPES else None
    if own_sector is None and not ent.country and ent.type not in NOT_ACTORS:
        own_sector = known_name(ent.name, ent.type)[1]
    return Participant(start=start, end=end, entity=ent.id, country=entity_country(ent),
                       sector=own_sector or sector, text=text)


def head_sector(tok: Token) -> str | None:
    """The sector a head word names: a role (ambassador -> DIP) or an institution."""
    word = tok.lower_
    lemma = tok.lemma_.lower()
    for key in (f"{c.lower_} {word}" for c in tok.lefts if c.dep_ in ("compound", "amod")):
        found = gz.role_sector(key) or INSTITUTIONS.get(key)
        if found:
            return found
    found = gz.role_sector(word) or gz.role_sector(lemma) or INSTITUTIONS.get(word) or INSTITUTIONS.get(lemma)
    if found is None and tok.pos_ == "PROPN":
        found = gz.org_head_sector(word)
    return found


def actor_like(tok: Token) -> bool:
    """A head word that can name an actor: a role, an institution, a person or group."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "PROPN" or lemma in INSTITUTIONS or tok.lower_ in INSTITUTIONS
            or lemma in PERSONISH or gz.role_sector(tok.lower_) is not None
            or gz.role_sector(lemma) is not None)


QUANTITIES = frozenset({"thousands", "hundreds", "dozens", "millions", "scores", "tens", "group",
                        "crowd", "crowds", "number", "handful", "majority", "some", "many", "most"})


def _pronoun_like(tok: Token) -> bool:
    """A pronoun, but not a name written in capitals that spells one ("the US", "IT")."""
    if len(tok.text) > 1 and tok.text.isupper():
        return False
    return tok.pos_ == "PRON" or tok.lower_ in ALL_PRONOUNS


def _named_inside(tok: Token) -> Token | None:
    """The phrase that really names the participant: an apposition with a name, or the
    "of" object of a quantity."""
    listed = list_appositions(tok)
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c not in listed:
            return c
        if c.dep_ == "appos" and c.pos_ == "NOUN" and tok.pos_ != "PROPN" and actor_like(c):
            # "Assad's main backer, the Russian president, Vladimir Putin": the name under the role
            named = next((g for g in c.children if g.dep_ == "appos" and g.pos_ == "PROPN"), None)
            if named is not None:
                return named
    if tok.lower_ in QUANTITIES or tok.pos_ == "NUM":
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


PAIR_NATIONS = frozenset({"country", "nation", "state", "government", "neighbour", "neighbor", "capital"})
PAIR_HEADS = PAIR_NATIONS | {"side", "leader", "ally", "power", "rival"}


def _pair(tok: Token) -> bool:
    """"the two countries", "both governments", "the two sides"."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in PAIR_HEADS:
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod", "quantmod")
               for c in tok.children)


def _lumped(tok: Token, start: int, end: int) -> bool:
    """The entity mention ``[start, end)`` (offsets in ``tok``'s parse) joins several
    coordinated names ("Arnor, Osgiliath and Gondor"), not just ``tok``'s."""
    if end - start <= len(tok.text) + 2:
        return False
    span = tok.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 2 and any(t.pos_ == "CCONJ" for t in span)


def _source_of(tok: Token) -> Token | None:
    """Who a thing comes from: "by X", "from X", "sent by X"."""
    by = agent(tok)
    if by is not None and by is not tok:
        return by
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "from":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = agent(c)
            if found is None:
                found = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "from"
                              for g in p.children if g.dep_ == "pobj"), None)
            if found is not None:
                return found
    return None


def _name_head(tok: Token) -> Token:
    """The head word of a multi-word name ("Minas" -> "Tirith"), which carries its conjuncts."""
    for _ in range(4):
        if tok.dep_ not in ("compound", "flat") or tok.head.i <= tok.i or tok.head.pos_ != "PROPN":
            break
        tok = tok.head
    return tok


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
        inner = _named_inside(tok)  # "his counterpart Wang Yi", "thousands of workers"
        if inner is not None:
            return self.resolve(inner, offset, actor=actor, target=target)
        if tok.ent_type_ in NOT_ACTORS:
            return None
        if tok.lower_ in PLATFORMS and tok.head.lower_ in ("on", "via", "through"):
            return None  # "said on Twitter": where it was said, not to whom
        if tok.lemma_.lower() in RELATIONAL and tok.pos_ == "NOUN" and not _pair(tok):
            return self._relation(tok, offset)  # "Assad's main backer" unnamed: not Assad
        if _pronoun_like(tok):
            return self._pronoun(tok, start, end)
        hit = self.index.covering(start, end)
        if hit is not None and not _lumped(tok, hit[0] - offset, hit[1] - offset):
            s, e, ent = hit
            part = entity_participant(ent, s, e, self.doc.text[s:e], head_sector(tok))
            if part.country is None:  # "Germany's Scholz", "Libya's Dbeibah" (tagged GPE)
                part = replace(part, country=self._modifier_country(tok, offset, ent))
            if part.country is None and tok.pos_ == "PROPN" and tok.i > 0:  # "Hardline Iran" as one name
                part = replace(part, country=gz.country_code(tok.text))
            return Resolved(part, "entity")
        ps, pe = phrase_span(tok)
        if _pair(tok):
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
                if hit is not None and hit[2] is not own and hit[2].type in _COUNTRY_TYPES:
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
            if ent.type in _COUNTRY_TYPES and gz.nation_code(ent.name) or (
                    not nations and ent.type in ("ORG", "PERSON")):
                found.append((s, e, ent, country))
                if len(found) == 2:
                    break
        if len(found) < 2:
            return None
        text = self.doc.text[ps:pe]
        first_, second = sorted(found, key=lambda f: f[0])
        parts = [Participant(start=ps, end=pe, entity=f[2].id, country=f[3],
                             sector=f[2].sector if f[2].type not in _COUNTRY_TYPES else None, text=text)
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
            if _lumped(named, s - offset, e - offset):
                s, e = offset + named.idx, offset + named.idx + len(named.text)
                country = gz.nation_code(self.doc.text[s:e]) or gz.place_code(self.doc.text[s:e])
            else:
                country = entity_country(ent)
            s, e = min(s, ps), max(e, pe)
            ent_sector = ent.sector if ent.type not in _COUNTRY_TYPES else None
            part = Participant(start=s, end=e, entity=None, country=country,
                               sector=sector or ent_sector, text=self.doc.text[s:e])
            return Resolved(part, "modifier", named if named.dep_ != "poss" else None)
        country = None
        if tok.pos_ == "PROPN":  # a name the model did not tag: "the AU", "Kharkiv"
            country, known_sector = known_name(self.doc.text[offset + tok.idx:pe], "ORG")
            sector = sector or known_sector
        part = Participant(start=ps, end=pe, entity=None, country=country, sector=sector, text=self.doc.text[ps:pe])
        return Resolved(part, "role" if sector else "name")

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
        if found is not None and found[2].type in _COUNTRY_TYPES:
            s, e, ent = found
            s, e = min(s, ps), max(e, pe)
            part = Participant(start=s, end=e, entity=None, country=entity_country(ent), sector=None,
                               text=self.doc.text[s:e])
            return Resolved(part, "modifier")
        source = _source_of(tok)
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
                    if hit is not None and c.dep_ in place_deps and _mere_place(hit[2]):
                        continue
                    if hit is not None and hit[2].type in ("GPE", "NORP", "ORG", "PERSON"):
                        found.append((hit, _name_head(t)))
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
