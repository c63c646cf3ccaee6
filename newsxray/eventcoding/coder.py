"""Coding the events of a document: triggers found per parsed sentence, participants
resolved to entities, modes, dates, locations and quotes added, reports of the same event
merged (see ``merge``).

Only the title, lede and body are read. Verbs are coded first (frames before the rest, so
that a frame's content is not coded again as an event of its own), then event nouns that
no verb has taken. A candidate needs a resolved participant: an entity, a country, or an
actor named by its role ("police", "the government").
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..document import Document, Location, Participant
from ..nlp import parses
from .actor_words import QUANTITIES
from .actors import MentionIndex, Resolver, actor_like, entity_country
from .compose import Code, discontinued, future
from .lexicon import NOUN_ENTRIES
from .matching import Classes, Match, noun_match, verb_match
from .modality import clause_mode, event_mode, stopping_verb
from .roles import Roles, noun_roles, verb_roles
from .syntax import Token, agent, conjuncts, governing_verb, is_passive, objects, subject

READ_SEGMENTS = ("title", "lede", "body")
LOCATION_TARGET_TYPES = frozenset({"AGREE", "COOPERATE", "AID", "SUPPORT", "MOBILIZE", "ASSAULT", "COERCE",
                                   "REQUEST"})
RECIPROCAL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
NON_STATE = frozenset({"REB", "CVL", "OPP", "CRM", "EDU"})
POLITICAL = frozenset({"GOV", "DIP", "LEG", "PTY", "OPP", "JUD"})
ARMED = frozenset({"MIL", "REB", "COP"})
UNARMED = frozenset({"CVL", "MED", "NGO", "EDU", "BUS", "REL", "HLH"})


@dataclass
class Candidate:
    """One report of an event, before reports of the same event are merged."""

    code: Code
    mode: str | None
    aux: str | None
    start: int
    end: int
    title: bool
    actor: Participant | None = None
    co_actors: list[Participant] = field(default_factory=list)
    target: Participant | None = None
    co_targets: list[Participant] = field(default_factory=list)
    location: Location | None = None
    guessed: bool = False            # a participant came from a pronoun or an antecedent
    pair: bool = False               # the actor is "the two countries": the second is the target
    words: set[str] = field(default_factory=set)  # lemmas of the trigger and its content


class DocumentCoder:
    """Finds the event candidates of one document."""

    def __init__(self, doc: Document, *, plover_future: bool = True) -> None:
        self.doc = doc
        self.plover_future = plover_future
        self.index = MentionIndex(doc)
        starts = [s.start for s in doc.sentences]
        self.resolver = Resolver(doc, self.index, starts)
        self.classes = Classes(self._entity_type)
        self.offset = 0

    def _official(self, p: Participant | None) -> bool:
        """Whether a participant acts for a state or an organisation: a country or an
        organisation entity, or anyone with a sector (a minister, a diplomat, the army)."""
        if p is None:
            return False
        if p.sector:
            return True
        ent = self.index.by_id.get(p.entity) if p.entity else None
        return ent is not None and ent.type in ("GPE", "ORG", "NORP")

    def _entity_type(self, tok: Token) -> str | None:
        hit = self.index.covering(self.offset + tok.idx, self.offset + tok.idx + len(tok.text))
        return hit[2].type if hit is not None else None

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for offset, sdoc in parses(self.doc):
            kind = _segment_type(self.doc, offset)
            if kind in READ_SEGMENTS:
                self.offset = offset
                out.extend(self._unit(sdoc, offset, kind == "title"))
        return out

    def _unit(self, sdoc, offset: int, title: bool) -> list[Candidate]:
        consumed: set[int] = set()
        found = [m for t in sdoc if t.pos_ in ("VERB", "AUX") and (m := verb_match(t, self.classes))]
        taken = {o.i for m in found for o in objects(m.verb)} | {m.trigger.i for m in found}
        found += [m for t in sdoc if t.pos_ in ("NOUN", "PROPN") and t.dep_ != "compound" and t.i not in taken
                  and (m := noun_match(t, self.classes)) and m.entry.frame]
        found.sort(key=lambda m: (m.entry.frame is None, _depth(m.trigger), m.trigger.i))
        matches: list[Match] = []
        for m in found:
            if m.trigger.i in consumed or (m.verb is not None and m.verb.i in consumed):
                continue
            matches.append(m)
            consumed |= m.consumed | {m.trigger.i}
            if m.verb is not None:
                consumed.update(o.i for o in objects(m.verb))
        for tok in sdoc:
            if ((tok.pos_ == "NOUN" or (title and tok.pos_ == "PROPN")) and tok.i not in consumed
                    and tok.dep_ != "compound" and self._entity_type(tok) is None):
                m = noun_match(tok, self.classes)
                if m is not None:
                    matches.append(m)
                    consumed |= m.consumed | {tok.i}
        out = []
        for m in matches:
            cand = self._candidate(m, offset, title)
            if cand is not None:
                out.append(cand)
        return out

    def _candidate(self, m: Match, offset: int, title: bool) -> Candidate | None:
        if m.verb is not None and m.light is None and m.code.type in FORCE_TYPES and _inanimate_cause(m.verb):
            return None  # "sanctions hit the economy", "the legislation would hit Japan"
        roles = verb_roles(m) if m.verb is not None else noun_roles(m)
        verb = m.verb if m.verb is not None else governing_verb(m.trigger)
        aux = event_mode(m.trigger, verb)
        code = m.code
        stopper = stopping_verb(m.verb) if m.verb is not None and m.light is None else None
        if stopper is not None:  # "stopped supplying arms to the Kurds", "halted shelling the city"
            stopped = discontinued(code)
            code, aux = (stopped, clause_mode(stopper)) if stopped is not None else (code, "negated")
        if aux == "future" and self.plover_future:
            code, aux = future(code)
        start, end = offset + m.trigger.idx, offset + m.trigger.idx + len(m.trigger.text)
        cand = Candidate(code=code, mode=code.mode, aux=aux, start=start, end=end, title=title,
                         words={m.trigger.lemma_.lower()} | ({m.inner.lemma_.lower()} if m.inner is not None else set()))
        self._participants(cand, roles, offset)
        if not _kept(cand, nominal=m.verb is None):
            return None
        if m.entry.has("strict") and m.inner is None and not _resolved(cand.target, role_ok=True):
            return None
        if m.entry.has("official") and not self._official(cand.actor):
            return None
        if _interview(cand):
            return None
        self._location(cand, roles, offset)
        _adjust(cand)
        return cand

    def _participants(self, cand: Candidate, roles: Roles, offset: int) -> None:
        cand.actor, cand.co_actors = self._pick(roles.actors, offset, None, cand, target=False)
        if not (roles.symmetric or roles.mutual) and self._picked:
            # members of the actor's own coordination are not its target ("joint US, French and
            # British airstrikes", "Germany, France and Britain ... their citizens")
            side = {t.i for head in self._picked for t in _coordination(head)}
            roles.targets = _outside(roles.targets, side)
            roles.deep = _outside(roles.deep, side)
        cand.target, cand.co_targets = self._pick(roles.targets, offset, cand.actor, cand, target=True)
        if _own_modifier(cand, self._picked):  # "ordered the withdrawal of US troops": not the US
            cand.target, cand.co_targets = None, []
        if cand.target is None and cand.co_actors and _joint(cand.code) and (
                roles.symmetric or cand.code.type != "AGREE"):  # not "A, B and C pledged to help"
            cand.target = cand.co_actors.pop(0)  # "Armenia and Azerbaijan held talks in Washington"
        if cand.target is None and roles.deep:  # "criticised the closure of schools in Gaza"
            deep = _outside_venues(roles.deep) if cand.code.type == "CONSULT" and cand.code.mode is None else roles.deep
            cand.target, cand.co_targets = self._pick(deep, offset, cand.actor, cand, target=False)
            if _own_modifier(cand, self._picked):  # "ordered the withdrawal of US troops": not the US
                cand.target, cand.co_targets = None, []
        pair = cand.pair and cand.code.type in RECIPROCAL_TYPES  # "the two countries signed a pact"
        if (roles.symmetric or roles.mutual or pair) and cand.target is None and cand.co_actors:
            cand.target = cand.co_actors.pop(0)
        if cand.target is not None and any(_same(cand.target, p) for p in cand.co_actors):
            cand.target, cand.co_targets = None, []  # "A, B and the EU welcomed the decision": not the EU

    def _pick(self, groups: list[list[Token]], offset: int, actor: Participant | None,
              cand: Candidate, *, target: bool) -> tuple[Participant | None, list[Participant]]:
        self._picked: list[Token] = []
        for group in groups:
            for k, head in enumerate(group):  # "Lions, tigers and Gondor": the first that names an actor
                found = self.resolver.resolve(head, offset, actor=actor, target=target)
                if found is not None and not _same(found.participant, actor):
                    break
            else:
                continue
            cand.guessed |= found.how in ("pronoun", "antecedent")
            cand.pair |= found.how == "pair" and not target
            rest = group[k + 1:]
            if len(group) == 1 and found.token is not None and found.token.i != group[0].i:
                rest = _coordinated(found.token)  # "ties with A, B and C", "Chinese and Russian leaders"
            others: list[Participant] = list(found.others)
            self._picked = group[k:] + ([found.token] if found.token is not None else [])
            for tok in rest:
                extra = self.resolver.resolve(tok, offset, actor=actor)
                if extra is not None and not _same(extra.participant, actor) and not any(
                        _same(extra.participant, o) for o in [found.participant, *others]):
                    others.append(extra.participant)
            return found.participant, others
        return None, []

    def _location(self, cand: Candidate, roles: Roles, offset: int) -> None:
        for tok in roles.places:
            hit = self.index.covering(offset + tok.idx, offset + tok.idx + len(tok.text))
            if hit is None or hit[2].type not in ("GPE", "LOC", "FAC"):
                continue
            s, e, ent = hit
            country = entity_country(ent)
            cand.location = Location(entity=ent.id, country=country)
            actor_country = cand.actor.country if cand.actor else None
            if (cand.target is None and country and country != actor_country
                    and cand.code.type in LOCATION_TARGET_TYPES and cand.actor is not None):
                cand.target = Participant(start=s, end=e, entity=ent.id, country=country,
                                          sector=None, text=self.doc.text[s:e])
            return


FORCE_TYPES = frozenset({"ASSAULT", "THREATEN"})
# things that do violence for someone: "missiles hit the city", "a car bomb killed five"
WEAPON_WORDS = frozenset({
    "missile", "rocket", "bomb", "shell", "mortar", "drone", "jet", "warplane", "aircraft", "plane",
    "helicopter", "tank", "artillery", "bullet", "grenade", "mine", "explosive", "device", "ship",
    "warship", "vessel", "boat", "submarine", "gunboat", "fighter", "bomber", "frigate", "destroyer",
    "cruiser", "carrier", "battleship", "corvette", "gunship", "minesweeper", "vehicle", "car", "truck",
    "convoy", "unit", "squad", "patrol", "gunman", "sniper", "militant", "assailant", "attacker", "navy",
})
ABSTRACT_ENDINGS = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence")
# groups whose names end like abstract nouns ("the movement continues to fight")
ACTING_GROUPS = frozenset({"movement", "organisation", "organization", "federation", "association", "coalition",
                           "resistance", "insurgency", "faction", "commission", "delegation", "opposition",
                           "detachment", "regiment", "contingent", "battalion", "division", "formation", "garrison",
                           "fraternity", "community", "minority", "majority", "authority", "militia", "presence"})


def _inanimate_cause(verb: Token) -> bool:
    """Violence or a threat whose subject is a thing or a situation, not an actor: "the
    legislation would hit Japan", "sanctions hit the economy", "supplies threatened by the
    war", "the U.S. imposition of tariffs threatening to unravel cooperation". A weapon or a
    vessel ("missiles hit the base"), a thing of a named country ("four American frigates
    shelled the platforms") and an attack noun ("the attack killed 12") still act for someone."""
    subj = agent(verb) if is_passive(verb) else subject(verb)
    if subj is None or subj.pos_ != "NOUN" or actor_like(subj) or subj.ent_type_:
        return False
    lemma = subj.lemma_.lower()
    if lemma in QUANTITIES or subj.lower_ in QUANTITIES or lemma in WEAPON_WORDS or subj.lower_ in WEAPON_WORDS:
        return False
    if lemma in ACTING_GROUPS or any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in subj.children):
        return False  # "the movement (GUNT) continues to fight"
    entries = NOUN_ENTRIES.get(lemma, ())
    if entries:  # an event noun: only violence, coercion or a show of force acts on its own
        return not any(e.type in ("ASSAULT", "COERCE", "MOBILIZE") and not e.has("content") for e in entries)
    if lemma.endswith(ABSTRACT_ENDINGS):
        return True  # "the imposition of tariffs", "the legislation"
    national = any(c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in ("NORP", "GPE") for c in subj.children)
    return not national


