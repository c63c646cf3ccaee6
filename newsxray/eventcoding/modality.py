"""Whether an event is reported as a fact: PLOVER's auxiliary modes (manual 2.3).

``negated``: "did not sign", "never met", "no talks were held", "denied attacking".
``hypothetical``: a modal of possibility ("could", "might", "may"), "would" outside
reported speech, or a condition ("if", "unless", "should X happen").
``future``: "will", "shall", "is going to", "is set to", "is due to", "is about to", "is to",
"would" in reported speech ("said it would send aid"), what an intention governs ("plans to
give more help"), and a present-tense "when" clause under a future one ("when they meet
next week"). Modes carry through chains of infinitives, coordinated verbs and causatives
("would act to have the government fix prices and allocate supplies"); "any attack" is
hypothetical and "clinched no agreements", "no knowledge of talks" negated.
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
# intentions: what they govern has not happened yet ("plans to spend ... and give more help")
INTENT_FRAMES = frozenset({"plan", "intend", "aim", "prepare", "hope", "want", "propose", "wish", "seek"})
# "have the government fix prices": a causative's clause shares its mode
CAUSATIVES = frozenset({"have", "make", "let", "get", "help"})
# "when they meet later this week": a temporal clause in the present under a future clause
# (or in the past under "would" in reported speech: "said he would lift the tariffs as soon as Tokyo complied")
TEMPORAL_MARKS = frozenset({"when", "before", "after", "until", "once", "till", "while"})
# "any Iranian attack on Soviet ships will bring a response": no attack is reported
HYPOTHETICAL_DETS = frozenset({"any", "possible", "potential", "eventual", "future"})
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
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and _says_no(c):
            return True  # "clinched no agreements", "held no talks", "reached no deal"
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
    if tok.dep_ == "xcomp" and head.i != tok.i and head.lemma_ == "be" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return clause_mode(head) or "future"     # "the minister is to hold talks": planned, not done
    if tok.dep_ == "xcomp" and head.i != tok.i and head.lemma_.lower() in INTENT_FRAMES and head.pos_ == "VERB":
        mode = clause_mode(head)
        return mode if mode in ("negated", "hypothetical") else "future"
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


def _says_no(noun: Token) -> bool:
    """The noun has the determiner "no" ("no agreements", "no knowledge")."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def event_mode(trigger: Token, verb: Token | None) -> str | None:
    """The auxiliary mode of an event: its verb's clause, and for nouns their own "no" (or
    "any": "any attack on its ships will bring a response" reports no attack)."""
    if verb is None or trigger.i != verb.i:
        if _says_no(trigger):
            return "negated"
        if any(c.dep_ in ("det", "amod") and c.lower_ in HYPOTHETICAL_DETS for c in trigger.children):
            return "hypothetical"
        if trigger.dep_ == "pobj" and trigger.head.lower_ == "of" and _says_no(trigger.head.head):
            return "negated"  # "we have no knowledge of talks", "there is no sign of a withdrawal"
    if verb is None:
        return None
    found = clause_mode(verb)
    cur = verb
    for _ in range(4):  # "would likely act to have the government fix prices and allocate supplies"
        if found not in (None, "historical"):
            break
        head = _governor(cur)
        if head is None:
            break
        head_mode = clause_mode(head)
        shared = ("negated", "hypothetical", "future") + (("purpose", "historical") if cur.dep_ == "conj" else ())
        if head_mode in shared:  # "sent troops to help and protect": both say what for
            found = head_mode
        cur = head
    return found


def _governor(verb: Token) -> Token | None:
    """The verb whose mode ``verb`` shares: the governor of an infinitive ("will not try
    to attack", "is not willing to meet": the copula), of a coordinated verb without its
    own subject ("did not meet or talk"), of a causative's clause ("would have the
    government fix"), of an infinitive of purpose ("would act to have"), and of a
    present-tense temporal clause under a future one ("will reaffirm the accord when they
    meet"; in the past under a reported "would": "would lift them as soon as Tokyo complied")."""
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "xcomp":
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.i != head.i:
            return head.head
        return head
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        return None if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) else head
    if verb.dep_ == "ccomp" and head.lemma_.lower() in CAUSATIVES:
        return head
    if verb.dep_ == "advcl" and _purpose(verb):  # "would act to have ...": the infinitive's governor
        return head
    temporal = any(c.dep_ in ("mark", "advmod") and c.lower_ in TEMPORAL_MARKS for c in verb.children)
    if verb.dep_ == "advcl" and head.lower_ == "soon" and head.dep_ == "advmod" and head.head.i != head.i:
        head, temporal = head.head, True  # "would lift them as soon as Tokyo complied"
    backshifted = verb.tag_ == "VBD" and any(c.dep_ == "aux" and c.lower_ in WOULD for c in head.children)
    if (verb.dep_ == "advcl" and (verb.tag_ in ("VBP", "VBZ") or backshifted) and temporal
            and clause_mode(head) in ("future", "hypothetical")):
        return head
    return None
