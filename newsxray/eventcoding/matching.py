"""Recognising triggers in a parsed sentence: which lexicon entry a verb or noun takes.

A verb is looked up with what it governs (particle, prepositions, object lemmas);
entries that name a condition win over bare ones, and a support verb ("held talks",
"imposed sanctions", "faced resistance") hands the event over to its object noun.
A frame ("pledged", "urged", "threatened", "refused") is composed with its content:
an infinitive or clause complement, an object noun, or the object of "for/of/with/
against/to".
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .compose import Code, compose
from .lexicon import LIGHT, NONE, NOUN_ENTRIES, VERB_ENTRIES, Entry, lookup
from .lex_verbs import REVERSED_LIGHT_VERBS
from .syntax import NOMINAL, Token, children, noun_keys, objects, particle, preps

REVERSED_LIGHT = frozenset(REVERSED_LIGHT_VERBS.split())
CONTENT_PREPS = {
    "appeal": ("for", "to", "on"), "demand": ("for", "of"), "threat": ("with", "of", "against"),
    "refuse": ("of", "for"), "intent": ("of", "for", "to", "in"), "invite": ("to", "for"),
    "accuse": ("of", "for", "over"),
}
PLURAL_EVENTS = frozenset({"hostility"})  # nouns that report an event only in the plural
PERSON_WORDS = frozenset({
    "people", "person", "man", "woman", "child", "children", "prisoner", "hostage", "civilian",
    "activist", "journalist", "soldier", "student", "worker", "national", "citizen", "suspect",
    "dissident", "member", "official", "protester", "detainee", "migrant", "refugee", "fisherman",
    "tourist", "sailor", "crew", "leader", "diplomat", "reporter", "opponent", "critic", "villager",
})


@dataclass
class Match:
    """A trigger and the entry it takes."""

    entry: Entry
    code: Code
    verb: Token | None            # the verb of the clause (the light verb for support-verb nouns)
    trigger: Token                # the word the event is coded from
    light: Token | None = None    # the support verb, when the trigger is its object noun
    reversed: bool = False        # "faced resistance from X": the subject undergoes the event
    inner: Token | None = None    # the content token a frame was composed with
    inner_match: "Match | None" = None
    consumed: set[int] = field(default_factory=set)


class Classes:
    """Object classes for ``@person``/``@actor``/``@place``: answered from entity mentions."""

    def __init__(self, covering) -> None:
        self.covering = covering  # (token) -> entity type or None

    def of(self, tok: Token) -> set[str]:
        out = {"@any"}
        kind = self.covering(tok)
        if kind in ("PERSON", "NORP") or tok.lemma_.lower() in PERSON_WORDS:
            out.add("@person")
        if kind in ("GPE", "ORG", "PERSON", "NORP"):
            out.add("@actor")
        if kind in ("GPE", "LOC", "FAC"):
            out.add("@place")
        if kind == "ORG":
            out.add("@org")
        return out


def _object_keys(tok: Token, classes: Classes) -> list[frozenset[str]]:
    """Key sets to try, in order: the first direct object, all direct objects, and these
    with the objects of prepositions ("went on strike")."""
    direct = [frozenset(noun_keys(o) | classes.of(o)) for o in objects(tok) + _raised_objects(tok)]
    oblique = frozenset(k for toks in preps(tok).values() for t in toks for k in noun_keys(t))
    every = frozenset().union(*direct) if direct else frozenset()
    return [*direct[:1], every, every | oblique]


def _raised_objects(tok: Token) -> list[Token]:
    """"allowed inspectors to return": the subject of the complement is the object."""
    return [s for c in tok.children if c.dep_ in ("ccomp", "xcomp")
            for s in c.children if s.dep_ == "nsubj"]


def prep_words(tok: Token) -> frozenset[str]:
    """The prepositions a verb governs, leaving out time phrases ("on Sunday")."""
    return frozenset(word for word, objs in preps(tok).items()
                     if not objs or any(o.ent_type_ not in ("DATE", "TIME") for o in objs))


def noun_entry(tok: Token, *, content: bool) -> Entry | None:
    """The noun entry of ``tok`` (content-only entries only when ``content``)."""
    lemma = tok.lemma_.lower()
    if lemma not in NOUN_ENTRIES or (lemma == "force" and tok.lower_ != "force"):
        return None  # "forces" are troops, not the use of force
    if lemma in PLURAL_EVENTS and tok.tag_ not in ("NNS", "NNPS"):
        return None  # "hostilities" are fighting; "his hostility towards Greece" is an attitude
    mods = frozenset(c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod"))
    entry = lookup(NOUN_ENTRIES, lemma, mods=mods, preps=frozenset(preps(tok)))
    if entry is None or entry.type == NONE or (entry.has("content") and not content):
        return None  # NONE: "boost domestic demand" names no demand of anyone
    return entry


def code_of(entry: Entry) -> Code:
    return Code(entry.type, entry.mode, entry.cameo, entry.weight)


def verb_lemma(tok: Token) -> str:
    """The token's lemma, or a form of the word the lexicon knows when the model's lemma
    is not a word it has ("staged" -> "stag" by the model, "stage" here)."""
    lemma = tok.lemma_.lower()
    if lemma in VERB_ENTRIES or lemma in LIGHT or lemma in REVERSED_LIGHT:
        return lemma
    word = tok.lower_
    for cut, add in (("d", ""), ("ed", ""), ("ing", ""), ("ing", "e"), ("s", ""), ("es", ""), ("ied", "y")):
        if word.endswith(cut) and len(word) > len(cut) + 2:
            guess = word[: -len(cut)] + add
            if guess in VERB_ENTRIES or guess in LIGHT:
                return guess
    return lemma


def verb_match(tok: Token, classes: Classes, depth: int = 0) -> Match | None:
    """The event a verb token triggers, if any (frames composed with their content)."""
    lemma = verb_lemma(tok)
    entries = VERB_ENTRIES.get(lemma)
    light = lemma in LIGHT or lemma in REVERSED_LIGHT
    if lemma == "be":  # "Baghdad and Washington are in talks"
        return _in_talks(tok)
    if not entries and not light:
        return None
    prt, words = particle(tok), prep_words(tok)
    entry = _verb_entry(tok, lemma, prt, words, classes)
    if entry is not None and (entry.type == NONE or (entry.has("trans") and not _complemented(tok))
                              or (entry.has("mandative") and not _mandative(tok))
                              or (entry.has("clause") and not _clause_complement(tok))):
        return None  # "met a mixed response"; "the dollar declined"; "insisted that it was right"
    if entry is not None and entry.specificity == 0 and light:
        found = _light_noun(tok, lemma, classes, depth)
        if found is not None:
            return found
    if entry is None and light:
        return _light_noun(tok, lemma, classes, depth)
    if entry is None:
        return None
    if lemma == "come" and entry.type == "ASSAULT" and _criticised(tok):
        entry = replace(entry, type="ACCUSE", mode="disapprove", cameo="111")
    match = Match(entry, code_of(entry), tok, tok)
    return _framed(match, classes, depth) if entry.frame else match


def _criticised(verb: Token) -> bool:
    """"Came under fire over its trade surplus": criticism for something, not shooting."""
    fire = [n for n in preps(verb).get("under", ()) if n.lemma_.lower() == "fire"]
    return bool(fire) and any(w in found for found in [preps(verb)] + [preps(n) for n in fire]
                              for w in ("over", "for"))


def _clause_complement(tok: Token) -> bool:
    """The verb has a clause or infinitive complement."""
    return any(c.dep_ in ("xcomp", "ccomp") for c in tok.children)


def _complemented(tok: Token) -> bool:
    """The verb has a direct object or a clause or infinitive complement."""
    return bool(objects(tok)) or _clause_complement(tok)


def _mandative(tok: Token) -> bool:
    """A "that" clause in the base form or with "should": what someone must do ("insisted
    that Japan boost imports", "insist that Israel should allow aid"), not a statement."""
    for c in tok.children:
        if c.dep_ != "ccomp" or c.i < tok.i:
            continue
        auxes = [a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")]
        subj = next((s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            continue
        # a singular subject with a bare verb ("Japan boost"): the indicative would be "boosts"
        base = c.tag_ == "VB" or (c.tag_ == "VBP" and subj.tag_ in ("NN", "NNP"))
        if (base and not auxes) or "should" in auxes:
            return True
    return False


def _in_talks(verb: Token) -> Match | None:
    """"X and Y are in talks", "X is in negotiations with Y": a meeting noun after "be in"."""
    for noun in preps(verb).get("in", ()):
        if noun.pos_ == "NOUN":
            entry = noun_entry(noun, content=False)
            if entry is not None and entry.type == "CONSULT" and entry.mode is None:
                return Match(entry, code_of(entry), verb, noun, light=verb)
    return None


def _verb_entry(tok: Token, lemma: str, prt: str | None, words: frozenset[str], classes: Classes) -> Entry | None:
    """The most specific entry whose conditions the verb's context meets. An entry with an
    object and a preposition also takes the preposition from the object ("fired two
    shells at Seoul", where the parse hangs "at Seoul" on "shells")."""
    entry = None
    with_objects = words | frozenset(w for o in objects(tok) for w in prep_words(o))
    for keys in _object_keys(tok, classes):  # the first direct object decides first
        found = lookup(VERB_ENTRIES, lemma, particle=prt, preps=words, objects=keys)
        if with_objects != words:
            wider = lookup(VERB_ENTRIES, lemma, particle=prt, preps=with_objects, objects=keys)
            if wider is not None and wider.objects and wider.preps and (
                    found is None or wider.specificity > found.specificity):
                found = wider
        if found is not None and (entry is None or found.specificity > entry.specificity):
            entry = found
        if entry is not None and entry.objects:
            break
    return entry


def _light_noun(verb: Token, lemma: str, classes: Classes | None = None, depth: int = 0) -> Match | None:
    cands = objects(verb) if lemma != "come" else []
    if lemma in REVERSED_LIGHT and not cands:
        cands = [t for toks in preps(verb).values() for t in toks]
    for noun in [n for c in cands for n in [c] + _noun_complements(c)]:
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        entry = noun_entry(noun, content=False)
        if entry is not None:
            match = Match(entry, code_of(entry), verb, noun, light=verb,
                          reversed=lemma in REVERSED_LIGHT and not is_verbal_passive(verb))
            if entry.frame and classes is not None:
                return _framed(match, classes, depth)
            return match
    return None


def is_verbal_passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)


def noun_match(tok: Token, classes: Classes, depth: int = 0) -> Match | None:
    entry = noun_entry(tok, content=False)
    if entry is None:
        return None
    match = Match(entry, code_of(entry), None, tok)
    return _framed(match, classes, depth) if entry.frame else match


# -- frames -------------------------------------------------------------------------------
def _content_tokens(match: Match) -> list[Token]:
    """Where a frame's content may be, in order of preference."""
    head = match.trigger
    out: list[Token] = []
    if match.verb is not None and match.verb.i == head.i and match.light is None:
        for c in head.children:
            if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
                out.append(c)
                out.extend(x for x in c.children if x.dep_ == "conj" and x.pos_ == "VERB")
        for obj in children(head, frozenset({"dobj"})):
            out.extend(c for c in obj.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
            out.append(obj)
        if match.entry.frame in ("demand", "appeal", "threat", "refuse"):
            out.extend(c for c in head.children if c.dep_ == "ccomp" and c.pos_ == "VERB")
    else:
        out.extend(c for c in head.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB")
    prep_map = preps(head)
    for word in CONTENT_PREPS.get(match.entry.frame or "", ()):
        out.extend(prep_map.get(word, ()))
    return out


def _content(match: Match, classes: Classes, depth: int) -> tuple[Code | None, Token | None, Match | None]:
    for tok in _content_tokens(match):
        if tok.pos_ in ("VERB", "AUX"):
            inner = verb_match(tok, classes, depth + 1) if depth < 2 else None
            if inner is None:  # "pledged to rekindle the bombing campaign": the object says it
                inner = _light_content(tok)
            if inner is not None:
                return inner.code, tok, inner
        elif tok.pos_ in ("NOUN", "PROPN", "NUM"):
            for noun in [tok] + _noun_complements(tok):
                entry = noun_entry(noun, content=True)
                if entry is not None:
                    inner = None
                    if entry.frame and depth < 2:
                        inner = noun_match(noun, classes, depth + 1)
                    return (inner.code if inner else code_of(entry)), noun, inner
    return None, None, None


def _light_content(verb: Token) -> Match | None:
    """"vowed to wage war on X": a support verb whose object only says what is meant."""
    for noun in objects(verb):
        entry = noun_entry(noun, content=True)
        if entry is not None:
            return Match(entry, code_of(entry), verb, noun, light=verb)
    return None


def _noun_complements(tok: Token) -> list[Token]:
    """"$40 million in aid", "a package of sanctions": the noun that says what it is."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "for"):
            out.extend(g for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"))
    return out


def _accused_of(match: Match) -> set[str]:
    words: set[str] = set()
    for toks in preps(match.trigger).values():
        for t in toks:
            words.update(x.lemma_.lower() for x in t.subtree)
    return words


SHARED_VIEW = frozenset({"agree", "concur"})
ORDERS = frozenset({"order", "command", "direct"})
# "declined to comment", "refused to say": no event
STATEMENT_VERBS = frozenset({
    "comment", "elaborate", "say", "confirm", "disclose", "speak", "answer", "respond", "give",
    "provide", "specify", "identify", "name", "discuss", "reveal", "detail", "explain", "talk",
})


def that_clauses(noun: Token) -> list[Token]:
    """Clauses that say what a noun demands, claims or threatens: "the demand that
    Germany repatriate its citizens" (a "that" clause the parse hangs on the noun)."""
    return [c for c in noun.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX") and c.i > noun.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]


NO_COMMENT = frozenset({"comment", "comments", "detail", "details", "interview"})


def _question(tok: Token) -> bool:
    """"asked if the bank would proceed", "asked whether ...": a question, not an appeal."""
    return tok.lemma_.lower() == "ask" and any(
        c.dep_ in ("ccomp", "advcl") and any(g.dep_ in ("mark", "advmod") and g.lower_ in ("if", "whether")
                                             for g in c.children)
        for c in tok.children)  # also "Asked by reporters if he would close the bases, ..." (advcl)


def _framed(match: Match, classes: Classes, depth: int) -> Match | None:
    entry = match.entry
    if entry.frame == "refuse" and any((c.dep_ == "xcomp" and c.lemma_.lower() in STATEMENT_VERBS)
                                       or (c.dep_ == "dobj" and c.lemma_.lower() in NO_COMMENT)
                                       for c in match.trigger.children):
        return None  # "declined to comment", "declined comment": no answer is no rejection
    if entry.frame == "appeal" and _question(match.trigger):
        return None
    inner_code, inner_tok, inner_match = _content(match, classes, depth)
    if inner_code is None and entry.has("inner"):
        return None
    if inner_code is None and match.trigger.lemma_.lower() in SHARED_VIEW and any(
            c.dep_ == "ccomp" for c in match.trigger.children):
        match.code = Code("SUPPORT", None, "050", entry.weight)  # "A and B agree that ...": a shared position
        return match
    if match.verb is match.trigger or match.light is None:  # what is intended or refused is no fact
        for comp in match.trigger.children:
            if comp.dep_ in ("xcomp", "ccomp") and comp.pos_ in ("VERB", "AUX"):
                match.consumed.update(t.i for t in comp.subtree)
        if match.verb is None:  # "Trump's demand that Germany repatriate and prosecute ..."
            for comp in that_clauses(match.trigger):
                match.consumed.update(t.i for t in comp.subtree)
    words = _accused_of(match) if entry.frame == "accuse" else None
    code = compose(entry.frame, inner_code, match.code, words)
    if entry.lemma in ORDERS and inner_code is not None and inner_code.type in ("COERCE", "ASSAULT", "RETREAT", "MOBILIZE"):
        code = inner_code  # "ordered the arrest of", "ordered troops to withdraw": the act itself
    if code is None:
        return None
    match.code = code
    match.inner = inner_tok
    match.inner_match = inner_match
    if inner_tok is not None:
        match.consumed.update(t.i for t in inner_tok.subtree)
    return match


def is_nominal(tok: Token) -> bool:
    return tok.pos_ in NOMINAL