def _joint(code: Code) -> bool:
    """Types done by two sides together: "A and B" with no other party are each other's
    target (talks, agreements, cooperation, signing a pact), not the place they meet in."""
    return code.type in JOINT_TYPES or code.cameo.startswith("057")


def _coordination(tok: Token) -> list[Token]:
    """``tok`` and every member of the coordination it belongs to."""
    top = tok
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return conjuncts(top) + [tok]


def _outside(groups: list[list[Token]], side: set[int]) -> list[list[Token]]:
    """The groups without the tokens of ``side`` (empty groups left out)."""
    out = []
    for group in groups:
        kept = [t for t in group if t.i not in side]
        if kept:
            out.append(kept)
    return out


def _own_modifier(cand: Candidate, picked: list[Token]) -> bool:
    """A target found deep in a phrase only as a modifier naming the actor's own country
    ("the withdrawal of US troops" for the US, "Russian-speakers" for Russia)."""
    target, actor = cand.target, cand.actor
    if target is None or actor is None or not target.country or target.country != actor.country:
        return False
    if not picked:
        return False
    head, named = picked[0], picked[-1]
    if named.i == head.i:  # a name found alone, deep in a phrase
        return named.dep_ in ("compound", "amod", "nmod")
    # a name inside an event noun's phrase ("the withdrawal of US troops"), not a group of
    # people the noun also names ("bomb the Syrian opposition", "the forces of Assad")
    return head.lemma_.lower() in NOUN_ENTRIES and not actor_like(head)


