"""The JSON API under ``/api``: each endpoint is the JSON twin of a page (same view function)."""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from . import params as P
from . import views
from .runtime import Runtime


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorOut(BaseModel):
    error: ErrorDetail


class AnalyzeIn(BaseModel):
    """One article: exactly one of ``text``, ``html`` or ``url`` (fetched through the guarded fetcher)."""

    model_config = ConfigDict(extra="forbid")
    text: Optional[str] = Field(None, max_length=1_000_000, description="plain text, kept exactly")
    html: Optional[str] = Field(None, max_length=2_000_000, description="an article page's HTML")
    url: Optional[str] = Field(None, max_length=2048, description="fetched when neither text nor html is given")
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="ISO 8601 publication date")
    store: bool = Field(False, description="keep the record in the corpus")


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text} for code, text in (
        (400, "a parameter has a bad value"), (404, "not found"), (422, "invalid request"),
        (501, "this corpus analysis is not available in this version"))}

router = APIRouter(prefix="/api", responses=ERRORS)


def rt(request: Request) -> Runtime:
    return request.app.state.runtime


@router.get("/stats", summary="Corpus statistics")
def api_stats(runtime: Runtime = Depends(rt)) -> dict:
    return views.home(runtime)


@router.get("/documents", summary="List stored articles, newest first")
def api_documents(p: dict = Depends(P.document_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.documents(runtime, **p)


@router.get("/documents/{id}", summary="One stored record with all its layers")
def api_document(id: str = Path(..., max_length=300), runtime: Runtime = Depends(rt)) -> dict:
    return views.document(runtime, id)


@router.get("/search", summary="Full-text search with filters")
def api_search(p: dict = Depends(P.search_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.search(runtime, **p)


@router.get("/entities", summary="Find entities by name")
def api_entities(p: dict = Depends(P.entity_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.entities(runtime, **p)


@router.get("/entities/{name:path}", summary="An entity with its articles, quotes, events and neighbours")
def api_entity(name: str = Path(..., max_length=300), runtime: Runtime = Depends(rt)) -> dict:
    return views.entity(runtime, name)


@router.get("/quotes", summary="Quotes grouped by speaker")
def api_quotes(p: dict = Depends(P.quote_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.quotes(runtime, **p)


@router.get("/events", summary="Coded events (who did what to whom, when)")
def api_events(p: dict = Depends(P.event_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.events(runtime, **p)


@router.get("/timeline", summary="Events between two actors over time")
def api_timeline(p: dict = Depends(P.timeline_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.timeline(runtime, **p)


@router.get("/network", summary="Entity co-occurrence network")
def api_network(p: dict = Depends(P.network_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.network(runtime, **p)


@router.get("/stories", summary="Story clusters across outlets")
def api_stories(p: dict = Depends(P.story_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.stories(runtime, **p)


@router.get("/stories/{article_id}", summary="The story an article belongs to")
def api_story_of(article_id: str = Path(..., max_length=300), runtime: Runtime = Depends(rt)) -> dict:
    return views.story_of(runtime, article_id)


@router.get("/claims", summary="Check-worthy claims, highest score first")
def api_claims(p: dict = Depends(P.claim_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.claims(runtime, **p)


@router.get("/claim-groups", summary="The same claim made in several articles")
def api_claim_groups(p: dict = Depends(P.group_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.claim_groups(runtime, **p)


@router.get("/outlets", summary="Outlet profiles: techniques and sources per outlet")
def api_outlets(p: dict = Depends(P.outlet_params), runtime: Runtime = Depends(rt)) -> dict:
    return views.outlets(runtime, **p)


@router.post("/analyze", summary="Analyse one article (text, HTML or URL); optionally store it",
             responses={413: {"model": ErrorOut, "description": "body too large"},
                        401: {"model": ErrorOut, "description": "token required"},
                        503: {"model": ErrorOut, "description": "busy"}})
async def api_analyze(body: AnalyzeIn, runtime: Runtime = Depends(rt)) -> dict:
    args = body.model_dump()
    return await runtime.run(lambda: views.analyze(runtime, **args))
