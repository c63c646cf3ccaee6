"""From a cue token of the parse to its cue, content and source spans.

The content is read by ``quote_content`` (``content_tokens`` here takes the source's words
out of it). The source is the cue's subject (or its passive agent, the object of "according
to", the possessor of a cue noun, the subject of the verb a cue depends on; a relative
pronoun source stays itself and ``antecedent`` gives the noun it stands for). Functions
return token intervals ``[i, j)`` of the parse; ``char_span`` turns an interval into
character offsets of the parsed unit.
"""
from __future__ import annotations

from typing import Any

from .quote_content import (  # noqa: F401 (minus, splits: re-exported for quote_find)
    Ivs,
    RAISING,
    RELATIVE,
    minus,
    noun_content,
    splits,
    subtree,
    union,
    verb_content,
)
from .quote_cues import SUBJECT_DEPS

DROP_FROM_SOURCE = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj"})
LIGHT_VERBS = frozenset({"make", "issue", "express", "voice", "raise", "give", "offer", "release",
                         "deliver", "publish", "share", "post", "send", "write", "file", "lodge"})
EXPLETIVE = frozenset({"it", "there"})
_EDGE = frozenset({"PUNCT", "CCONJ", "SPACE"})
_CLOSING = frozenset({"”", "\"", "''", "’", "'"})
_EDGE_WORDS = frozenset({"that"})   # PolNeAR keeps "whether"/"if" in the content


