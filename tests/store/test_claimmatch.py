"""Claim matching: recurring check-worthy claims grouped across articles, numbers respected,
fact-checks (ClaimReview JSON, JSONL, CSV) imported and matched both ways, bad files refused."""
from __future__ import annotations

import json

import pytest

from newsxray.errors import InputError
from newsxray.factchecks import load_factchecks
from newsxray.store import claimtext, open_store
from newsxray.store.claimmatch import claim_groups, factcheck_matches, import_factchecks, rebuild

DAM = "The new dam will flood 40,000 hectares of farmland in the Sorra valley."
DAM_AGAIN = "Building the dam would put 40,000 hectares of Sorra valley farmland under water."
DAM_OTHER = "The new dam will supply electricity to half of the Sorra region."
CRIME = "Crime in Dunrey fell by 12 percent last year, according to police figures."
CRIME_AGAIN = "Police figures show crime in Dunrey dropped 12 percent in the past year."
JOBS = "Unemployment in Vessa fell to 3.5 percent in March."
JOBS_OTHER = "Unemployment in Vessa rose to 4.1 percent in March."
FILLER = "Reporters gathered outside the building on a grey morning."


def record(ident: str, *sentences: str, worthy: bool = True, speaker: bool = False) -> dict:
    """A hand-made record: the sentences as claims (check-worthy unless ``worthy`` is False)."""
    text, claims = "", []
    for n, sentence in enumerate(sentences):
        start = len(text)
        text += sentence + " "
        claims.append({"id": f"C{n + 1}", "start": start, "end": start + len(sentence), "score": 0.9,
                       "check_worthy": worthy and sentence != FILLER, "speaker": "E1" if speaker else None,
                       "quote": None})
    entities = [{"id": "E1", "name": "Mara Olsk", "type": "PERSON", "mentions": []}] if speaker else []
    return {"id": ident, "text": text, "title": f"Article {ident}", "published": "2024-05-01",
            "outlet": {"domain": f"{ident}.example", "name": None}, "claims": claims, "entities": entities}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "corpus.db", stories=False) as s:
        yield s


def test_terms_drop_function_words_and_keep_numbers():
    assert claimtext.terms("The mayor's 3 new bridges cost $1,200,000, he said.") == [
        "1200000", "3", "bridge", "cost", "mayor", "new"]
    assert claimtext.same_claim(0.95, {"unemployment", "3.5"}, {"unemployment", "4.1"}) is False


def test_recurring_claims_are_grouped_across_articles(store):
    store.put(record("a", DAM, FILLER, CRIME, speaker=True))
    store.put(record("b", CRIME_AGAIN, DAM_AGAIN))
    store.put(record("c", DAM_OTHER, JOBS))
    groups = claim_groups(store)
    assert [(g["text"], g["count"], g["articles"]) for g in groups] == [(DAM, 2, 2), (CRIME, 2, 2)] or \
        [(g["text"], g["count"], g["articles"]) for g in groups] == [(CRIME, 2, 2), (DAM, 2, 2)]
    dam = next(g for g in groups if g["text"] == DAM)
    assert [(c["article"]["id"], c["text"]) for c in dam["claims"]] == [("a", DAM), ("b", DAM_AGAIN)]
    assert dam["claims"][0]["speaker"] == "Mara Olsk" and dam["claims"][0]["claim_id"] == "C1"
    assert dam["factchecks"] == [] and set(dam["claims"][0]["article"]) == {"id", "title", "outlet", "published",
                                                                           "url"}
    assert len(claim_groups(store, min_articles=1)) == 4 and claim_groups(store, limit=1) == groups[:1]


def test_other_claims_on_the_same_subject_and_other_numbers_stay_apart(store):
    store.put(record("a", DAM, JOBS))
    store.put(record("b", DAM_OTHER, JOBS_OTHER))
    assert claim_groups(store) == []


def test_only_check_worthy_claims_are_matched_and_not_within_one_article(store):
    store.put(record("a", DAM, worthy=False))
    store.put(record("b", DAM_AGAIN, worthy=False))
    store.put(record("c", DAM, DAM_AGAIN))  # the same claim twice in one article is not a recurrence
    assert claim_groups(store) == []
    assert store.conn.execute("SELECT count(*) FROM claim_items").fetchone()[0] == 2


CLAIM_REVIEW = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "ClaimReview", "claimReviewed": "Says the Sorra dam will flood 40,000 hectares of farmland.",
         "url": "https://factcheck.example/dam", "author": {"@type": "Organization", "name": "Check Desk"},
         "datePublished": "2024-04-02",
         "reviewRating": {"@type": "Rating", "ratingValue": 4, "bestRating": 5, "alternateName": "Mostly true"}},
        {"@type": "WebPage", "name": "not a review"},
    ],
}


