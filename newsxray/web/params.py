"""Query parameters shared by each page and its JSON twin (declared once, validated by FastAPI)."""
from __future__ import annotations

from typing import Literal, Optional

from fastapi import Query

from .views import check_dates

DATE = r"^\d{4}-\d{2}-\d{2}([T ][0-9:.+\-Z]*)?$"
Credibility = Literal["high", "mixed", "low", "state"]
EventType = Literal["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                    "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


def _text(description: str, max_length: int = 200):
    return Query(None, max_length=max_length, description=description)


def _date(description: str):
    return Query(None, max_length=40, pattern=DATE, description=description + " (ISO 8601, e.g. 2023-08-05)")


def search_params(
    q: str = Query("", max_length=500, description='FTS5 query: words, "a phrase", OR, NOT, prefix*; '
                   'empty lists the newest articles'),
    outlet: Optional[str] = _text("only this outlet (domain or name)"),
    since: Optional[str] = _date("published on or after"),
    until: Optional[str] = _date("published on or before"),
    entity: Optional[str] = _text("only articles naming this entity"),
    technique: Optional[str] = _text("only articles using this persuasion technique (PTC name)"),
    event_type: Optional[EventType] = Query(None, description="only articles reporting this PLOVER event type"),
    credibility: Optional[Credibility] = Query(None, description="only articles citing a source rated at this "
                                               "level (or a state-affiliated one)"),
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0, le=100_000),
) -> dict:
    check_dates(since, until)
    return dict(q=q, outlet=outlet, since=since, until=until, entity=entity, technique=technique,
                event_type=event_type, credibility=credibility, limit=limit, offset=offset)


def document_params(limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0, le=10_000_000),
                    outlet: Optional[str] = _text("only this outlet (domain or name)")) -> dict:
    return dict(limit=limit, offset=offset, outlet=outlet)


def entity_params(q: str = Query("", max_length=200, description="part of an entity name"),
                  limit: int = Query(20, ge=1, le=200)) -> dict:
    return dict(q=q, limit=limit)


def quote_params(speaker: Optional[str] = _text("only this speaker (name or ISO3 country)"),
                 limit: int = Query(100, ge=1, le=500)) -> dict:
    return dict(speaker=speaker, limit=limit)


def event_params(actor: Optional[str] = _text("actor name or ISO3 country code"),
                 target: Optional[str] = _text("target name or ISO3 country code"),
                 type: Optional[EventType] = Query(None, description="PLOVER event type"),
                 since: Optional[str] = _date("on or after"), until: Optional[str] = _date("on or before"),
                 limit: int = Query(100, ge=1, le=1000)) -> dict:
    check_dates(since, until)
    return dict(actor=actor, target=target, type=type, since=since, until=until, limit=limit)


def timeline_params(a: str = Query(..., min_length=1, max_length=200, description="one actor (name or ISO3)"),
                    b: str = Query(..., min_length=1, max_length=200, description="the other actor"),
                    since: Optional[str] = _date("on or after"), until: Optional[str] = _date("on or before")) -> dict:
    check_dates(since, until)
    return dict(a=a, b=b, since=since, until=until)


def network_params(entity: Optional[str] = _text("ego network of this entity"),
                   min_weight: int = Query(2, ge=1, le=10_000), limit: int = Query(100, ge=1, le=300)) -> dict:
    return dict(entity=entity, min_weight=min_weight, limit=limit)


def story_params(limit: int = Query(50, ge=1, le=500), min_size: int = Query(2, ge=1, le=10_000)) -> dict:
    return dict(limit=limit, min_size=min_size)


def claim_params(limit: int = Query(50, ge=1, le=500), min_score: float = Query(0.5, ge=0.0, le=1.0)) -> dict:
    return dict(limit=limit, min_score=min_score)


def group_params(limit: int = Query(50, ge=1, le=500), min_articles: int = Query(2, ge=1, le=10_000)) -> dict:
    return dict(limit=limit, min_articles=min_articles)


def outlet_params(limit: int = Query(50, ge=1, le=500)) -> dict:
    return dict(limit=limit)