def content_tokens(tok: Any, source: Any | None) -> Ivs:
    """The token intervals of the content of cue ``tok`` (source and cue words excluded)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        found = noun_content(tok)
    else:
        found = verb_content(tok)
    if source is not None and found:
        sub = subtree(source)
        if sub[0][0] <= tok.i < sub[0][1] or tok.head.i == tok.i and tok.lemma_.lower() == "accord":
            sub = [source_span(source)]       # a relative clause, or the clause hung on the source
        found = minus(found, sub)
    return minus(found, [(tok.i, tok.i + 1)])


def runs(sdoc: Any, intervals: Ivs) -> Ivs:
    """Token runs of ``intervals`` (joined across punctuation), edges trimmed."""
    out: Ivs = []
    for i, j in union(intervals):
        if out and all(sdoc[k].pos_ == "PUNCT" for k in range(out[-1][1], i)):
            out[-1] = (out[-1][0], j)
        else:
            out.append((i, j))
    trimmed = []
    for i, j in out:
        while i < j and (sdoc[i].pos_ in _EDGE or sdoc[i].lower_ in _EDGE_WORDS and sdoc[i].dep_ == "mark"
                         or sdoc[i].dep_ == "prep"):
            i += 1
        while j > i and sdoc[j - 1].pos_ in _EDGE:
            j -= 1
        if j > i:
            trimmed.append((i, j))
    return trimmed


def char_span(sdoc: Any, i: int, j: int) -> tuple[int, int]:
    return sdoc[i].idx, sdoc[j - 1].idx + len(sdoc[j - 1].text)


# -- source ------------------------------------------------------------------------------
def subject_of(tok: Any) -> Any | None:
    """The subject (or passive agent) of verb ``tok``; None for a passive without agent."""
    subj = None
    for c in tok.children:
        if c.dep_ in SUBJECT_DEPS:
            subj = c
        elif c.dep_ == "agent":
            agent = next((g for g in c.children if g.dep_ == "pobj"), None)
            if agent is not None:
                return agent
    if subj is not None and subj.dep_ == "nsubjpass":
        return None  # "is expected to": no agent, no source
    return subj


def source_token(tok: Any) -> Any | None:
    """The head token of the source of cue ``tok``, or None."""
    if tok.lemma_.lower() == "accord":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(tok.doc):
            to = tok.nbor(1)
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if tok.pos_ in ("NOUN", "PROPN"):
        return _noun_source(tok)
    if tok.pos_ == "ADJ" and tok.dep_ in ("amod", "acl") and tok.head.pos_ in ("NOUN", "PROPN", "PRON") \
            and tok.i > tok.head.i:
        return tok.head                 # "voters worried about …", "a Democrat willing to …"
    node, steps = tok, 0
    subj = subject_of(node)
    if subj is None and tok.dep_ in ("ROOT", "parataxis") and not any(c.dep_ == "nsubjpass" for c in tok.children):
        subj = inverted_object(tok) or _adjacent_name(tok)   # "…, Aino Lehtonen said"
    while subj is None and node.dep_ in ("xcomp", "conj", "advcl", "acl", "ccomp", "pcomp", "acomp") and steps < 3:
        if node.dep_ == "acl":
            return node.head if node.head.pos_ in ("NOUN", "PROPN") else None
        node, steps = node.head, steps + 1
        if node.dep_ == "prep" and node.head.i != node.i:
            node = node.head
        subj = subject_of(node)
    if subj is None or subj.dep_ == "expl" or subj.lower_ in EXPLETIVE and _expletive_be(node):
        return None
    if tok.lemma_.lower() in RAISING:
        return None                # "The music seemed to …": the subject is part of the content
    return _antecedent(subj, node)


def _expletive_be(node: Any) -> bool:
    """ "It is clear that …", "there is no doubt …": a form of "be" whose "it" or "there"
    stands for no one (a clause follows); "it was opposed to the test" is a referent."""
    if node.lemma_ != "be":
        return False
    clause = ("ccomp", "xcomp", "csubj", "advcl")
    return any(c.dep_ in clause or c.dep_ in ("acomp", "attr") and any(g.dep_ in clause for g in c.children)
               for c in node.children) or any(c.lower_ == "there" for c in node.children)


_PERSONAL = frozenset({"he", "she", "they", "i", "we"})


def matrix_source(cue: Any, src: Any | None) -> Any | None:
    """The reporting subject, when cue ``cue`` is that subject's second act but the parse hung
    it on the verb of the first report's content: in "He says he respects Clinton and calls her
    …" and "Trump insisted that he has …, claiming that …" the one who calls and claims is the
    reporter, not the reported "he". Only when the content's subject is a personal pronoun
    that can stand for the reporter; else None (keep ``src``)."""
    if src is None or cue.dep_ not in ("conj", "advcl") or src.lower_ not in _PERSONAL:
        return None
    clause = cue.head
    subj = subject_of(clause)
    if clause.dep_ != "ccomp" or subj is None or subj.i != src.i or clause.head.pos_ not in ("VERB", "AUX"):
        return None
    matrix = subject_of(clause.head)
    if matrix is None or matrix.dep_ == "expl" or matrix.lower_ in EXPLETIVE or matrix.lower_ in RELATIVE:
        return None
    if matrix.pos_ == "PRON":
        return matrix if matrix.lower_ == src.lower_ else None   # "I said they lied and called me …"
    return matrix if src.lower_ in ("he", "she", "they") else None


def inverted_object(tok: Any) -> Any | None:
    """A subject after the verb that the parse took for its object, right after a quotation
    ("“…,” read one sign", "“Choke!” blared the front page")."""
    doc = tok.doc
    if not any(doc[i].tag_ == "''" or doc[i].text in _CLOSING for i in range(max(tok.i - 2, 0), tok.i)):
        return None
    return next((c for c in tok.children if c.dep_ in ("dobj", "obj") and c.i > tok.i
                 and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)


def _adjacent_name(tok: Any) -> Any | None:
    """The name or pronoun right before the cue ("Lehtonen said") or right after it ("said Zhang")."""
    doc = tok.doc
    start = tok.i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    if tok.i - 1 == start and doc[start].is_title and doc[start].is_alpha:
        return doc[start]               # a name the tagger took for something else: "Jolly said"
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PROPN", "PRON") and doc[i].lower_ not in RELATIVE:
        return doc[i]
    named = _before_apposition(doc, tok.i - 1, start)
    if named is not None:
        return named
    j = tok.i + 1
    if j < len(doc) and doc[j].pos_ == "PROPN":
        while j + 1 < len(doc) and doc[j + 1].pos_ == "PROPN":
            j += 1
        return doc[j]
    return None


def _before_apposition(doc: Any, comma: int, start: int, longest: int = 15) -> Any | None:
    """The name before an apposition that ends at ``comma`` ("Col. Steven Warren, a military
    spokesman in Baghdad, said"): a proper noun, then a comma, then words without a verb."""
    if comma <= start or doc[comma].text != ",":
        return None
    j = comma - 1
    while j > start and comma - j <= longest and doc[j].text != ",":
        if doc[j].pos_ in ("VERB", "AUX") or doc[j].tag_ in ("''", "``"):
            return None
        j -= 1
    if doc[j].text == "," and j - 1 >= start and doc[j - 1].pos_ == "PROPN" and j < comma - 1:
        return doc[j - 1]
    return None


def _antecedent(subj: Any | None, verb: Any) -> Any | None:
    """The source token as written: a relative pronoun ("Russia, which …") stays itself;
    ``antecedent`` gives the noun it stands for when the speaker is resolved."""
    return subj


def antecedent(tok: Any) -> Any | None:
    """The noun a relative pronoun stands for ("Russia" in "Russia, which has …"), or None."""
    if tok.lower_ in RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    return None


def _agentive(tok: Any | None) -> bool:
    return tok is not None and (tok.pos_ in ("PRON", "PROPN") or bool(tok.ent_type_))


def _noun_source(tok: Any) -> Any | None:
    """Source of a cue noun: its possessor ("his statement"), its "of"/"by" name when it
    has content of its own ("the opposition of China to …"), or the subject of the verb it
    is the object of ("Clinton issued a statement", "spoke in praise of")."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if poss is not None:
        return poss
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "by", "from"):
            name = next((c for c in prep.children if c.dep_ == "pobj"), None)
            others = [c for c in tok.children if c.i > prep.i and c.dep_ in ("prep", "acl")]
            if _agentive(name) and others:
                return name
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    if tok.dep_ in ("dobj", "obj", "pobj") and verb.pos_ in ("VERB", "AUX"):
        subj = subject_of(verb)
        if _agentive(subj) or subj is not None and verb.lemma_.lower() in LIGHT_VERBS:
            return subj
        if subj is not None and tok.dep_ == "pobj" and tok.head.lower_ == "in" and subj.lower_ not in EXPLETIVE:
            return subj                 # "The ministry said in a statement, “…”"
    if tok.dep_ == "attr" and verb.pos_ in ("VERB", "AUX"):
        subj = subject_of(verb)        # "Schlafly had been a strong supporter of …"
        if subj is not None and subj.lower_ not in EXPLETIVE:
            return subj
    return None


def source_span(tok: Any) -> tuple[int, int]:
    """Token range of the source phrase headed by ``tok`` (clauses and appositions dropped)."""
    keep = union([(tok.i, tok.i + 1)], *(subtree(c) for c in tok.children if c.dep_ not in DROP_FROM_SOURCE))
    lo, hi = next((i, j - 1) for i, j in keep if i <= tok.i < j)
    while lo < tok.i and tok.doc[lo].pos_ in _EDGE:
        lo += 1
    while hi > tok.i and tok.doc[hi].pos_ in _EDGE:
        hi -= 1
    return lo, hi + 1


def cue_span(tok: Any) -> tuple[int, int]:
    """Token range of the cue: the verb group (auxiliaries, negation, particle) or phrase."""
    lo = hi = tok.i
    doc = tok.doc
    if tok.lemma_.lower() == "accord" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return tok.i, tok.i + 2
    group = {c.i for c in tok.children if c.dep_ in ("aux", "auxpass", "neg", "prt")}
    while lo - 1 in group:
        lo -= 1
    while hi + 1 in group:
        hi += 1
    return lo, hi + 1
