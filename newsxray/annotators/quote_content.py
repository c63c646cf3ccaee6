"""Content read off the dependency tree for a cue token (``quote_spans`` adds the source).

The clause, object or infinitive a verb governs ("said [that …]", "pledged [to …]"), the
objects of the prepositions some cues take ("called [for …]"), the "as" phrase of a
characterising verb ("derided the deal [as toothless]"), the main clause a parenthetical
cue interrupts ("The economy, Clinton said, is growing") or an "according to" phrase
qualifies, the clause a cue noun introduces ("the view [that …]", "in his view, […]").
Functions return token intervals ``[i, j)`` of the parse.
"""
from __future__ import annotations

from typing import Any

from .quote_cues import SAY_VERBS

GENERIC_PREPS = frozenset({"about", "against", "of", "over", "for", "that"})
PAIR_PREPS = frozenset({
    ("hint", "at"), ("point", "to"), ("refer", "to"), ("comment", "on"), ("insist", "on"),
    ("focus", "on"), ("touch", "on"), ("elaborate", "on"), ("reflect", "on"), ("agree", "on"),
    ("agree", "with"), ("object", "to"), ("respond", "to"), ("react", "to"), ("speak", "on"),
    ("weigh", "on"), ("disagree", "with"), ("concur", "with"), ("side", "with"), ("bet", "on"),
    ("count", "on"), ("rely", "on"), ("dwell", "on"), ("report", "on"), ("vote", "on"),
    ("decide", "on"), ("settle", "on"), ("plan", "on"), ("look", "at"), ("laugh", "at"),
})
_AS = ("as",)
PREDICATE_VERBS = {**dict.fromkeys("""describe characterize characterise portray depict paint label brand dub
    view see regard deride dismiss criticize criticise attack praise hail tout cite cover frame present
    treat denounce condemn slam blast mock ridicule perceive rate rank bill cast style term classify
    envision envisage recast reject welcome""".split(), _AS),
                   "liken": ("to",), "compare": ("to", "with")}
TOPIC_PREPS = frozenset({("say", "of"), ("joke", "of")})   # "she said of the election, …": the topic, not the words
RECIPIENT_VERBS = frozenset({"tell", "ask", "inform", "assure", "reassure", "warn", "remind",
                             "notify", "brief", "advise", "promise", "show", "teach", "convince"})
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "obj", "attr", "oprd", "acomp"})
ANSWERS = frozenset({"yes", "no", "so"})
CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl")   # a clause's own subject
TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
RAISING = frozenset({"seem", "appear"})

Ivs = list[tuple[int, int]]   # token intervals [i, j), sorted and disjoint


def subtree(tok: Any) -> Ivs:
    """The subtree of ``tok`` as a token interval (the parse is projective)."""
    return [(tok.left_edge.i, tok.right_edge.i + 1)]


def union(*parts: Ivs) -> Ivs:
    out: Ivs = []
    for i, j in sorted(iv for part in parts for iv in part):
        if out and i <= out[-1][1]:
            out[-1] = (out[-1][0], max(j, out[-1][1]))
        else:
            out.append((i, j))
    return out


def minus(a: Ivs, b: Ivs) -> Ivs:
    out: Ivs = []
    for i, j in a:
        pieces = [(i, j)]
        for k, m in b:
            pieces = [p for lo, hi in pieces for p in ((lo, min(hi, k)), (max(lo, m), hi)) if p[1] > p[0]]
        out.extend(pieces)
    return out


def that_clause(clause: Any) -> bool:
    """A clause the parse hung as a relative one that is really a "that" complement: its
    "that" is a conjunction (not the subject or object the relative clause lacks) and it has
    a subject of its own ("a report [that Trump had a net loss]")."""
    that = next((c for c in clause.children if c.lower_ == "that" and c.i < clause.i), None)
    return that is not None and that.dep_ in ("mark", "advmod") and any(
        c.dep_ in CLAUSE_SUBJECTS and c.lower_ not in RELATIVE for c in clause.children)


def _is_time(prep: Any) -> bool:
    return any(c.ent_type_ in TIME_ENTS for c in prep.children if c.dep_ == "pobj")


