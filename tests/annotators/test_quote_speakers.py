"""Speaker resolution on hand-built entities (no model): names, pronouns, role phrases."""
from __future__ import annotations

from types import SimpleNamespace

from newsxray.annotators.quote_speakers import SpeakerResolver
from newsxray.document import Entity, Mention

TEXT = ("Foreign Minister Aino Lehtonen met the ambassador, Nikolai Ostapenko, on Monday. "
        "Lehtonen said the talks failed. She said more. He said nothing. "
        "An embassy spokesperson said it was wrong. He added more. "
        "Finland's foreign ministry said it agreed. The minister repeated it. They said so.")


def span(text: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def entity(eid: str, name: str, kind: str, mentions: list[tuple[int, int]], description: str | None = None) -> Entity:
    return Entity(id=eid, name=name, type=kind, country=None, sector=None, description=description,
                  mentions=tuple(Mention(start=s, end=e) for s, e in mentions))


ENTITIES = [
    entity("E1", "Aino Lehtonen", "PERSON", [span("Aino Lehtonen"), span("Lehtonen", 1)], "Foreign Minister"),
    entity("E2", "Nikolai Ostapenko", "PERSON", [span("the ambassador"), span("Nikolai Ostapenko")], "the ambassador"),
    entity("E3", "Finland", "GPE", [span("Finland")]),
]


def token(word: str, pos: str = "PRON", lemma: str | None = None) -> SimpleNamespace:
    """A stand-in for a spaCy token: what the resolver reads of a source's head."""
    root = SimpleNamespace(dep_="ROOT")
    root.head = root
    return SimpleNamespace(lower_=word.lower(), lemma_=lemma or word.lower(), pos_=pos, idx=0, head=root)


def resolver(subjects: list[str]) -> SpeakerResolver:
    return SpeakerResolver(TEXT, ENTITIES, sorted(span(s)[0] for s in subjects))


def resolve(r: SpeakerResolver, text: str, tok: SimpleNamespace, nth: int = 0) -> str | None:
    start, end = span(text, nth)
    return r.resolve(start, end, tok, start)


def test_a_name_resolves_to_its_entity():
    r = resolver([])
    assert resolve(r, "Lehtonen", token("Lehtonen", "PROPN"), nth=1) == "E1"


def test_she_goes_to_the_last_female_speaker_and_he_skips_her():
    r = resolver(["Aino Lehtonen", "Nikolai Ostapenko"])
    resolve(r, "Lehtonen", token("Lehtonen", "PROPN"), nth=1)
    assert resolve(r, "She", token("She")) == "E1"
    assert resolve(r, "He", token("He")) == "E2"      # Nikolai: a man's name; Aino: a woman's


def test_a_pronoun_after_an_unnamed_speaker_is_not_given_to_an_earlier_person():
    r = resolver(["Aino Lehtonen"])
    resolve(r, "Lehtonen", token("Lehtonen", "PROPN"), nth=1)
    assert resolve(r, "An embassy spokesperson", token("spokesperson", "NOUN")) is None
    assert resolve(r, "He", token("He"), nth=1) is None


def test_a_voice_noun_speaks_for_the_entity_named_inside_it():
    r = resolver([])
    assert resolve(r, "Finland's foreign ministry", token("ministry", "NOUN")) == "E3"


def test_a_role_noun_goes_to_the_person_whose_role_phrase_matches_best():
    r = resolver([])
    assert resolve(r, "The minister", token("minister", "NOUN")) == "E1"


def test_they_goes_to_a_recent_organisation_or_country_speaker():
    r = resolver([])
    resolve(r, "Finland's foreign ministry", token("ministry", "NOUN"))
    assert resolve(r, "They", token("They")) == "E3"


def test_a_voice_noun_speaks_for_its_country_not_for_the_city_it_sits_in():
    text = "A Russian embassy official in Brussels told TASS it was illegal. The official said more."
    ents = [entity("E1", "Russia", "GPE", [(text.index("Russian"), text.index("Russian") + 7)]),
            entity("E2", "Brussels", "GPE", [(text.index("Brussels"), text.index("Brussels") + 8)])]
    r = SpeakerResolver(text, ents, [])
    start, end = 0, text.index(" told")
    assert r.resolve(start, end, token("official", "NOUN"), text.index("official")) == "E1"
    later = text.index("The official")
    assert r.resolve(later, later + 12, token("official", "NOUN"), later + 4) == "E1"


def test_a_person_once_called_he_is_not_the_she_of_a_later_quote():
    # neither given name is in the name lists: the article's own "he" tells Osman's gender
    import newsxray
    text = ("Port union in talks\n\n"
            "Tarek Osman runs the dockers' union. \u201cWe will strike on Monday,\u201d he said.\n\n"
            "Rasha Youssef, who directs the port, was asked about the strike. Tarek Osman interrupted. "
            "\u201cThe talks are over,\u201d she said.\n")
    doc = newsxray.load(["quotes"]).analyze(text=text)
    names = {e.id: e.name for e in doc.entities}
    by_quote = {doc.text[q.start:q.end]: names.get(q.speaker.entity) for q in doc.layer("quotes") if q.speaker}
    assert by_quote["We will strike on Monday"] == "Tarek Osman"
    assert by_quote["The talks are over"] == "Rasha Youssef"
