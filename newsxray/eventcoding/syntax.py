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
    """``tok`` and the nouns coordinated with it ("Kishida and Stoltenberg"), with the
    members of a list the parse hung on as appositions ("Iran, the powerful Saudi Arabia,
    and tiny Qatar"; "Arnor and the evil Gondor")."""
    out = [tok]
    stack = [c for c in tok.children if c.dep_ == "conj"] + list_appositions(tok)
    stack.sort(key=lambda t: t.i)
    while stack:
        c = stack.pop(0)
        if c.pos_ in NOMINAL or c.pos_ == "ADJ":
            out.append(c)
            stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def list_appositions(tok: Token) -> list[Token]:
    """Names the parse made appositions of a name that heads a coordination: members of
    the list, not other names for it ("Iran, the powerful Saudi Arabia, and Qatar";
    "Mordor, the Shire, Arnor and Bree", where the rest hangs on the apposition).
    Only under a name: "Iran's president, Ebrahim Raisi, and ..." renames its head."""
    if tok.pos_ != "PROPN":
        return []
    listed = any(c.dep_ == "cc" for c in tok.children)
    return [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"
            and (listed or any(g.dep_ == "conj" and g.pos_ == "PROPN" for g in c.children))]


def split_subjects(verb: Token, subj: Token | None) -> list[Token]:
    """Further subjects the parse gave ``verb`` after a coordination it broke off
    ("Lions, tigers, and Gondor welcomed": "Gondor" a second nsubj after "and")."""
    if subj is None or subj.head.i != verb.i or not any(c.dep_ == "cc" for c in subj.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubj" and c.i > subj.i and c.i < verb.i
            and c.pos_ in NOMINAL and c.lower_ not in RELATIVE]


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
    if _fronted_participle(tok):  # "Rebuked by Eriador, Osgiliath ..."
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and tok.head.pos_ in NOMINAL


def _fronted_participle(tok: Token) -> bool:
    """A past participle opening the sentence as an adverbial clause, without auxiliaries or
    subject of its own ("Backed by Russia, Assad ...")."""
    return (tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.i < tok.head.i
            and not any(c.dep_ in ("aux", "nsubj", "mark") for c in tok.children))


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
            return _who_antecedent(tok.head) if found.lower_ in ("who", "whom") else which_antecedent(tok.head)
        return found
    if depth > 4:
        return None
    head = tok.head
    if tok.dep_ == "relcl" and head.pos_ in NOMINAL:
        return head
    if tok.dep_ in ("acl",) and tok.tag_ == "VBG":
        return head
    if tok.dep_ == "xcomp" and head.i != tok.i:
        raised = first(children(head, PASS_SUBJ)) if own_subject(head) is None else None
        if raised is not None:  # "Arnor is said to restore", "X was seen to break"
            return raised
    held = _participle_object(tok)
    if held is not None:  # "prosecute their citizens fighting in Syria": the citizens fight
        return held
    if (tok.dep_ == "advcl" and tok.tag_ == "VBG" and head.i != tok.i
            and any(c.dep_ == "nsubjpass" for c in head.children)):
        return first(children(head, PASS_SUBJ))  # "was killed while fighting": the one killed fought
    if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.head.i != head.i:
        # "is due to travel", "is ready to talk": the subject of the copula
        return subject(head.head, depth + 1)
    if tok.dep_ in ("xcomp", "advcl", "conj") and head.i != tok.i and head.pos_ in ("VERB", "AUX"):
        if tok.dep_ == "xcomp" or (tok.dep_ == "advcl" and head.lemma_.lower() in CAUSATIVE
                                   and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            obj = first(children(head, OBJ))
            departs = head.lemma_.lower() == "leave" and obj is not None and obj.ent_type_ in ("GPE", "LOC", "FAC")
            if obj is not None and head.lemma_.lower() in OBJECT_CONTROL and not departs:  # not "left Britain to fight"
                return obj
        if is_passive(head) and tok.dep_ == "conj":
            return None
        return subject(head, depth + 1)
    if broken_clause(tok):  # "Saudi-led coalition warplanes bombed Sanaa" parsed as a noun phrase
        return head
    return None


def _participle_object(tok: Token) -> Token | None:
    """The object a participle follows directly, which the parse hung on the verb as an
    adverbial clause ("arrested three men carrying weapons", "repatriate their citizens
    fighting in Syria"): the object is the participle's subject, not the verb's subject."""
    if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.head.i == tok.i or any(
            c.dep_ == "mark" for c in tok.children):
        return None
    for obj in children(tok.head, OBJ):
        if obj.pos_ in ("NOUN", "PROPN") and obj.right_edge.i == tok.i - 1:
            return obj
    return None


def broken_clause(tok: Token) -> bool:
    """A finite verb the parse hung on the sentence's root noun as a modifier: the noun is
    its subject ("Coalition warplanes bombed Sanaa": "warplanes" ROOT, "bombed" acl)."""
    head = tok.head
    return (tok.dep_ == "acl" and tok.tag_ == "VBD" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN")
            and head.i < tok.i and any(c.dep_ in OBJ for c in tok.children))


NOT_PEOPLE = frozenset({"ORG", "GPE", "LOC", "FAC"})
PLACE_PREPS = frozenset({"in", "at", "near", "on", "outside", "inside"})


def which_antecedent(head: Token) -> Token:
    """"which" after a place that only says where something was: the noun the place
    phrase modifies ("the chemical attack in Douma, which killed 75 people")."""
    prep = head.head
    if (head.dep_ == "pobj" and head.ent_type_ in ("GPE", "LOC", "FAC") and prep.lower_ in PLACE_PREPS
            and prep.head.i != prep.i and prep.head.pos_ == "NOUN"):
        return prep.head
    return head


def _who_antecedent(head: Token) -> Token:
    """"who" stands for a person: when the parse hangs the clause on an organisation or a
    place ("a woman believed linked to Al-Qaeda who shot at ..."), the person noun above it."""
    if head.ent_type_ not in NOT_PEOPLE:
        return head
    cur = head
    for _ in range(5):
        if cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN") and cur.ent_type_ not in NOT_PEOPLE:
            return cur
        if cur.pos_ in ("VERB", "AUX"):  # "a woman believed linked to X who ...": the verb's subject
            subj = first([c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i])
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.ent_type_ not in NOT_PEOPLE:
                return subj
    return head


# verbs whose object, not subject, does what their infinitive says ("urged Japan to ...")
OBJECT_CONTROL = frozenset({
    "urge", "ask", "call", "press", "encourage", "advise", "order", "invite", "force", "tell",
    "request", "persuade", "allow", "permit", "warn", "appeal", "implore", "beg", "pressure",
    "push", "compel", "instruct", "direct", "help", "leave",
    "lead", "prompt", "drive", "spur", "oblige", "authorize", "authorise", "enable",
})
# causing verbs whose infinitive the parse may hang as an adverbial clause ("the attack led
# the YPG to plead with the US": the YPG pleads)
CAUSATIVE = frozenset({"lead", "prompt", "drive", "spur", "force", "compel", "oblige"})


def objects(tok: Token) -> list[Token]:
    """What verb ``tok`` acts on: its direct object, or its passive subject."""
    if is_passive(tok):
        found = children(tok, PASS_SUBJ)
        if not found and tok.dep_ in ("acl", "amod"):
            found = [tok.head]
        if not found and _fronted_participle(tok):  # the main clause's subject undergoes it
            found = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")][:1]
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
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur


def governing_verb(tok: Token) -> Token | None:
    """The nearest verb above a noun."""
    cur = tok
    for _ in range(6):
        if cur.head.i == cur.i:
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
