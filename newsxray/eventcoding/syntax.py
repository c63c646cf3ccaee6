"""Reading the dependency parse for event coding: subjects, objects, prepositions.

Everything works on spaCy tokens of the shared parse (ClearNLP-style labels of the
English models). Subjects are inherited the way English grammar passes them on: an
infinitive complement takes its governor's subject ("China pledged to oppose"), a
coordinated verb its first conjunct's ("condemned ... and promised aid"), a relative
clause its antecedent ("Russia, which raised ..."), a participle its noun ("the summit
hosted by Japan").
"""
from __future__ import annotations

from typing import Any, Iterator

Token = Any

SUBJ = frozenset({"nsubj", "csubj", "expl"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
OBJ = frozenset({"dobj", "obj"})
RELATIVE = frozenset({"who", "which", "that", "whom", "whose"})
PARTICLES = frozenset({"off", "out", "down", "up", "back", "away", "in", "over", "on", "through"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("Kishida and Stoltenberg")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop(0)
        if c.pos_ in NOMINAL or c.pos_ == "ADJ":
            out.append(c)
            stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def particle(tok: Token) -> str | None:
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in PARTICLES and c.i == tok.i + 1):
            return c.lower_
    return "off" if _off(tok) is not None else None


def _off(tok: Token) -> Token | None:
    """"cordoned off the square", "called off the talks" parsed as a preposition: the
    particle's noun, which is the verb's object."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "off" and c.i == tok.i + 1 and tok.pos_ == "VERB":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def preps(tok: Token) -> dict[str, list[Token]]:
    """Prepositions governed by ``tok`` and their objects ("with" -> [Japan])."""
    found: dict[str, list[Token]] = {}
    for c in tok.children:
        if c.dep_ in ("prep", "agent") or (c.dep_ == "dative" and c.pos_ == "ADP"):
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if not objs:  # "prep prep pobj": "out of", "because of"
                for g in c.children:
                    if g.dep_ == "prep":
                        objs.extend(x for x in g.children if x.dep_ == "pobj")
            found.setdefault(c.lemma_.lower(), []).extend(objs)
        elif c.dep_ == "prt" and c.lower_ in ("on", "in", "over"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                found.setdefault(c.lower_, []).extend(objs)
    return found


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and tok.head.pos_ in NOMINAL


def own_subject(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    return None


def subject(tok: Token, depth: int = 0) -> Token | None:
    """The agent of verb ``tok`` in active voice, following inheritance rules."""
    found = own_subject(tok)
    if found is not None:
        if found.lower_ in RELATIVE and tok.dep_ == "relcl":
            return tok.head
        return found
    if depth > 4:
        return None
    head = tok.head
    if tok.dep_ == "relcl" and head.pos_ in NOMINAL:
        return head
    if tok.dep_ in ("acl",) and tok.tag_ == "VBG":
        return head
    if tok.dep_ == "xcomp" and head is not tok:
        raised = first(children(head, PASS_SUBJ)) if own_subject(head) is None else None
        if raised is not None:  # "Arnor is said to restore", "X was seen to break"
            return raised
    if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head is not head:
        # "is due to travel", "is ready to talk": the subject of the copula
        return subject(head.head, depth + 1)
    if tok.dep_ in ("xcomp", "advcl", "conj") and head is not tok and head.pos_ in ("VERB", "AUX"):
        if tok.dep_ == "xcomp":
            obj = first(children(head, OBJ))
            if obj is not None and head.lemma_.lower() in OBJECT_CONTROL:
                return obj
        if is_passive(head) and tok.dep_ == "conj":
            return None
        return subject(head, depth + 1)
    if tok.dep_ == "acl" and head.pos_ == "NOUN":
        return None
    return None


# verbs whose object, not subject, does what their infinitive says ("urged Japan to ...")
OBJECT_CONTROL = frozenset({
    "urge", "ask", "call", "press", "encourage", "advise", "order", "invite", "force", "tell",
    "request", "persuade", "allow", "permit", "warn", "appeal", "implore", "beg", "pressure",
    "push", "compel", "instruct", "direct", "help",
})


def objects(tok: Token) -> list[Token]:
    """What verb ``tok`` acts on: its direct object, or its passive subject."""
    if is_passive(tok):
        found = children(tok, PASS_SUBJ)
        if not found and tok.dep_ in ("acl", "amod"):
            found = [tok.head]
        return found
    found = children(tok, OBJ)
    if not found:
        found = [c for c in tok.children if c.dep_ in ("attr", "oprd") and c.pos_ in NOMINAL]
    if not found:
        off = _off(tok)
        found = [off] if off is not None else []
    return found


def agent(tok: Token) -> Token | None:
    """The "by" phrase of a passive verb or an event noun."""
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            return first([g for g in c.children if g.dep_ == "pobj"])
    return None


def dative(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ == "dative" and c.pos_ in NOMINAL:
            return c
    return None


def first(items: list[Token]) -> Token | None:
    return items[0] if items else None


def noun_keys(tok: Token) -> set[str]:
    """Lemma keys a noun may match in the lexicon: "sanction", "martial law", and the
    object of an "of" phrase ("state of emergency" -> "emergency")."""
    lemma = tok.lemma_.lower()
    keys = {lemma, tok.lower_}
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod"):
            keys.add(f"{c.lemma_.lower()} {lemma}")
        elif c.dep_ == "prep" and c.lower_ == "of":
            for g in c.children:
                if g.dep_ == "pobj":
                    keys.add(g.lemma_.lower())
                    keys.update(f"{m.lemma_.lower()} {g.lemma_.lower()}" for m in g.children
                                if m.dep_ in ("amod", "compound"))
    return keys


def modifiers(tok: Token) -> frozenset[str]:
    return frozenset(c.lemma_.lower() for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss"))


def clause_verbs(tok: Token) -> Iterator[Token]:
    """``tok`` and the verbs above it within its clause chain (xcomp/conj links)."""
    yield tok
    cur = tok
    for _ in range(4):
        if cur.dep_ not in ("xcomp", "conj") or cur.head is cur:
            return
        cur = cur.head
        yield cur


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a noun."""
    cur = tok
    for _ in range(6):
        if cur.head is cur:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def token_span(tok: Token) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok.text)


def phrase_span(tok: Token) -> tuple[int, int]:
    """A compact noun phrase: the head with its left modifiers (no determiners)."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "poss", "nummod", "quantmod", "nmod") and c.i < left.i:
            left = min(c.subtree, key=lambda t: t.i) if c.dep_ == "poss" else c
    start = left.idx
    if left.dep_ == "case":
        start = tok.idx
    return start, tok.idx + len(tok.text)