def _prep_content(tok: Any, prep: Any) -> Ivs:
    word = prep.lower_
    lemma = tok.lemma_.lower()
    if (word in GENERIC_PREPS or (lemma, word) in PAIR_PREPS) and not _is_time(prep) \
            and (lemma, word) not in TOPIC_PREPS:
        found = union(*(subtree(c) for c in prep.children if c.dep_ in ("pobj", "pcomp")))
        return union(found, [(prep.i, prep.i + 1)]) if found else found
    return []


def takes_content(tok: Any) -> bool:
    """Whether a verb cue governs a clause, an object or a content preposition."""
    return any(c.dep_ in CONTENT_DEPS or c.dep_ == "prep" and _prep_content(tok, c) for c in tok.children)


def _predicate_phrase(tok: Any) -> Ivs:
    """What a characterising verb says its object is: "derided the deal [as toothless]",
    "cited the audit [as the reason …]", "was viewed [as favorable]", "likened the rules [to
    burning the Constitution]" (the object is what is talked about, the phrase the view)."""
    lemma = tok.lemma_.lower()
    word = PREDICATE_VERBS.get(lemma)
    if word is None or not any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in tok.children):
        return []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in word:
            found = union(*(subtree(g) for g in c.children if g.dep_ not in ("punct", "cc")))
            if found:
                return union(found, [(c.i, c.i + 1)])
    return []


def _complements(tok: Any) -> Ivs:
    """Tokens of what a verb cue governs to say its content."""
    predicate = _predicate_phrase(tok)
    if predicate:
        return predicate
    kids = list(tok.children)
    has_clause = any(c.dep_ in ("ccomp", "xcomp") for c in kids)
    lemma = tok.lemma_.lower()
    parts: list[Ivs] = []
    for c in kids:
        dep = c.dep_
        if dep in CONTENT_DEPS:
            if dep in ("dobj", "obj") and has_clause and lemma in RECIPIENT_VERBS:
                continue  # "told reporters that ..." : the recipient is not content
            parts.append(_clause_body(c) if dep == "ccomp" and c.i > tok.i else subtree(c))
        elif dep == "prep":
            parts.append(_prep_content(tok, c))
            parts += [subtree(r) for o in c.children if o.dep_ == "pobj"      # "reported at the time
                      for r in o.children if r.dep_ == "relcl" and that_clause(r)]  # that …" 
        elif dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("whether", "if", "that", "how", "for")
                                    for m in c.children):
            parts.append(subtree(c))
        elif dep == "advcl" and c.i > tok.i and lemma in SAY_VERBS and _unmarked_clause(c):
            parts.append(_clause_body(c))     # "said after the convention he would not ..."
        elif dep in ("intj", "advmod") and c.lower_ in ANSWERS and c.i == tok.i + 1:
            parts.append([(c.i, c.i + 1)])     # "75 percent of Democrats said yes", "half said so"
    return union(*parts)


def _clause_of(tok: Any) -> Any:
    """The verb whose clause ``tok`` (a preposition or noun phrase) belongs to."""
    head = tok.head
    steps = 0
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i and steps < 4:
        head = head.head
        steps += 1
    return head


def _interrupted(tok: Any) -> Ivs:
    """The clause a parenthetical or trailing cue qualifies, without the cue's own subtree."""
    head = tok.head
    if head.i == tok.i:
        return []
    return minus(subtree(head), subtree(tok))


def _clause_subject(verb: Any) -> Any | None:
    """The subject of the clause ``verb`` heads, if it has one of its own."""
    return next((c for c in verb.children if c.dep_ in CLAUSE_SUBJECTS), None)


def _unmarked_clause(verb: Any) -> bool:
    """A clause with its own subject and no subordinating word: a reported clause the parse
    hung as an adverbial one after an adjunct ("said after the talks he would resign")."""
    return not _marker(verb) and _clause_subject(verb) is not None


def _clause_body(verb: Any) -> Ivs:
    """A reported clause without the adjuncts the parse hung on it before its subject
    ("said on Monday [he would resign]"): they tell when or where the report was made."""
    subj = _clause_subject(verb)
    if subj is None or _marker(verb):
        return subtree(verb)
    lead = [c for c in verb.children if c.i < subj.i and c.dep_ in ("prep", "npadvmod", "advmod", "punct")
            and (c.dep_ != "advmod" or c.ent_type_ in TIME_ENTS)]
    return minus(subtree(verb), union(*(subtree(c) for c in lead))) if lead else subtree(verb)


