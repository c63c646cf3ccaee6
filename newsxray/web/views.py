"""One view function per resource: each returns the JSON-ready data that both the JSON API
(``/api/...``) and the HTML page render, so a page and its JSON twin never disagree.

Views take the ``Runtime`` and keyword-only parameters (already validated by FastAPI) and
raise ``WebError`` for what the client got wrong (404 for an unknown article or entity).
Corpus-wide analyses come from ``newsxray.store.analysis`` and ``newsxray.store.stories``.
"""
from __future__ import annotations

import importlib
from typing import Any

from ..errors import ConfigError
from ..store import Filters
from . import search as _search
from .runtime import Runtime, WebError

SUMMARY = ("id", "title", "outlet", "published", "url")


def _module(name: str):
    try:
        return importlib.import_module(f"newsxray.store.{name}")
    except ImportError:
        raise WebError(501, "not_available", f"this newsxray has no corpus {name} yet "
                       f"(newsxray.store.{name} is missing); upgrade newsxray") from None


def _call(module: str, function: str, rt: Runtime, *args: Any, **kwargs: Any) -> Any:
    """``newsxray.store.<module>.<function>(store, ...)``; ``module`` may list fallbacks (``a|b``)."""
    fn = None
    for name in module.split("|"):
        try:
            fn = getattr(_module(name), function, None)
        except WebError:
            fn = None
        if fn is not None:
            break
    if fn is None:
        raise WebError(501, "not_available", f"this newsxray has no corpus function {function} yet "
                       f"(newsxray.store.{module}); upgrade newsxray")
    return fn(rt.store(), *args, **kwargs)


def _summary(row: tuple) -> dict:
    return dict(zip(SUMMARY, row))


def home(rt: Runtime) -> dict:
    counts = rt.store().counts()
    try:
        stats = _call("analysis", "stats", rt)
    except WebError:
        stats = None
    return {"counts": counts, "stats": stats}


def documents(rt: Runtime, *, limit: int = 50, offset: int = 0, outlet: str | None = None) -> dict:
    where, params = "WHERE latest = 1", []
    if outlet:
        where += " AND (outlet_domain = ? OR outlet_name = ? COLLATE NOCASE)"
        params += [outlet.strip().lower(), outlet.strip()]
    conn = rt.store().conn
    total = conn.execute(f"SELECT count(*) FROM articles {where}", params).fetchone()[0]
    rows = conn.execute(f"SELECT id, title, coalesce(outlet_domain, outlet_name), published, url FROM articles "
                        f"{where} ORDER BY published DESC, key DESC LIMIT ? OFFSET ?",
                        params + [limit, offset]).fetchall()
    return {"total": total, "limit": limit, "offset": offset, "documents": [_summary(r) for r in rows]}


def document(rt: Runtime, id: str) -> dict:
    record = rt.store().get(id)
    if record is None:
        raise WebError(404, "not_found", f"no stored article has the id {id!r}; see /api/documents for the list")
    return record


def search(rt: Runtime, *, q: str = "", outlet: str | None = None, since: str | None = None,
           until: str | None = None, entity: str | None = None, technique: str | None = None,
           event_type: str | None = None, credibility: str | None = None, limit: int = 20,
           offset: int = 0) -> dict:
    filters = Filters(outlet=outlet or None, since=since or None, until=until or None, entity=entity or None,
                      technique=technique or None, event_type=event_type or None,
                      credibility=credibility or None)
    hits = _search.search(rt.store(), q or "", filters, limit=limit, offset=offset)
    params = {"q": q, "outlet": outlet, "since": since, "until": until, "entity": entity,
              "technique": technique, "event_type": event_type, "credibility": credibility}
    return {"query": params, "limit": limit, "offset": offset,
            "hits": [{k: v for k, v in h.to_dict().items() if k != "key"} for h in hits]}


def entities(rt: Runtime, *, q: str = "", limit: int = 20) -> dict:
    return {"query": q, "entities": _call("analysis", "entity_search", rt, q or "", limit=limit)}