def test_claimreview_json_is_imported_and_matched_both_ways(store, tmp_path):
    store.put(record("a", DAM, CRIME))
    path = tmp_path / "reviews.jsonld"
    path.write_text(json.dumps(CLAIM_REVIEW))
    assert import_factchecks(store, path) == 1
    assert import_factchecks(store, path) == 0  # already there
    store.put(record("b", DAM_AGAIN))  # a later claim is matched as it arrives
    matches = factcheck_matches(store)
    assert [m["article"]["id"] for m in matches] and {m["article"]["id"] for m in matches} == {"a", "b"}
    first = matches[0]
    assert first["factcheck"] == {"claim": "Says the Sorra dam will flood 40,000 hectares of farmland.",
                                  "verdict": "Mostly true", "rating": 4.0, "url": "https://factcheck.example/dam",
                                  "author": "Check Desk", "published": "2024-04-02"}
    assert 0.8 <= first["similarity"] <= 1.0 and first["text"] in (DAM, DAM_AGAIN)
    group = claim_groups(store)[0]
    assert group["factchecks"][0]["verdict"] == "Mostly true" and group["factchecks"][0]["url"].endswith("/dam")


def test_csv_and_jsonl_fact_checks_are_read(store, tmp_path):
    store.put(record("a", CRIME, JOBS))
    csv_path = tmp_path / "checks.csv"
    csv_path.write_text("Verdict,Claim,URL,author\nFalse,Unemployment in Vessa rose to 4.1 percent in March.,"
                        "https://f.example/1,Desk\nTrue,Dunrey crime fell 12 percent last year,https://f.example/2,\n"
                        ",,,\n")
    assert import_factchecks(store, csv_path) == 2
    matched = {(m["factcheck"]["verdict"], m["text"]) for m in factcheck_matches(store)}
    assert matched == {("True", CRIME)}  # 4.1 is not 3.5
    lines = tmp_path / "checks.jsonl"
    lines.write_text('{"claimReviewed": "One", "reviewRating": {"ratingValue": 1}}\n'
                     '{"@type": "ClaimReview", "claimReviewed": "Two", "author": [{"name": "A"}, "B"]}\n')
    checks = load_factchecks(lines)
    assert [(c.claim, c.verdict, c.author) for c in checks] == [("One", "1", None), ("Two", None, "A, B")]


def test_google_fact_check_tools_shape_is_read(tmp_path):
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"claims": [{"text": "The moon is cheese.", "claimReview": [
        {"publisher": {"name": "Desk"}, "url": "https://f.example/moon", "textualRating": "False"}]}]}))
    assert [(c.claim, c.verdict, c.author) for c in load_factchecks(path)] == [("The moon is cheese.", "False", "Desk")]


@pytest.mark.parametrize("name, content, message", [
    ("bad.csv", "claim,rating\nx,1\n", "lacks the column(s) verdict, url"),
    ("empty.csv", "", "lacks the column(s) claim, verdict, url (found: none)"),
    ("bad.json", "{not json", "not valid JSON"),
    ("lines.jsonl", '{"claimReviewed": "a"}\n{oops\n', "line 2 is not valid JSON"),
    ("none.json", '{"@graph": [{"@type": "WebPage"}]}', "holds no fact-checks"),
])
def test_bad_fact_check_files_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_text(content)
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_factchecks(path)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_factchecks(tmp_path / "nope.json")


def test_revisions_replace_their_claims_and_rebuild_regroups(store):
    store.put({**record("a", DAM), "url": "https://a.example/1"})
    store.put(record("b", DAM_AGAIN))
    assert claim_groups(store)[0]["articles"] == 2
    store.put({**record("a", DAM, CRIME), "url": "https://a.example/1"})  # a revision of a
    group = claim_groups(store)[0]
    assert (group["count"], group["articles"]) == (2, 2)
    assert store.conn.execute("SELECT count(*) FROM claim_items").fetchone()[0] == 3
    assert rebuild(store) == 2 and [(g["count"], g["articles"]) for g in claim_groups(store)] == [(2, 2)]


def test_texts_to_compare_foresees_what_storing_would_embed(store, monkeypatch):
    """The ingest warmer embeds these ahead: exactly the texts put then embeds for the claims."""
    from newsxray.store import claimmatch, vectors

    store.put(record("a", DAM, FILLER, CRIME))
    store.put(record("b", JOBS))
    later = record("c", DAM_AGAIN, DAM_OTHER, FILLER)
    foreseen = store.claim_texts_to_compare([later])
    # DAM_AGAIN shares rare words with the stored DAM (never embedded: it had no candidate then);
    # DAM_OTHER shares too few, FILLER is no claim
    assert set(foreseen) == {DAM_AGAIN, DAM}
    assert store.claim_texts_to_compare([record("d", FILLER, worthy=False)]) == []

    embedded: list = []
    real = vectors.embed
    monkeypatch.setattr(vectors, "embed", lambda texts, **kw: embedded.extend(texts) or real(texts, **kw))
    vectors.clear_cache()
    store.put(later)
    assert set(embedded) == set(foreseen)
    assert claimmatch.texts_to_compare(store.conn, [record("e", FILLER)]) == []


def test_a_store_without_claims_foresees_nothing(tmp_path):
    with open_store(tmp_path / "plain.db", stories=False, claims=False) as plain:
        plain.put(record("a", DAM))
        assert plain.claim_texts_to_compare([record("b", DAM_AGAIN)]) == []
