"""Who is the actor and who the target of a recognised trigger: candidate phrases in order
of preference (the coder keeps the first that resolves to an actor).

Verbs: the subject acts and the object undergoes, except in the passive ("were invited
by NATO"), with reversed entries ("faced resistance from France"), and with support
verbs whose object noun names its own actor ("announced the plan of NATO"). Nouns: the
possessor, "by", "from" and (for some) "of" name the actor; "of", "on", "against",
"to", "with" name the target; "between A and B" names both. A threat whose target is
not said takes the subject of its condition ("a strong response should the alliance
move closer").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import gazetteer as gz
from .matching import PERSON_WORDS, Match, code_of, noun_entry, that_clauses
from .modality import _conditional
from .syntax import (Token, agent, children, conjuncts, dative, first, is_passive, noun_keys, objects,
                     preps, split_subjects, subject)

DEFAULT_TARGET_PREPS: dict[str, tuple[str, ...]] = {
    "AGREE": ("with",), "CONSULT": ("with", "to"), "SUPPORT": ("for", "to", "with"),
    "CONCEDE": ("to",), "COOPERATE": ("with",), "AID": ("to", "for"), "RETREAT": ("from", "to"),
    "REQUEST": ("on", "upon", "to", "from"), "ACCUSE": ("against", "of"), "REJECT": ("against",),
    "THREATEN": ("against", "to"), "PROTEST": ("against", "outside"),
    "SANCTION": ("on", "against", "with", "from"), "MOBILIZE": ("against", "toward", "towards", "near", "along"),
    "COERCE": ("on", "against"), "ASSAULT": ("on", "against", "at", "into"),
}
# nouns of places: "a tour of eight Arab capitals" (the places toured, not the visitor)
PLACE_NOUNS = frozenset({"capital", "city", "country", "region", "town", "village", "camp", "base", "area",
                         "site", "province", "state", "nation", "island", "border", "frontline", "zone"})
PLACE_PREPS = ("in", "at", "near", "outside", "inside", "across", "throughout")
OBJECT_TARGET_FRAMES = frozenset({"appeal", "demand", "threat", "invite", "accuse", "refuse"})
# frames whose "that" clause names the target by its subject ("demanded that Israel ...")
CLAUSE_TARGET_FRAMES = frozenset({"appeal", "demand", "accuse"})
NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod"})
CONTENT_TARGET_PREPS = ("to", "for", "on", "against", "with", "into")
# prepositions of a verb whose phrase says what the event is about ("clashed over X's plans")
ABOUT_PREPS = ("over", "about", "on", "regarding", "concerning", "into", "against", "with")
# clauses inside a phrase that start a new predication: their names are not the target
CLAUSAL = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
# phrases of venue and time, not of what an event is about ("met with aides at the White House")
NOT_ABOUT = frozenset({"at", "near", "during", "after", "before", "since", "until", "by", "outside",
                       "inside", "around", "throughout", "across", "amid", "despite"})
PATH_VERBS = frozenset({"lead", "link", "connect", "go", "run", "head", "enter", "cross", "border"})
NAME_TYPES = frozenset({"GPE", "NORP", "ORG", "PERSON"})
# objects that name the people an event befalls, even when an entry lists them ("evicted
# families", "ousted the villages")
PEOPLE_OBJECTS = frozenset({
    "village", "villager", "resident", "family", "inhabitant", "tenant", "settler", "squatter",
    "population", "community", "household", "tribe", "clan", "minority", "neighbourhood",
})


@dataclass
class Roles:
    actors: list[list[Token]] = field(default_factory=list)    # candidate groups, best first
    targets: list[list[Token]] = field(default_factory=list)
    places: list[Token] = field(default_factory=list)
    symmetric: bool = False
    mutual: bool = False  # "A and B postponed their meeting": the other side is the target
    deep: list[list[Token]] = field(default_factory=list)  # names deeper in the object, if no target


def _group(tok: Token | None) -> list[list[Token]]:
    return [conjuncts(tok)] if tok is not None else []


def _subject_group(verb: Token) -> list[list[Token]]:
    """The subject and its conjuncts, with those the parse split off as second subjects."""
    subj = subject(verb)
    if subj is None:
        return []
    return [conjuncts(subj) + [t for s in split_subjects(verb, subj) for t in conjuncts(s)]]


def _prep_groups(tok: Token, words: tuple[str, ...]) -> list[list[Token]]:
    found = preps(tok)
    out = []
    for word in words:
        for obj in found.get(word, ()):
            out.append(conjuncts(obj))
    return out


def _between(tok: Token) -> tuple[Token | None, Token | None]:
    for obj in preps(tok).get("between", ()):
        group = conjuncts(obj)
        if len(group) >= 2:
            return group[0], group[1]
    return None, None


def noun_actor(noun: Token, match: Match) -> list[list[Token]]:
    """Phrases naming the actor of an event noun."""
    entry = match.entry
    out: list[list[Token]] = []
    if entry.poss == "actor":
        out += [conjuncts(c) for c in children(noun, frozenset({"poss"}))]
    out += _group(agent(noun))
    if entry.of == "actor":
        out += [g for g in _prep_groups(noun, ("of",)) if not _visited(entry, g)]
    tgt = entry.tgt or DEFAULT_TARGET_PREPS.get(entry.type, ())
    # "withdrawal from Syria": a preposition that names the target does not name the actor
    out += _prep_groups(noun, tuple(w for w in ("from", "within", "among") if w not in tgt) + tuple(entry.act))
    first_side, _ = _between(noun)
    out += [[first_side]] if first_side is not None else []
    out += [conjuncts(c) for c in noun.children if c.dep_ in NOUN_MODIFIERS and c.pos_ in ("PROPN", "ADJ")
            and c.text[:1].isupper()]  # "joint US, French and British airstrikes": all three act
    return out or _clause_party(noun, match)


# "said after talks with X", "blocked roads in protest against X": the clause's subject
# took part in the meeting or protest the phrase names
_PARTY_PREPS = {"after": ("CONSULT", "COOPERATE"), "following": ("CONSULT", "COOPERATE"),
                "during": ("CONSULT", "COOPERATE"), "at": ("CONSULT",), "into": ("CONSULT",),
                "in": ("PROTEST", "CONSULT")}


def _clause_party(noun: Token, match: Match) -> list[list[Token]]:
    """"Said after talks with X", "went into a meeting with X", "made progress in talks
    with X", "in a press conference after talks with X, Baldrige said": the subject of the
    verb the phrase hangs on (through at most one other phrase) took part."""
    prep = noun.head
    types = _PARTY_PREPS.get(prep.lower_, ()) if noun.dep_ == "pobj" and prep.dep_ == "prep" else ()
    if match.entry.type not in types:
        return []
    if match.entry.type == "CONSULT" and not preps(noun).get("with"):
        return []  # "spoke at the conference": a venue, not a meeting with someone
    verb = prep.head
    if verb.pos_ == "NOUN" and verb.dep_ == "pobj" and verb.head.dep_ == "prep" and verb.head.lower_ in _PARTY_PREPS:
        verb = verb.head.head  # "in a press conference after talks with X"
    if verb.pos_ != "VERB" or is_passive(verb):
        return []
    return _subject_group(verb)


def noun_target(noun: Token, match: Match) -> list[list[Token]]:
    entry = match.entry
    out: list[list[Token]] = []
    if entry.poss == "target":
        out += [conjuncts(c) for c in children(noun, frozenset({"poss"}))]
    if entry.of == "target":
        out += _prep_groups(noun, ("of",))
    out += [g for g in _prep_groups(noun, ("of",)) if _visited(entry, g)]  # "Rouhani's tour of Iraq"
    out += _prep_groups(noun, entry.tgt or DEFAULT_TARGET_PREPS.get(entry.type, ()))
    _, second_side = _between(noun)
    out += [[second_side]] if second_side is not None else []
    if entry.frame in CLAUSE_TARGET_FRAMES:  # "the demand that Germany repatriate ..."
        out += [conjuncts(subj) for c in that_clauses(noun) for subj in c.children
                if subj.dep_ in ("nsubj", "nsubjpass") and subj.lower_ not in ("it", "there")]
    return out


def _visited(entry, group: list[Token]) -> bool:
    """The "of" phrase of a visit names the place visited when it is a place ("a tour of
    Iraq"), the visitor otherwise ("the visit of the president")."""
    return entry.mode == "visit" and entry.of == "actor" and (
        group[0].ent_type_ in ("GPE", "LOC", "FAC") or group[0].lemma_.lower() in PLACE_NOUNS)


def _places(*toks: Token | None) -> list[Token]:
    out = []
    for tok in toks:
        if tok is not None:
            found = preps(tok)
            for word in PLACE_PREPS:
                out.extend(found.get(word, ()))
    return out


def condition_subject(tok: Token) -> Token | None:
    """The subject of a conditional clause attached to ``tok`` or its object."""
    for host in [tok] + objects(tok):
        for c in host.children:
            if c.dep_ in ("ccomp", "advcl", "acl", "relcl") and _conditional(c):
                subj = first([x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")])
                if subj is not None:
                    return subj
    return None


def verb_roles(match: Match) -> Roles:
    verb, entry = match.verb, match.entry
    roles = Roles(symmetric=entry.has("sym"))
    tgt_words = entry.tgt or DEFAULT_TARGET_PREPS.get(match.code.type, ())
    if match.light is not None:
        return _light_roles(match, roles, tgt_words)
    if is_passive(verb):  # "the agreement was signed by X": the content is no target here either
        roles.actors = _group(agent(verb))
        roles.targets = [conjuncts(o) for o in objects(verb) if entry.has("own") or not _content_object(entry, o)]
    elif entry.has("rev"):
        roles.targets = _group(subject(verb))
        roles.actors = _prep_groups(verb, entry.act or ("from", "by"))
        # "came under attack from Hamas", "received support from the US": the phrase hangs
        # on the noun
        held = [o for w in entry.preps for o in preps(verb).get(w, ())] + objects(verb)
        roles.actors += [g for o in held for g in _prep_groups(o, entry.act or ("from", "by"))]
    else:
        roles.actors = _event_subject(verb) or _subject_group(verb)
        kept = [o for o in objects(verb) if not entry.has("own") and not _content_object(entry, o)]
        roles.targets = [conjuncts(o) for o in kept] + _group(dative(verb))
    roles.targets += _prep_groups(verb, tgt_words)
    for obj in objects(verb):
        roles.targets += _prep_groups(obj, tgt_words)
    _frame_roles(match, roles)
    roots = (objects(verb) if not entry.has("rev") else []) + _about_roots(verb)  # "sanctions on Iran were lifted"
    roles.deep = deep_names(roots, _taken(roles, verb))
    roles.places = _places(verb, match.inner)
    roles.mutual = any(c.dep_ == "poss" and c.lower_ == "their" for o in objects(verb) for c in o.children)
    return roles


def _event_subject(verb: Token) -> list[list[Token]] | None:
    """A subject that is an event noun acts through its own actor: "the Russian invasion
    of Ukraine has killed thousands" is Russia's doing, not Ukraine's (None when the
    subject is no event noun; no actor when the noun names none)."""
    subj = subject(verb)
    if subj is None or subj.pos_ != "NOUN" or subj.dep_ != "nsubj" or subj.head.i != verb.i:
        return None
    entry = noun_entry(subj, content=False)
    if entry is None or entry.type not in ("ASSAULT", "COERCE", "SANCTION", "MOBILIZE"):
        return None
    groups = noun_actor(subj, Match(entry, code_of(entry), None, subj))
    # "the Salisbury attack": a city in front of the noun says where, not who
    groups = [g for g in groups if not (g and g[0].dep_ == "compound" and _mere_place(g[0]))]
    return groups or [[]]


def _mere_place(tok: Token) -> bool:
    """A city or region, not a country ("Salisbury", "Douma")."""
    known = tok.ent_type_ in ("GPE", "LOC", "FAC") or bool(gz.place_code(tok.text))
    return known and not gz.nation_code(tok.text)


def _taken(roles: Roles, verb: Token) -> set[int]:
    """Tokens already used as actors, and the verb: not to be found again as names."""
    return {verb.i} | {t.i for group in roles.actors for t in group}


def _content_object(entry, obj: Token) -> bool:
    """The object says what the event is ("declared a state of emergency", "lifted the
    sanctions"), it is not its target; people an entry names ("released prisoners",
    "expelled diplomats") stay targets."""
    if not entry.objects or not (noun_keys(obj) & entry.objects):
        return False
    lemma = obj.lemma_.lower()
    return not (lemma in PERSON_WORDS or lemma in PEOPLE_OBJECTS or gz.role_sector(obj.lower_)
                or gz.role_sector(lemma))


def deep_names(roots: list[Token], skip: set[int]) -> list[list[Token]]:
    """Names inside phrases, nearest first, outside clauses of their own: the fallback
    target when no role resolves ("the closure of guest houses in Bree", "the efforts of
    Eriadori to ...", "a missile into the sea off Japan")."""
    out: list[list[Token]] = []
    used: set[int] = set(skip)
    queue = list(roots)
    starts = {t.i for t in roots}
    for _ in range(60):  # phrases are small; bound the walk all the same
        if not queue:
            break
        tok = queue.pop(0)
        if tok.i in skip and tok.i not in starts:
            continue  # the actor's own phrase: "Rouhani's tour of Iraq" is not a tour of "President"
        if tok.i not in used and _name_like(tok):
            group = [t for t in conjuncts(tok) if t.i not in used]
            used.update(t.i for t in group)
            out.append(group)
            if len(out) >= 3:
                break
        queue.extend(c for c in tok.children if (c.dep_ not in CLAUSAL or _path_participle(c))
                     and c.dep_ not in ("punct", "det", "cc")
                     and not (c.dep_ == "prep" and c.lower_ in NOT_ABOUT))
    return out


def _path_participle(tok: Token) -> bool:
    """A participle that says where a road or a line goes: "the roads leading into Gaza",
    "the crossings linking the two countries" (the place is what the event is about)."""
    return tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.lemma_.lower() in PATH_VERBS


def _name_like(tok: Token) -> bool:
    return (tok.pos_ == "PROPN" or tok.ent_type_ in NAME_TYPES) and tok.ent_type_ not in ("DATE", "TIME")


def _about_roots(verb: Token) -> list[Token]:
    found = preps(verb)
    return [o for word in ABOUT_PREPS for o in found.get(word, ())]


def _light_roles(match: Match, roles: Roles, tgt_words: tuple[str, ...]) -> Roles:
    verb, noun = match.verb, match.trigger
    own = noun_actor(noun, match)
    if match.reversed:
        roles.actors = own + _prep_groups(verb, ("from", "by"))
        roles.targets = _group(subject(verb))
    else:
        clause = _group(agent(verb)) if is_passive(verb) else _subject_group(verb)
        roles.actors = own + clause
        roles.targets = noun_target(noun, match) + _prep_groups(verb, tgt_words) + _group(dative(verb))
    roles.places = _places(verb, noun, *[t for toks in preps(noun).values() for t in toks])
    if not match.reversed:
        roles.deep = deep_names([noun] + _about_roots(verb), _taken(roles, verb) | {noun.i})
    return roles


def _frame_roles(match: Match, roles: Roles) -> None:
    frame = match.entry.frame
    if frame is None:
        return
    if frame not in OBJECT_TARGET_FRAMES:
        roles.targets = [g for g in roles.targets if not _is_content(g, match)]
    if match.inner_match is not None and frame in ("intent", "threat", "refuse"):
        inner = verb_roles(match.inner_match) if match.inner_match.verb is not None else noun_roles(match.inner_match)
        roles.targets += inner.targets
        roles.places += inner.places
        roles.symmetric |= frame == "intent" and inner.symmetric  # "A and B pledged to deepen ties"
    if match.inner is not None and match.inner_match is None and match.inner.pos_ in ("NOUN", "PROPN"):
        roles.targets += _prep_groups(match.inner, CONTENT_TARGET_PREPS)
        if match.verb is not None:
            roles.targets += _prep_groups(match.verb, ("to", "for"))
    inner_verb = match.inner if match.inner is not None and match.inner.pos_ == "VERB" else (
        match.inner_match.verb if match.inner_match is not None else None)
    if inner_verb is not None and frame in ("threat", "intent"):  # "threatened to use nuclear weapons against Seoul"
        for host in [inner_verb] + objects(inner_verb):
            roles.targets += _prep_groups(host, ("against", "on", "at"))
    if frame == "intent" and match.verb is not None:
        for obj in objects(match.verb):
            roles.targets += _prep_groups(obj, ("in", "for", "to", "with", "on"))
    if match.code.type == "THREATEN" and match.verb is not None:
        roles.targets += _group(condition_subject(match.verb))
    if frame in CLAUSE_TARGET_FRAMES and match.verb is not None:
        roles.targets += [conjuncts(s) for s in clause_subjects(match.verb)]
    if frame == "invite" and not roles.actors and match.verb is not None:
        for comp in children(match.verb, frozenset({"xcomp"})):
            for obj in objects(comp):
                roles.actors += [[c] for c in obj.children if c.dep_ in ("compound", "poss")]


def clause_subjects(verb: Token) -> list[Token]:
    """Subjects of a "that" clause: who is asked or accused ("demanded that Israel allow aid",
    "alleged that Iran had supplied drones")."""
    return [subj for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
            for subj in c.children if subj.dep_ in ("nsubj", "nsubjpass") and subj.lower_ not in ("it", "there")]


def _is_content(group: list[Token], match: Match) -> bool:
    return match.inner is not None and match.inner in group


def noun_roles(match: Match) -> Roles:
    noun = match.trigger
    roles = Roles(symmetric=match.entry.has("sym"))
    roles.actors = noun_actor(noun, match)
    roles.targets = noun_target(noun, match)
    if match.inner_match is not None:
        inner = verb_roles(match.inner_match) if match.inner_match.verb is not None else noun_roles(match.inner_match)
        roles.targets += inner.targets
        roles.places += inner.places
    roles.places += _places(noun)
    roles.deep = deep_names([noun], _taken(roles, noun))
    return roles
