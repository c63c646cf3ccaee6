"""From a cue token of the parse to its cue, content and source spans.

Content is read off the dependency tree: the clause, object or infinitive a verb governs
("said [that …]", "pledged [to …]", "emphasized [the need …]"), the objects of the
prepositions some cues take ("called [for …]", "hints [at …]"), the main clause a
parenthetical cue interrupts ("The economy, Clinton said, is growing") or an "according
to" phrase qualifies, the clause a cue noun introduces ("the view [that …]", "in his view,
[…]"). The source is the cue's subject (or its passive agent, the object of "according
to", the possessor of a cue noun, the subject of the verb a cue depends on; a relative
pronoun source stays itself and ``antecedent`` gives the noun it stands for).
Functions return token intervals ``[i, j)`` of the parse; ``char_span`` turns an interval
into character offsets of the parsed unit.
"""
from __future__ import annotations

from typing import Any

from .quote_cues import SAY_VERBS, SUBJECT_DEPS

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
TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL"})
DROP_FROM_SOURCE = frozenset({"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
RAISING = frozenset({"seem", "appear"})
LIGHT_VERBS = frozenset({"make", "issue", "express", "voice", "raise", "give", "offer", "release",
                         "deliver", "publish", "share", "post", "send", "write", "file", "lodge"})
EXPLETIVE = frozenset({"it", "there"})
_EDGE = frozenset({"PUNCT", "CCONJ", "SPACE"})
_CLOSING = frozenset({"”", "\"", "''", "’", "'"})
_EDGE_WORDS = frozenset({"that"})   # PolNeAR keeps "whether"/"if" in the content


Ivs = list[tuple[int, int]]   # token intervals [i, j), sorted and disjoint


def _subtree(tok: Any) -> Ivs:
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


def _is_time(prep: Any) -> bool:
    return any(c.ent_type_ in TIME_ENTS for c in prep.children if c.dep_ == "pobj")


def _prep_content(tok: Any, prep: Any) -> Ivs:
    word = prep.lower_
    lemma = tok.lemma_.lower()
    if (word in GENERIC_PREPS or (lemma, word) in PAIR_PREPS) and not _is_time(prep) \
            and (lemma, word) not in TOPIC_PREPS:
        found = union(*(_subtree(c) for c in prep.children if c.dep_ in ("pobj", "pcomp")))
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
            found = union(*(_subtree(g) for g in c.children if g.dep_ not in ("punct", "cc")))
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
            parts.append(_clause_body(c) if dep == "ccomp" and c.i > tok.i else _subtree(c))
        elif dep == "prep":
            parts.append(_prep_content(tok, c))
        elif dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("whether", "if", "that", "how", "for")
                                    for m in c.children):
            parts.append(_subtree(c))
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
    return minus(_subtree(head), _subtree(tok))


def _unmarked_clause(verb: Any) -> bool:
    """A clause with its own subject and no subordinating word: a reported clause the parse
    hung as an adverbial one after an adjunct ("said after the talks he would resign")."""
    return not any(c.dep_ == "mark" for c in verb.children) and any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _clause_body(verb: Any) -> Ivs:
    """A reported clause without the adjuncts the parse hung on it before its subject
    ("said on Monday [he would resign]"): they tell when or where the report was made."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or any(c.dep_ == "mark" for c in verb.children):
        return _subtree(verb)
    lead = [c for c in verb.children if c.i < subj.i and c.dep_ in ("prep", "npadvmod", "advmod", "punct")
            and (c.dep_ != "advmod" or c.ent_type_ in TIME_ENTS)]
    return minus(_subtree(verb), union(*(_subtree(c) for c in lead))) if lead else _subtree(verb)


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
        return union(found, _subtree(subj)) if subj is not None else found
    if found:
        return found
    dep = tok.dep_
    if dep == "parataxis" or dep == "advcl" and _marker(tok) in ("as", ""):
        return _interrupted(tok)
    if dep in ("advcl", "conj", "ccomp") and tok.head.i < tok.i:
        return _interrupted(tok)
    if dep == "acl" and tok.head.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "agent" for c in tok.children):
        return minus(_subtree(tok.head), _subtree(tok))   # "a sentiment endorsed by the crowd"
    if dep == "relcl" and tok.head.i < tok.i:
        return minus(_subtree(tok.head), _subtree(tok))   # "the establishment he rails against"
    passive = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    if passive is not None and passive.lower_ not in RELATIVE:
        return _subtree(passive)       # "Clinton's attacks were echoed by ..."
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
        if c.dep_ in ("acl", "ccomp") and c.i > tok.i:
            parts.append(_subtree(c))          # "the claim that …", "plans to spend …"
        elif c.dep_ == "prep" and c.lower_ in NOUN_PREPS and not _is_time(c):
            objects = union(*(_subtree(g) for g in c.children if g.dep_ in ("pobj", "pcomp")))
            parts.append(union(objects, [(c.i, c.i + 1)]) if objects else objects)
    if any(parts):
        return union(*parts)
    head = tok.head
    if tok.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
        for c in head.children:
            if c.dep_ in ("attr", "ccomp", "xcomp") and c.i > tok.i:
                return _subtree(c)
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "by") \
            and tok.lemma_.lower() in VIEWPOINT_NOUNS:
        clause = _clause_of(head)
        return minus(_subtree(clause), _subtree(head))
    return []


def content_tokens(tok: Any, source: Any | None) -> Ivs:
    """The token intervals of the content of cue ``tok`` (source and cue words excluded)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        found = noun_content(tok)
    else:
        found = verb_content(tok)
    if source is not None and found:
        sub = _subtree(source)
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
    if subj is None or subj.dep_ == "expl" or subj.lower_ in EXPLETIVE and node.lemma_ == "be":
        return None
    if tok.lemma_.lower() in RAISING:
        return None                # "The music seemed to …": the subject is part of the content
    return _antecedent(subj, node)


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
    keep = union([(tok.i, tok.i + 1)], *(_subtree(c) for c in tok.children if c.dep_ not in DROP_FROM_SOURCE))
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
