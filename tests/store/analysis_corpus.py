"""A small hand-written corpus for the analysis, CLI and export tests (no model runs).

Three articles: China warns Japan on 1 March (news-a) and again on 2 March (news-b), and Japan
meets NATO on 2 March (news-a); a fourth is a near-duplicate copy of the first (news-c), and a
fifth is an older revision of the third's URL.
"""
from __future__ import annotations

from pathlib import Path

from newsxray.store import open_store


def _span(text: str, part: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part)}


def _entity(text: str, n: int, name: str, type: str, country: str | None, sector: str | None,
            spans: list[str]) -> dict:
    return {"id": f"E{n}", "name": name, "type": type, "country": country, "sector": sector, "description": None,
            "mentions": [_span(text, s) for s in spans]}


def _part(text: str, entity: str | None, words: str, country: str | None, sector: str | None = None) -> dict:
    return {**_span(text, words), "entity": entity, "country": country, "sector": sector, "text": words}


def _event(text: str, n: int, type: str, cameo: str, trigger: str, actor: dict, target: dict | None,
           date: str | None, goldstein: float, sentence: int = 0) -> dict:
    return {"id": f"EV{n}", "type": type, "mode": None, "cameo": cameo, "trigger": _span(text, trigger),
            "sentence": sentence, "actor": actor, "target": target, "date": date, "timex": None,
            "location": None, "quote": None, "confidence": 0.8, "co_actors": [], "co_targets": [],
            "mentions": [], "quad_class": None, "goldstein": goldstein}


def _sentences(text: str) -> list[dict]:
    out, start = [], 0
    for n, ch in enumerate(text):
        if ch == "." and (n + 1 == len(text) or text[n + 1] == " "):
            out.append({"start": start, "end": n + 1})
            start = n + 2
    return out


def _record(ident: str, text: str, published: str, domain: str, url: str, **layers) -> dict:
    record = {"schema": "newsxray/1", "id": ident, "url": url, "title": text.split(".")[0], "published": published,
              "language": "en", "outlet": {"domain": domain, "name": None}, "text": text,
              "segments": [{"start": 0, "end": len(text), "type": "body"}], "sentences": _sentences(text),
              "entities": [], "quotes": [], "timexes": [], "events": [], "claims": [], "techniques": [],
              "sources": [], "profile": None, "tone": {"score": 0.0, "sentences": []}, "errors": []}
    record.update(layers)
    return record


T1 = ('China warned Japan on Monday over the disputed islands. "We will not stand idle," '
      'Foreign Minister Wang Yi said. Officials said exports fell 12 percent in 2023.')
T2 = ('China warned Japan again on Tuesday. Wang said Tokyo was reckless. '
      'According to Xinhua, the navy was ready.')
T3 = 'Japan met NATO in Brussels on Tuesday. The talks covered cyber defence. Japan welcomed the plan.'
T3_OLD = 'Japan met NATO in Brussels. The talks were short.'


def article_one(text: str = T1, ident: str = "a1", domain: str = "news-a.example") -> dict:
    ents = [_entity(text, 1, "China", "GPE", "CHN", None, ["China"]),
            _entity(text, 2, "Japan", "GPE", "JPN", None, ["Japan"]),
            _entity(text, 3, "Wang Yi", "PERSON", "CHN", "GOV", ["Wang Yi"])]
    quote = {**_span(text, "We will not stand idle,"), "id": "Q1", "kind": "direct",
             "speaker": {**_span(text, "Wang Yi"), "entity": "E3", "text": "Wang Yi"},
             "cue": {**_span(text, "said"), "text": "said"}}
    event = _event(text, 1, "THREATEN", "130", "warned", _part(text, "E1", "China", "CHN"),
                   _part(text, "E2", "Japan", "JPN"), "2024-03-01", -4.4)
    claims = [{**_span(text, "Officials said exports fell 12 percent in 2023."), "id": "C1", "score": 0.91,
               "check_worthy": True, "speaker": None, "quote": None},
              {**_span(text, "China warned Japan on Monday over the disputed islands."), "id": "C2", "score": 0.2,
               "check_worthy": False, "speaker": None, "quote": None}]
    techniques = [{**_span(text, "disputed"), "id": "T1", "technique": "Loaded_Language", "score": 0.7}]
    return _record(ident, text, "2024-03-01T09:00:00+00:00", domain, f"https://{domain}/{ident}", entities=ents,
                   quotes=[quote], events=[event], claims=claims, techniques=techniques,
                   timexes=[{**_span(text, "Monday"), "id": "T1", "type": "DATE", "value": "2024-03-01", "mod": None}])


