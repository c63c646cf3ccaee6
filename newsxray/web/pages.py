"""The HTML pages: each renders the same view function as its ``/api`` twin, through Jinja2
templates with autoescaping on (article text and metadata are never trusted as markup)."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

import jinja2
from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from . import params as P
from . import views
from .article import article_context, safe_url
from .runtime import Runtime, WebError
from .security import CSRF_COOKIE, TOKEN_COOKIE, presented_token, token_ok
from .svg import network_svg, timeline_svg

HERE = Path(__file__).resolve().parent
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True,
                         undefined=jinja2.ChainableUndefined)
ENV.filters["safe_url"] = safe_url
ENV.filters["urlpart"] = lambda value: quote(str(value or ""), safe="")
TEMPLATES = Jinja2Templates(env=ENV)
NAV = (("/", "Analyze"), ("/articles", "Articles"), ("/search", "Search"), ("/entities", "Entities"),
       ("/quotes", "Quotes"), ("/events", "Events"), ("/timeline", "Timeline"), ("/network", "Network"),
       ("/stories", "Stories"), ("/claims", "Claims"), ("/outlets", "Outlets"), ("/docs", "API"))

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def rt(request: Request) -> Runtime:
    return request.app.state.runtime


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path == "/openapi.json" or path.startswith("/static/"):
        return False
    return "text/html" in request.headers.get("accept", "") or request.method == "POST"


def render(request: Request, template: str, context: dict[str, Any], *, status: int = 200,
           api: str | None = None) -> HTMLResponse:
    """A page, with the CSRF cookie set if the browser has none yet."""
    cookie = request.cookies.get(CSRF_COOKIE)
    fresh = cookie is None or len(cookie) > 100
    if fresh:
        cookie = request.app.state.csrf.new_cookie()
    context = {"request": request, "nav": NAV, "path": request.url.path, "api": api,
               "csrf": request.app.state.csrf.token_for(cookie), "needs_token": request.app.state.token is not None,
               "logged_in": token_ok(request.app.state.token, presented_token(request.scope)), **context}
    response = TEMPLATES.TemplateResponse(request, template, context, status_code=status)
    if fresh:
        response.set_cookie(CSRF_COOKIE, cookie, httponly=True, samesite="strict", path="/")
    return response


def error_page(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", {"code": code, "message": message, "status": status}, status=status)


def _api_url(request: Request, path: str) -> str:
    query = request.url.query
    return f"{path}?{query}" if query else path


def _check_csrf(request: Request, field: str | None) -> None:
    if not request.app.state.csrf.check(request.cookies.get(CSRF_COOKIE), field):
        raise WebError(403, "csrf_failed", "the form has expired or did not come from this site; "
                       "reload the page and send it again")


@router.get("/")
def home(request: Request, runtime: Runtime = Depends(rt)):
    return render(request, "home.html", views.home(runtime), api="/api/stats")


@router.post("/analyze")
async def analyze(request: Request, runtime: Runtime = Depends(rt), csrf: Optional[str] = Form(None),
                  content: str = Form("", max_length=2_000_000), kind: str = Form("text", pattern="^(text|html)$"),
                  url: str = Form("", max_length=2048), title: str = Form("", max_length=1000),
                  published: str = Form("", max_length=40), store: Optional[str] = Form(None)):
    _check_csrf(request, csrf)
    args = {"text": content if kind == "text" else None, "html": content if kind == "html" else None,
            "url": url, "title": title, "published": published, "store": bool(store)}
    result = await runtime.run(lambda: views.analyze(runtime, **args))
    if result["stored"] and result["stored"]["id"]:
        return RedirectResponse(f"/articles/{quote(result['stored']['id'], safe='')}", status_code=303)
    return render(request, "article.html", {**article_context(result["record"]), "stored": None})


@router.get("/articles")
def articles(request: Request, p: dict = Depends(P.document_params), runtime: Runtime = Depends(rt)):
    return render(request, "articles.html", views.documents(runtime, **p), api=_api_url(request, "/api/documents"))


@router.get("/articles/{id}")
def article(request: Request, id: str, runtime: Runtime = Depends(rt)):
    record = views.document(runtime, id)
    return render(request, "article.html", {**article_context(record), "stored": id},
                  api=f"/api/documents/{quote(id, safe='')}")


@router.get("/search")
def search(request: Request, p: dict = Depends(P.search_params), runtime: Runtime = Depends(rt)):
    data = views.search(runtime, **p) if request.url.query else {"query": p, "hits": None}
    return render(request, "search.html", data, api=_api_url(request, "/api/search"))


@router.get("/entities")
def entities(request: Request, p: dict = Depends(P.entity_params), runtime: Runtime = Depends(rt)):
    return render(request, "entities.html", views.entities(runtime, **p), api=_api_url(request, "/api/entities"))


@router.get("/entities/{name:path}")
def entity(request: Request, name: str, runtime: Runtime = Depends(rt)):
    profile = views.entity(runtime, name)
    return render(request, "entity.html", {"entity": profile}, api=f"/api/entities/{quote(name, safe='')}")


@router.get("/quotes")
def quotes(request: Request, p: dict = Depends(P.quote_params), runtime: Runtime = Depends(rt)):
    return render(request, "quotes.html", views.quotes(runtime, **p), api=_api_url(request, "/api/quotes"))


@router.get("/events")
def events(request: Request, p: dict = Depends(P.event_params), runtime: Runtime = Depends(rt)):
    return render(request, "events.html", views.events(runtime, **p), api=_api_url(request, "/api/events"))


@router.get("/timeline")
def timeline(request: Request, runtime: Runtime = Depends(rt), a: str = "", b: str = "",
             since: str = "", until: str = ""):
    if not (a.strip() and b.strip()):
        return render(request, "timeline.html", {"data": None, "a": a, "b": b, "since": since, "until": until})
    p = P.timeline_params(a=a[:200], b=b[:200], since=since or None, until=until or None)
    data = views.timeline(runtime, **p)
    chart = timeline_svg(data.get("days") or [], title=f"events between {a} and {b}, per day")
    return render(request, "timeline.html", {"data": data, "chart": chart, **p},
                  api=_api_url(request, "/api/timeline"))


@router.get("/network")
def network(request: Request, p: dict = Depends(P.network_params), runtime: Runtime = Depends(rt)):
    data = views.network(runtime, **p)
    chart = network_svg(data.get("nodes") or [], data.get("edges") or [])
    return render(request, "network.html", {**data, "chart": chart}, api=_api_url(request, "/api/network"))


@router.get("/stories")
def stories(request: Request, p: dict = Depends(P.story_params), runtime: Runtime = Depends(rt)):
    return render(request, "stories.html", views.stories(runtime, **p), api=_api_url(request, "/api/stories"))


@router.get("/stories/{article_id}")
def story(request: Request, article_id: str, runtime: Runtime = Depends(rt)):
    return render(request, "stories.html", {"stories": [views.story_of(runtime, article_id)]},
                  api=f"/api/stories/{quote(article_id, safe='')}")


@router.get("/claims")
def claims(request: Request, p: dict = Depends(P.claim_params), runtime: Runtime = Depends(rt)):
    data = views.claims(runtime, **p)
    try:
        groups = views.claim_groups(runtime)["groups"]
    except WebError:
        groups = None
    return render(request, "claims.html", {**data, "groups": groups}, api=_api_url(request, "/api/claims"))


@router.get("/outlets")
def outlets(request: Request, p: dict = Depends(P.outlet_params), runtime: Runtime = Depends(rt)):
    return render(request, "outlets.html", views.outlets(runtime, **p), api=_api_url(request, "/api/outlets"))


@router.get("/login")
def login_form(request: Request):
    return render(request, "login.html", {})


@router.post("/login")
def login(request: Request, csrf: Optional[str] = Form(None), token: str = Form("", max_length=500)):
    _check_csrf(request, csrf)
    if not token_ok(request.app.state.token, token):
        raise WebError(401, "bad_token", "that is not this server's token; it was printed when the server started")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
    return response


@router.get("/docs")
def docs(request: Request):
    spec = request.app.openapi()
    rows = [(method.upper(), path, op.get("summary") or "", [p["name"] for p in op.get("parameters", [])])
            for path, item in spec.get("paths", {}).items() for method, op in item.items()]
    return render(request, "docs.html", {"endpoints": rows}, api="/openapi.json")
