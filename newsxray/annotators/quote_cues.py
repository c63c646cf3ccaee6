"""Reporting cues: the verbs, nouns, adjectives and phrases that attribute words or
thoughts to someone.

A *candidate* is a token whose lemma is in the cue lexicon (written here: verbs of saying,
of stance, belief and intention, of showing; nouns of statements and views; adjectives of
stance; "according to"), extended by the lemmas the trained model knows. Whether a candidate really attributes
content in its sentence is decided by the cue model (``quote_model``) from the features
below, or, without a model, by a rule (``quote_model.RuleScorer``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Verbs of saying, reporting and stance (lemmas).
SAY_VERBS = frozenset("""
say tell add state claim argue assert insist maintain contend declare announce report write
tweet post note explain comment remark reply respond answer ask question wonder suggest
propose recommend urge call warn caution threaten promise pledge vow swear guarantee assure
reassure confirm deny reject dismiss refute acknowledge admit concede allege accuse blame
charge criticize criticise condemn denounce slam blast attack praise hail welcome applaud
thank congratulate defend endorse oppose object protest complain lament regret apologize
apologise reveal disclose indicate signal imply hint show demonstrate conclude predict
forecast describe characterize characterise portray label brand dub cite quote mention
stress emphasize emphasise underline highlight reiterate repeat echo affirm reaffirm
decline refuse demand request order rule decree inform notify brief testify tout boast brag
joke quip muse observe point shout yell scream whisper mutter exclaim proclaim speculate
counter rebut retort discuss talk speak address voice express outline detail recount
recall summarize summarise agree disagree acknowledge insinuate lambaste chide scold
rebuke mock ridicule tease lash fire hit push press lobby advocate campaign appeal
implore beg plead caution advise admonish instruct direct vote unveil concur dispute
contest challenge doubt acknowledge certify attest allege estimate project calculate
""".split())

# Verbs of belief, knowledge, perception, intention and desire.
MIND_VERBS = frozenset("""
believe think feel consider fear worry suspect know learn understand realize realise
recognize recognise remember see view regard expect anticipate hope want wish plan intend
aim seek prefer like love hate dislike support back favor favour accept assume guess
imagine suppose trust decide determine find discover notice conclude figure deem judge
envision foresee mean care
""".split())

# Nouns that carry content ("the statement that ...", "in his view").
CUE_NOUNS = frozenset("""
statement view opinion word comment remark claim assertion argument belief concern fear
warning promise pledge vow report study survey poll analysis interview speech tweet post
letter memo email message announcement testimony allegation accusation charge criticism
praise response reply answer suggestion proposal call demand request plea appeal question
admission denial assurance estimate prediction forecast finding conclusion document record
data evidence sign indication idea hope desire intention plan view position stance account
explanation insistence notion suspicion thought understanding recollection impression
""".split())

# Adjectives of stance ("is confident that ...", "was critical of ...").
CUE_ADJS = frozenset("""
sure confident certain aware clear convinced concerned worried optimistic pessimistic hopeful
skeptical sceptical critical opposed supportive eager determined adamant afraid unaware
uncertain unsure willing reluctant happy glad proud angry upset furious disappointed pleased
satisfied frustrated doubtful keen unwilling ready open quick confident insistent
""".split())

CUE_LEMMAS = SAY_VERBS | MIND_VERBS


@dataclass(frozen=True)
class Lexicon:
    """The candidate lemmas, by part of speech."""

    verbs: frozenset[str] = CUE_LEMMAS
    nouns: frozenset[str] = CUE_NOUNS
    adjs: frozenset[str] = CUE_ADJS

    def __or__(self, other: "Lexicon") -> "Lexicon":
        return Lexicon(self.verbs | other.verbs, self.nouns | other.nouns, self.adjs | other.adjs)


DEFAULT_LEXICON = Lexicon()
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "who"})
_CONDITIONAL = frozenset({"if", "unless", "whether"})


_HASHES: dict[Lexicon, tuple[Any, Any, Any]] = {}


def _hashes(lexicon: Lexicon) -> tuple[Any, Any, Any]:
    """Lemma hashes (lower, title and upper case) of the candidates, cached per lexicon."""
    found = _HASHES.get(lexicon)
    if found is None:
        import numpy as np
        from spacy.strings import hash_string

        def table(words: frozenset[str]) -> Any:
            return np.array(sorted({hash_string(v) for w in words for v in (w, w.title(), w.upper())}),
                            dtype="uint64")
        found = _HASHES[lexicon] = (table(lexicon.verbs | {"accord"}), table(lexicon.nouns), table(lexicon.adjs))
        if len(_HASHES) > 8:
            _HASHES.pop(next(iter(_HASHES)))
    return found


def _member(values: Any, table: Any) -> Any:
    """Elementwise membership of ``values`` in the sorted array ``table``."""
    import numpy as np
    at = np.minimum(np.searchsorted(table, values), len(table) - 1)
    return table[at] == values


def candidate_indices(sdoc: Any, lexicon: Lexicon) -> list[int]:
    """Indices of the tokens of ``sdoc`` that may head a cue (vectorised pre-filter)."""
    import numpy as np
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import ADJ, AUX, NOUN, PROPN, VERB
    if not len(sdoc):
        return []
    verbs, nouns, adjs = _hashes(lexicon)
    arr = sdoc.to_array([LEMMA, POS])
    lemma, pos = arr[:, 0], arr[:, 1]
    mask = (((pos == VERB) | (pos == AUX)) & _member(lemma, verbs)) | \
        (((pos == NOUN) | (pos == PROPN)) & _member(lemma, nouns)) | ((pos == ADJ) & _member(lemma, adjs))
    return [int(i) for i in np.flatnonzero(mask) if is_candidate(sdoc[int(i)], lexicon)]


def is_candidate(tok: Any, lexicon: Lexicon) -> bool:
    """Whether ``tok`` may head a cue (before the model or the rule decides)."""
    lemma = tok.lemma_.lower()
    pos = tok.pos_
    if pos in ("VERB", "AUX"):
        if lemma == "accord":
            return tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to"
        return lemma in lexicon.verbs
    if pos in ("NOUN", "PROPN"):
        return lemma in lexicon.nouns
    return pos == "ADJ" and lemma in lexicon.adjs


def _subject(tok: Any) -> Any | None:
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS:
            return child
    return None


def _subject_kind(subj: Any | None) -> str:
    if subj is None:
        return "none"
    low = subj.lower_
    if low in _PERSONAL:
        return "pron_person"
    if subj.pos_ == "PRON":
        return "pron_" + low
    if subj.ent_type_:
        return "ent_" + subj.ent_type_
    return subj.pos_.lower()


def features(tok: Any, *, in_quote: bool, quote_before: bool, quote_after: bool) -> list[str]:
    """The model's features of a candidate cue token (strings, each worth 1)."""
    lemma = tok.lemma_.lower()
    deps = sorted({c.dep_ for c in tok.children})
    preps = sorted({c.lower_ for c in tok.children if c.dep_ in ("prep", "agent", "dative")})
    subj = _subject(tok)
    if subj is None and tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
        subj = _subject(tok.head)
    head = tok.head
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else "<end>"
    prev = tok.nbor(-1).lower_ if tok.i > 0 else "<start>"
    feats = [
        "bias", f"lemma={lemma}", f"pos={tok.pos_}", f"tag={tok.tag_}", f"dep={tok.dep_}",
        f"lemma_dep={lemma}|{tok.dep_}", f"lemma_tag={lemma}|{tok.tag_}",
        f"head_dep={head.dep_}", f"head_lemma={head.lemma_.lower()}", f"next={nxt}", f"prev={prev}",
        f"lemma_next={lemma}|{nxt}", f"subj={_subject_kind(subj)}", f"lemma_subj={lemma}|{_subject_kind(subj)}",
        f"in_quote={in_quote}", f"quote_before={quote_before}", f"quote_after={quote_after}",
        f"lemma_qb={lemma}|{quote_before}", f"lemma_qa={lemma}|{quote_after}",
    ]
    feats += [f"child={d}" for d in deps] + [f"lemma_child={lemma}|{d}" for d in deps]
    feats += [f"prep={p}" for p in preps] + [f"lemma_prep={lemma}|{p}" for p in preps]
    if any(m.dep_ == "mark" and m.lower_ in ("that", "whether", "if") for c in tok.children for m in c.children):
        feats.append("that_clause")
    if any(c.dep_ == "neg" for c in tok.children):
        feats.append("negated")
    return feats + _more_features(tok, lemma, subj, head)


def _more_features(tok: Any, lemma: str, subj: Any | None, head: Any) -> list[str]:
    """Modality, mood and the subject's own word: beliefs and plans differ from reports
    mostly by these ("you'd need", "may not want", "don't forget")."""
    kind = _subject_kind(subj)
    feats = [f"head_pos={head.pos_}", f"dep_headpos={tok.dep_}|{head.pos_}",
             f"lemma_dep_subj={lemma}|{tok.dep_}|{kind}"]
    if any(c.tag_ == "MD" for c in tok.children):
        feats += ["modal", f"lemma_modal={lemma}"]
    if subj is not None and subj.pos_ == "PRON":
        feats.append(f"subj_word={subj.lower_}")
    elif subj is None and tok.tag_ == "VB" and tok.dep_ == "ROOT":
        feats.append("imperative")
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL for c in tok.children):
        feats.append("conditional")
    return feats