def article_two() -> dict:
    text = T2
    ents = [_entity(text, 1, "China", "GPE", "CHN", None, ["China"]),
            _entity(text, 2, "Japan", "GPE", "JPN", None, ["Japan", "Tokyo"]),
            _entity(text, 3, "Wang Yi", "PERSON", "CHN", "GOV", ["Wang"]),
            _entity(text, 4, "Xinhua", "ORG", "CHN", "MED", ["Xinhua"])]
    quote = {**_span(text, "Tokyo was reckless"), "id": "Q1", "kind": "indirect",
             "speaker": {**_span(text, "Wang"), "entity": "E3", "text": "Wang"},
             "cue": {**_span(text, "said"), "text": "said"}}
    events = [_event(text, 1, "THREATEN", "130", "warned", _part(text, "E1", "China", "CHN"),
                     _part(text, "E2", "Japan", "JPN"), "XXXX-XX-XX", -4.4),
              _event(text, 2, "ACCUSE", "112", "said", _part(text, "E3", "Wang", "CHN", "GOV"),
                     _part(text, "E2", "Tokyo", "JPN"), None, -2.0, sentence=1)]
    source = {**_span(text, "Xinhua"), "id": "S1", "kind": "attribution", "name": "Xinhua", "domain": "xinhuanet.com",
              "rating": {"score": 0.3, "label": "low", "dataset": "test", "level": "low", "bias": None},
              "country": "CHN", "state_affiliated": True, "entity": "E4", "cue": None, "ratings": [], "url": None}
    techniques = [{**_span(text, "reckless"), "id": "T1", "technique": "Name_Calling,Labeling", "score": 0.8},
                  {**_span(text, "ready"), "id": "T2", "technique": "Loaded_Language", "score": 0.6}]
    return _record("a2", text, "2024-03-02T08:00:00+00:00", "news-b.example", "https://news-b.example/a2",
                   entities=ents, quotes=[quote], events=events, sources=[source], techniques=techniques,
                   claims=[{**_span(text, "Wang said Tokyo was reckless."), "id": "C1", "score": 0.75,
                            "check_worthy": True, "speaker": "E3", "quote": "Q1"}])


def article_three(text: str = T3) -> dict:
    ents = [_entity(text, 1, "Japan", "GPE", "JPN", None, ["Japan"]),
            _entity(text, 2, "NATO", "ORG", None, "IGO", ["NATO"]),
            _entity(text, 3, "Brussels", "GPE", "BEL", None, ["Brussels"])]
    event = _event(text, 1, "CONSULT", "040", "met", _part(text, "E1", "Japan", "JPN"),
                   _part(text, "E2", "NATO", None, "IGO"), "2024-03-02", 1.0)
    return _record("a3", text, "2024-03-02T12:00:00+00:00", "news-a.example", "https://news-a.example/a3",
                   entities=ents, events=[event])


def build(path: Path) -> Path:
    """Write the corpus to ``path`` (a new SQLite file) and return the path."""
    with open_store(path, near_duplicates=False, stories=False, claims=False) as store:
        with store.transaction():
            store.put(article_three(T3_OLD))      # an older revision of a3 (same URL)
            store.put(article_one())
            store.put(article_two())
            store.put(article_three())
            copy = store.put(article_one(T1 + " Copyright wire service.", ident="a1-copy", domain="news-c.example"))
            original = store.conn.execute("SELECT key FROM articles WHERE id = 'a1'").fetchone()[0]
            store.conn.execute("UPDATE articles SET duplicate_of = ?, similarity = 0.9 WHERE key = ?",
                               (original, copy.key))
    return path