def _outside_venues(groups: list[list[Token]]) -> list[list[Token]]:
    """Names not in an "in"/"at" phrase: a meeting's city is its venue, not a party
    ("started negotiations with the bank committee in New York")."""
    out = []
    for group in groups:
        head = group[0]
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head  # "New" -> "York"
        if not (head.dep_ == "pobj" and head.head.lower_ in ("in", "at", "inside") and _venue_of(head.head.head)):
            out.append(group)
    return out


def _venue_of(host: Token) -> bool:
    """Whether an "in X" phrase on ``host`` says where a meeting is: it hangs on the verb,
    on the meeting noun, or on the party met ("talks in Geneva", "negotiations with the
    committee in New York"), not on the topic ("discussed the situation in Syria")."""
    if host.pos_ in ("VERB", "AUX"):
        return True
    entry = NOUN_ENTRIES.get(host.lemma_.lower())
    if entry and any(e.type == "CONSULT" for e in entry):
        return True
    return host.dep_ == "pobj" and host.head.lower_ in ("with", "between")


def _coordinated(tok: Token) -> list[Token]:
    """The other members of the coordination ``tok`` belongs to ("Iraqi and Syrian
    officials" when the modifier found was "Syrian")."""
    return [t for t in _coordination(tok) if t.i != tok.i]


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 40:
        tok, depth = tok.head, depth + 1
    return depth


