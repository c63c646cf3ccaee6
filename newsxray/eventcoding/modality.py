"""Whether an event is reported as a fact: PLOVER's auxiliary modes (manual 2.3).

``negated``: "did not sign", "never met", "no talks were held", "denied attacking".
``hypothetical``: a modal of possibility ("could", "might", "may"), "would" outside
reported speech, or a condition ("if", "unless", "should X happen").
``future``: "will", "shall", "is going to", "is set to", "is due to", "is about to", and
"would" in reported speech ("said it would send aid").
``historical``: a clause set years back ("five years after crowds burned down its
embassy", "a decade ago"); ``assemble`` also marks factual events dated two or more
calendar years before publication.
``purpose`` (internal, such events are left out): an infinitive that says what something
is for ("sent troops to help").

Only the trigger's own clause counts: "Beijing vowed a strong response should the
alliance move closer" is a factual vow whose content is conditional.
"""
from __future__ import annotations

from .syntax import Token

NEGATION = frozenset({"not", "n't", "never", "no", "nt", "neither", "nor", "without"})
POSSIBILITY = frozenset({"could", "might", "may", "should", "must", "ought", "can"})
FUTURE = frozenset({"will", "shall", "'ll", "’ll", "wo"})
WOULD = frozenset({"would", "'d", "’d"})
CONDITIONS = frozenset({"if", "unless", "whether", "lest", "provided"})
FUTURE_FRAMES = frozenset({"go", "set", "due", "about", "poised", "slate", "schedule", "expect", "likely"})
DENIALS = frozenset({"deny", "refute"})
LONG_UNITS = frozenset({"years", "decades", "centuries", "generations"})
REPORTING = frozenset({
    "say", "tell", "announce", "state", "indicate", "add", "report", "claim", "declare",
    "confirm", "note", "insist", "explain", "reiterate", "stress", "warn", "promise", "signal",
    "suggest", "write", "predict", "assert", "believe", "think", "expect", "vow", "pledge",
})


def _aux_words(tok: Token) -> list[str]:
    return [c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")]


def _negated(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            return True
        if c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children):
            return True  # "did not even ever clash": the negation hangs on an adverb
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.dep_ in ("preconj", "det") and g.lower_ == "neither"
                                                    for g in c.children):
            return True  # "Neither A nor B boycotted ..."
    return False


def _conditional(tok: Token) -> bool:
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in CONDITIONS:
            return True
    if tok.dep_ in ("advcl", "ccomp"):
        auxes = [c for c in tok.children if c.dep_ == "aux"]
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        # inverted condition: "should the alliance move closer", "had they known"
        if subj is not None and any(a.lower_ in ("should", "had", "were") and a.i < subj.i for a in auxes):
            return True
    return False


def _reported(tok: Token) -> bool:
    """``tok`` heads a complement clause of a reporting verb ("said it would ...")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("ccomp", "xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in REPORTING:
            return True
    return False


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose or description ("sent troops to help", "efforts to build")."""
    if tok.dep_ not in ("advcl", "acl", "relcl"):
        return False
    has_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    return has_to and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def clause_mode(tok: Token) -> str | None:
    """The auxiliary mode of the clause ``tok`` (a verb) heads, or None for a fact."""
    if _negated(tok):
        return "negated"
    if _purpose(tok) and tok.head.lemma_.lower() not in FUTURE_FRAMES:
        return "purpose"
    if _conditional(tok):
        return "hypothetical"
    words = _aux_words(tok)
    if any(w in POSSIBILITY for w in words):
        return "hypothetical"
    if any(w in WOULD for w in words):
        return "future" if _reported(tok) else "hypothetical"
    if any(w in FUTURE for w in words):
        return "future"
    head = tok.head
    if tok.dep_ == "xcomp" and head.i != tok.i and head.lemma_.lower() in FUTURE_FRAMES:
        return clause_mode(head) or "future"
    if tok.dep_ == "xcomp" and head.lemma_.lower() in ("fail", "refrain", "stop") and head.i != tok.i:
        return "negated"
    if tok.dep_ in ("xcomp", "ccomp", "pcomp") and head.i != tok.i and head.lemma_.lower() in DENIALS:
        return "negated"  # "Israel denied attacking the convoy": reported as not having happened
    if _long_ago(tok):
        return "historical"
    return None


STOP_VERBS = frozenset({"stop", "halt", "cease", "suspend", "end", "quit", "discontinue"})


def stopping_verb(verb: Token) -> Token | None:
    """The verb that stops ``verb`` ("stopped supplying arms", "will halt shelling"), if any."""
    head = verb.head
    if verb.dep_ in ("xcomp", "dobj") and verb.tag_ == "VBG" and head.i != verb.i and head.lemma_.lower() in STOP_VERBS:
        return head
    return None


def _long_ago(tok: Token) -> bool:
    """A clause set years back ("five years after crowds burned down its embassy", "a
    decade ago, Russia annexed Crimea"): background, PLOVER's auxiliary mode historical."""
    for c in tok.children:
        word = c
        if c.dep_ == "advmod" and c.lower_ == "ago":
            word = next((g for g in c.children if g.dep_ == "npadvmod"), c)
        elif c.dep_ == "mark" and c.lower_ in ("after", "since", "before"):
            word = next((g for g in c.children if g.dep_ == "npadvmod"), c)
        if word.dep_ == "npadvmod" and _years(word):
            return True
    return False


def _years(word: Token) -> bool:
    """"five years", "decades", "a decade" (not "this year", "last year", "a year")."""
    lower = word.lower_
    if lower in LONG_UNITS:
        return True
    return lower in ("decade", "century", "generation") and any(c.lower_ in ("a", "one") for c in word.children)


def event_mode(trigger: Token, verb: Token | None) -> str | None:
    """The auxiliary mode of an event: its verb's clause, and for nouns their own "no"."""
    if (verb is None or trigger.i != verb.i) and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children):
        return "negated"
    if verb is None:
        return None
    found = clause_mode(verb)
    if found in (None, "historical") and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # "will not try to attack", "might want to meet": the governing verb's mode holds
        head = verb.head
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
            head = head.head  # "is not willing to meet", "would be ready to talk": the copula's mode
        head_mode = clause_mode(head)
        if head_mode in ("negated", "hypothetical", "future"):
            found = head_mode
    if found is None and verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        # "did not meet or talk": negation and modals are shared by coordinated verbs
        head_mode = clause_mode(verb.head)
        if head_mode and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            found = head_mode
    return found