def entity(rt: Runtime, name: str, *, limit: int = 50) -> dict:
    profile = _call("analysis", "entity_profile", rt, name, limit=limit)
    if profile is None:
        raise WebError(404, "not_found", f"no stored article names the entity {name!r}; try /api/entities?q=...")
    return profile


def quotes(rt: Runtime, *, speaker: str | None = None, limit: int = 100) -> dict:
    return {"speaker": speaker, "speakers": _call("analysis", "quotes_by_speaker", rt, speaker or None, limit=limit)}


def events(rt: Runtime, *, actor: str | None = None, target: str | None = None, type: str | None = None,
           since: str | None = None, until: str | None = None, limit: int = 100) -> dict:
    found = _call("analysis", "events", rt, actor=actor or None, target=target or None, type=type or None,
                  since=since or None, until=until or None, limit=limit)
    return {"query": {"actor": actor, "target": target, "type": type, "since": since, "until": until},
            "events": found}


def timeline(rt: Runtime, *, a: str, b: str, since: str | None = None, until: str | None = None) -> dict:
    return _call("analysis", "timeline", rt, a, b, since=since or None, until=until or None)


def network(rt: Runtime, *, entity: str | None = None, min_weight: int = 2, limit: int = 100) -> dict:
    data = _call("analysis", "network", rt, entity=entity or None, min_weight=min_weight, limit=limit)
    return {"entity": entity, "min_weight": min_weight, **data}


def outlets(rt: Runtime, *, limit: int = 50) -> dict:
    return {"outlets": _call("analysis", "outlet_profiles", rt, limit=limit)}


def stories(rt: Runtime, *, limit: int = 50, min_size: int = 2) -> dict:
    return {"stories": _call("stories", "stories", rt, limit=limit, min_size=min_size)}


def story_of(rt: Runtime, article_id: str) -> dict:
    story = _call("stories", "story_of", rt, article_id)
    if story is None:
        raise WebError(404, "not_found", f"the article {article_id!r} is in no story (or is not stored)")
    return story


def claims(rt: Runtime, *, limit: int = 50, min_score: float = 0.5) -> dict:
    return {"claims": _call("analysis", "top_claims", rt, limit=limit, min_score=min_score)}


def claim_groups(rt: Runtime, *, limit: int = 50, min_articles: int = 2) -> dict:
    return {"groups": _call("claimmatch|stories", "claim_groups", rt, limit=limit, min_articles=min_articles)}


def check_dates(*values: str | None) -> None:
    """Refuse a date parameter that is not ISO 8601 (400 with an example)."""
    from datetime import date, datetime
    for value in values:
        if not value:
            continue
        try:
            (date.fromisoformat if len(value) == 10 else datetime.fromisoformat)(value)
        except ValueError:
            raise ConfigError(f"{value!r} is not an ISO 8601 date; write it like 2023-08-05") from None


def analyze(rt: Runtime, *, text: str | None = None, html: str | None = None, url: str | None = None,
            title: str | None = None, published: str | None = None, store: bool = False) -> dict:
    """Analyse one article (runs in a worker thread); with ``store``, keep it in the corpus."""
    given = [name for name, value in (("text", text), ("html", html), ("url", url)) if value and value.strip()]
    if len(given) != 1 and not (given == ["html", "url"] or set(given) == {"text", "url"}):
        raise WebError(422, "bad_input", "give exactly one of text, html or url (a url may accompany text "
                       "or html as the article's address)")
    from ..store.records import as_record
    doc = rt.analyzer().analyze(text=text or None, html=html or None, url=(url or "").strip() or None,
                                title=title or None, published=published or None)
    stored = None
    if store:
        result = rt.store().put(doc, source=url or "web")
        stored = {"status": result.status, "id": result.id, "duplicate_of": result.duplicate_of,
                  "similarity": result.similarity}
    return {"record": as_record(doc), "stored": stored}