def _segment_type(doc: Document, offset: int) -> str | None:
    segs = doc.segments
    i = bisect_right([s.start for s in segs], offset) - 1
    return segs[i].type if i >= 0 and offset < segs[i].end else None


def _same(a: Participant | None, b: Participant | None) -> bool:
    if a is None or b is None:
        return False
    if a.entity and a.entity == b.entity:
        return True
    return a.entity is None and b.entity is None and a.start == b.start


def _resolved(p: Participant | None, *, role_ok: bool) -> bool:
    """Named (entity or country); with ``role_ok`` also a role ("police") or a name."""
    if p is None:
        return False
    return bool(p.entity or p.country or (role_ok and (p.sector or _is_name(p.text))))


def _is_name(text: str | None) -> bool:
    words = [w for w in (text or "").split() if w[:1].isalpha()]
    return bool(words) and words[-1][0].isupper() and words[-1] != "I"     # "I" is not a name


def _kept(cand: Candidate, *, nominal: bool) -> bool:
    """PLOVER codes events with a named actor (manual 7.5); a noun needs a named one."""
    if nominal:  # "Macron's visit to China": both sides, one of them named
        return (cand.actor is not None and cand.target is not None
                and (_resolved(cand.actor, role_ok=False) or _resolved(cand.target, role_ok=False)))
    return _resolved(cand.actor, role_ok=True)