def _according_rest(tok: Any) -> Ivs:
    """"According to X, …" when the parse made "According" the root and lost the clause
    (hung it on X as an apposition): the words after the comma that ends X's phrase."""
    to = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None)
    obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if obj is None:
        return []
    doc = tok.doc
    end = tok.sent.end
    comma = next((i for i in range(obj.i + 1, end) if doc[i].text == ","), None)
    if comma is None or comma + 1 >= end:
        return []
    return [(comma + 1, end)]


def _told_aside(tok: Any) -> bool:
    """A parenthetical cue whose only complement is the person told ("…, he told reporters, …")."""
    if tok.lemma_.lower() not in RECIPIENT_VERBS or not (
            tok.dep_ == "parataxis" or tok.dep_ == "advcl" and not _marker(tok)):
        return False
    kids = [c for c in tok.children if c.dep_ in CONTENT_DEPS or c.dep_ == "prep" and _prep_content(tok, c)]
    return bool(kids) and all(c.dep_ in ("dobj", "obj", "dative") for c in kids)


def _marker(tok: Any) -> str:
    return next((c.lower_ for c in tok.children if c.dep_ == "mark"), "")


def verb_content(tok: Any) -> Ivs:
    if tok.lemma_.lower() == "accord":
        return _interrupted(tok) if tok.head.i != tok.i else _according_rest(tok)
    found = _complements(tok)
    if found and _told_aside(tok):
        return _interrupted(tok)          # "The plan, she told CNN, would fail": CNN is no content
    if found and tok.lemma_.lower() in RAISING:
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        return union(found, subtree(subj)) if subj is not None else found
    if found:
        return found
    dep = tok.dep_
    if dep == "parataxis" or dep == "advcl" and _marker(tok) in ("as", ""):
        return _interrupted(tok)
    if dep in ("advcl", "conj", "ccomp") and tok.head.i < tok.i:
        return _interrupted(tok)
    if dep == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "agent" for c in tok.children):
        return minus(subtree(tok.head), subtree(tok))   # "a sentiment endorsed by the crowd"
    if dep == "relcl" and tok.head.i < tok.i:
        return minus(subtree(tok.head), subtree(tok))   # "the establishment he rails against"
    passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and passive.lower_ not in RELATIVE:
        return subtree(passive)       # "Clinton's attacks were echoed by ..."
    return found


def splits(tok: Any) -> bool:
    """Whether a cue inside another attribution's content is a report of its own that
    ends that content ("said X and added Y", "…, adding …", "…, while others said …")."""
    dep = tok.dep_
    if dep in ("conj", "parataxis"):
        return True
    if dep == "advcl":
        return tok.tag_ == "VBG" or _marker(tok) in ("while", "as", "whereas", "before", "after", "although",
                                                     "though", "but")
    if dep == "pcomp":
        return tok.head.lower_ in ("before", "after", "while", "besides")
    return False


VIEWPOINT_NOUNS = frozenset({"view", "opinion", "word", "estimation", "mind", "eye", "judgment",
                             "judgement", "assessment", "account", "analysis", "version", "telling",
                             "estimate", "reckoning", "understanding", "experience", "words"})
NOUN_PREPS = frozenset({"of", "about", "on", "for", "against", "over", "that", "to"})

def noun_content(tok: Any) -> Ivs:
    parts: list[Ivs] = []
    for c in tok.children:
        if c.dep_ in ("acl", "ccomp") and c.i > tok.i or c.dep_ == "relcl" and that_clause(c):
            parts.append(subtree(c))          # "the claim that …", "plans to spend …"
        elif c.dep_ == "prep" and c.lower_ in NOUN_PREPS and not _is_time(c):
            objects = union(*(subtree(g) for g in c.children if g.dep_ in ("pobj", "pcomp")))
            parts.append(union(objects, [(c.i, c.i + 1)]) if objects else objects)
    if any(parts):
        return union(*parts)
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        for c in head.children:
            if c.dep_ in ("attr", "ccomp", "xcomp") and c.i > tok.i:
                return subtree(c)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "by") \
            and tok.lemma_.lower() in VIEWPOINT_NOUNS:
        clause = _clause_of(head)
        return minus(subtree(clause), subtree(head))
    return []
