"""The words and look-ups behind actor resolution (``actors``): pronoun and head-word
classes, sectors of head words, names looked up in the gazetteers, the mention index of an
article, and the tests that decide whether a token can stand for an actor."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .. import gazetteer as gz
from ..document import Document, Entity, Participant
from .syntax import Token, agent, list_appositions

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
COUNTRY_TYPES = frozenset({"GPE", "NORP"})
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


def mere_place(ent: Entity) -> bool:
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
    own_sector = ent.sector if ent.type not in COUNTRY_TYPES else None
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


def pronoun_like(tok: Token) -> bool:
    """A pronoun, but not a name written in capitals that spells one ("the US", "IT")."""
    if len(tok.text) > 1 and tok.text.isupper():
        return False
    return tok.pos_ == "PRON" or tok.lower_ in ALL_PRONOUNS


def named_inside(tok: Token) -> Token | None:
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
    if tok.lemma_.lower() in LISTED_HEADS and tok.tag_ == "NNS":
        for c in tok.children:  # "four countries, including the United States and China"
            if c.dep_ == "prep" and c.lower_ in ("including", "like"):
                return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


# sectors of a state's own organs: "its warplanes", "its delegation" are the state's
STATE_SECTORS = frozenset({"MIL", "GOV", "DIP", "COP", "SPY", "LEG", "JUD"})
# plural heads whose "including" phrase names the members meant
LISTED_HEADS = frozenset({"country", "nation", "state", "government", "ally", "partner", "member",
                          "neighbour", "neighbor", "power", "organisation", "organization"})


PAIR_NATIONS = frozenset({"country", "nation", "state", "government", "neighbour", "neighbor", "capital"})
PAIR_HEADS = PAIR_NATIONS | {"side", "leader", "ally", "power", "rival"}


def is_pair(tok: Token) -> bool:
    """"the two countries", "both governments", "the two sides"."""
    if tok.tag_ not in ("NNS", "NNPS") or tok.lemma_.lower() not in PAIR_HEADS:
        return False
    return any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet", "amod", "quantmod")
               for c in tok.children)


def lumped(tok: Token, start: int, end: int) -> bool:
    """The entity mention ``[start, end)`` (offsets in ``tok``'s parse) joins several
    coordinated names ("Arnor, Osgiliath and Gondor"), not just ``tok``'s."""
    if end - start <= len(tok.text) + 2:
        return False
    span = tok.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 2 and any(t.pos_ == "CCONJ" for t in span)


def source_of(tok: Token) -> Token | None:
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


def name_head(tok: Token) -> Token:
    """The head word of a multi-word name ("Minas" -> "Tirith"), which carries its conjuncts."""
    for _ in range(4):
        if tok.dep_ not in ("compound", "flat") or tok.head.i <= tok.i or tok.head.pos_ != "PROPN":
            break
        tok = tok.head
    return tok