def _adjust(cand: Candidate) -> None:
    """Codes that depend on who acts: diplomatic protests, violence by non-state actors."""
    code, actor = cand.code, cand.actor
    if actor is None:
        return
    if code.type == "PROTEST" and code.mode == "demo" and (actor.sector in ("GOV", "DIP")
                                                           or (actor.country and actor.sector is None
                                                               and actor.entity is not None)):
        cand.code = Code("ACCUSE", "disapprove", "114", code.weight)
        cand.mode = "disapprove"
    elif "strike" in cand.words and (actor.sector in NON_STATE or _union(actor)) and code.type in ("ASSAULT", "THREATEN"):
        protest = code.type == "ASSAULT"
        cand.code = Code("PROTEST" if protest else "THREATEN", "strike" if protest else None,
                         "143" if protest else "133", code.weight)
        cand.mode = cand.code.mode
    elif code.type == "PROTEST" and code.mode == "strike" and "strike" in cand.words and _armed(actor):
        cand.code = Code("ASSAULT", None, "190", code.weight)  # "Russian jets also struck in the east"
        cand.mode = None
    elif "clash" in cand.words and code.type == "ASSAULT" and (actor.sector in POLITICAL or (
            cand.target is not None and cand.target.sector in POLITICAL and actor.sector not in ARMED)):
        cand.code = Code("ACCUSE", "disapprove", "111", code.weight)  # politicians clash in words
        cand.mode = "disapprove"
    elif (code.type == "COERCE" and code.mode == "arrest" and actor.sector in ("REB", "CRM")
          and cand.target is not None and cand.target.sector in UNARMED):
        cand.code = Code("ASSAULT", "abduct", "181", code.weight)  # "Isis seized the journalist": abduction
        cand.mode = "abduct"
    elif code.cameo == "190" and actor.sector in NON_STATE:
        cand.code = Code(code.type, code.mode, "180", code.weight)


def _interview(cand: Candidate) -> bool:
    """"Speaking to the BBC", "spoke to the Guardian": talking to the press is how a
    statement is reported (the quotes layer), not a meeting between actors."""
    target, actor = cand.target, cand.actor
    if cand.code.type != "CONSULT" or cand.code.mode is not None or target is None or actor is None:
        return False
    return (target.sector == "MED") != (actor.sector == "MED")  # also "economists contacted by Reuters"


def _armed(p: Participant) -> bool:
    """An actor that strikes with arms: the military, armed groups, governments and states
    (not workers or unions)."""
    if _union(p) or p.sector in ("CVL", "EDU", "BUS", "NGO", "MED", "LAB"):
        return False
    return p.sector in ("MIL", "REB", "GOV", "COP") or (p.sector is None and bool(p.country) and p.entity is not None)


def _union(p: Participant) -> bool:
    words = set((p.text or "").lower().split())
    return bool(words & {"union", "unions", "workers", "staff", "employees", "dockers", "teachers", "doctors"})
