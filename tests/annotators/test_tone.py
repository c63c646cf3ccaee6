"""The tone layer: VADER sentence scores, the document aggregate, per-entity tone."""
from __future__ import annotations

import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsxray.annotators import tone as T
from newsxray.document import Document, Entity, Mention, Segment, Sentence

TEXT = ("The rescue was a wonderful success. The attack killed dozens and wounded many more. "
        "The meeting is on Tuesday. Officials praised the brave rescuers.")


def hand_doc() -> Document:
    doc = Document(text=TEXT)
    bounds, pos = [], 0
    for part in TEXT.split(". "):
        end = pos + len(part) + (0 if part.endswith(".") else 1)
        bounds.append(Sentence(pos, end))
        pos = end + 1
    doc.set_layer("segments", [Segment(0, len(TEXT), "body")])
    doc.set_layer("sentences", bounds)
    def ent(i, name, word):
        return Entity(f"E{i}", name, "ORG", None, None, None,
                      tuple(Mention(k, k + len(word)) for k in _find_all(TEXT, word)))
    doc.set_layer("entities", [ent(1, "Rescuers", "rescue"), ent(2, "Meeting", "meeting"),
                               Entity("E3", "Nobody", "PERSON", None, None, None, ())])
    return doc


def _find_all(text: str, word: str) -> list[int]:
    out, k = [], text.find(word)
    while k >= 0:
        out.append(k)
        k = text.find(word, k + 1)
    return out


def test_sentence_tone_has_the_right_sign():
    assert T.sentence_tone("The rescue was a wonderful success.") > 0.5
    assert T.sentence_tone("The attack killed dozens and wounded many more.") < -0.5
    assert T.sentence_tone("The meeting is on Tuesday.") == 0.0


def test_document_tone_is_the_word_weighted_mean():
    assert T.document_tone(["a b c", "d"], [0.5, -1.0]) == pytest.approx((3 * 0.5 - 1.0) / 4, abs=1e-4)
    assert T.document_tone([], []) == 0.0


def test_annotator_sets_sentence_document_and_entity_tone():
    doc = hand_doc()
    T.ToneAnnotator().annotate(doc)
    scores = doc.tone.sentences
    assert len(scores) == 4 and scores[0] > 0 > scores[1] and scores[2] == 0.0 and scores[3] > 0
    assert doc.tone.score == T.document_tone([TEXT[s.start:s.end] for s in doc.sentences], list(scores))
    rescue, meeting, nobody = doc.entities
    assert rescue.tone == pytest.approx((scores[0] + scores[3]) / 2, abs=1e-4)   # "rescue", "rescuers"
    assert meeting.tone == 0.0 and nobody.tone is None
    before = (doc.tone, list(doc.entities))
    T.ToneAnnotator().annotate(doc)
    assert (doc.tone, doc.entities) == before                      # idempotent


def test_entity_tone_averages_each_sentence_once():
    doc = hand_doc()
    text = doc.text
    twice = Entity("E9", "Attack", "EVENT", None, None, None,
                   (Mention(text.index("attack"), text.index("attack") + 6),
                    Mention(text.index("wounded"), text.index("wounded") + 7),
                    Mention(text.index("rescue"), text.index("rescue") + 6)))
    (out,) = T.entity_tones(Document(text=text, layers={"sentences": doc.sentences, "entities": [twice]}),
                            [0.8, -0.4, 0.0, 0.3])
    assert out.tone == pytest.approx((0.8 - 0.4) / 2)


def test_vader_runs_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the tone layer tried to open a network connection")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(T, "_ANALYZER", None)
    assert T.sentence_tone("What a great and happy day :)") > 0.5


WORDS = ["good", "bad", "not", "very", "the", "report", "said", "no", "kind", "of", "but", "war",
         "GREAT", "peace", "!", "?", "attack", "Tuesday", "“hope”", ":)", "least", "at", "😀", "–", "ok!"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12))
def test_quick_neutral_check_never_changes_vaders_score(words):
    text = " ".join(words)
    vader = T.analyzer()
    assert T.sentence_tone(text) == round(vader.polarity_scores(text)["compound"], 4)


@pytest.mark.slow
def test_tone_in_the_record(analyzer):
    doc = analyzer.analyze("Talks collapse\nThe talks collapsed in bitter acrimony on Monday. "
                           "Both sides later praised the excellent progress made by the mediators.")
    record = doc.to_dict()
    assert len(record["tone"]["sentences"]) == len(record["sentences"]) == 2
    assert record["tone"]["sentences"][0] < 0 < record["tone"]["sentences"][1]
