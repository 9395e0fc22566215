"""Server-rendered pages: documents, stories, disputes, outlets, search, submission."""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.datastructures import UploadFile

from claimgraph.chain_text import ARROW, chain_names, chain_text
from claimgraph.model import Document, Rejected
from claimgraph.serve import charts
from claimgraph.serve.analyze import Item
from claimgraph.serve.api import (
    analyse,
    cached_search,
    get_document,
    item_of,
    languages,
    store_of,
    views_of,
)
from claimgraph.serve.highlight import segments
from claimgraph.serve.security import (
    AUTH_COOKIE,
    AUTH_MAX_AGE,
    CSRF_COOKIE,
    CSRF_FIELD,
    check_csrf,
    csrf_pair,
    logged_in,
    login_cookie,
    same_token,
    settings,
)
from claimgraph.serve.views import document_disputes, shown_stance
from claimgraph.store.queries import feeds as fq
from claimgraph.store.queries import review as rq

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.auto_reload = False  # the templates ship with the package: no stat() per render
router = APIRouter(include_in_schema=False)

STANCES = ["assert", "deny", "estimate", "question"]  # Attribution.stance values
MIN_SCORE = Query(None, ge=0, le=1)


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) link, else None (no javascript:, data: ... links)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


BASIS = {"target": "a denial names this claim", "similarity": "similar wording",
         "contrary": "contrary wording", "negation": "the same words negated",
         "same_document": "reported in the denial's own article", "in-document": "stated in the article"}


def basis_label(basis: str) -> str:
    """What a link basis means, in words."""
    return BASIS.get(basis, basis.replace("_", " "))


templates.env.filters["safe_href"] = safe_href
templates.env.filters["basename"] = lambda p: PurePath(str(p)).name
templates.env.filters["basis_label"] = basis_label
templates.env.filters["shown_stance"] = shown_stance
templates.env.globals.update(STANCES=STANCES, ARROW=ARROW, chain_text=chain_text,
                             chain_names=chain_names, basis_label=basis_label)


class LoginRequired(Exception):
    """Reads are protected and the browser has not logged in."""


def page(request: Request, name: str, status: int = 200, **context: Any) -> Response:
    """Render a template with the CSRF token and login state; set the CSRF cookie if new."""
    s = settings(request)
    if s.protect_reads and name != "login.html" and not logged_in(request):
        raise LoginRequired
    token, new_cookie = csrf_pair(request)
    context.update(csrf_field=CSRF_FIELD, csrf_token=token, logged_in=logged_in(request),
                   protect_reads=s.protect_reads)
    response = templates.TemplateResponse(request, name, context, status_code=status)
    if new_cookie:
        response.set_cookie(CSRF_COOKIE, new_cookie, httponly=True, samesite="strict",
                            secure=s.secure_cookies, path="/")
    return response


def local_path(target: str | None) -> str:
    """A redirect target on this site only (no //host or scheme)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


# ----------------------------------------------------------------------------- pages


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    views = views_of(request)
    with store_of(request).connection() as conn:
        watched = fq.listing(conn)
    return page(request, "index.html", documents=views.recent(25), stats=views.stats(),
                stories=views.stories(10), feeds=watched)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> Response:
    doc = get_document(request, doc_id)
    by_entity = {e.id: e for e in doc.entities}
    captioned = {c.line for c in doc.captions}
    with store_of(request).connection() as conn:
        reviews = rq.latest(conn, doc.id)
    return page(request, "document.html", doc=doc, segments=segments(doc), reviews=reviews,
                review_back=f"/documents/{doc.id}#disputes",
                dispute_reviews={k[1]: v for k, v in reviews.items() if k[0] == "dispute"},
                disputes=document_disputes(doc), story_id=views_of(request).story_of(doc.id),
                entities=by_entity, removed=[r for r in doc.removed if r.reason != "empty"
                                            and not (r.reason == "caption" and r.line in captioned)],
                n_empty=sum(1 for r in doc.removed if r.reason == "empty"))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request) -> Response:
    views = views_of(request)
    return page(request, "stories.html", stories=views.stories(200), documents=views.recent(50))


def threshold(request: Request, min_score: float | None) -> float:
    return settings(request).min_dispute_score if min_score is None else min_score


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str, min_score: float | None = MIN_SCORE) -> Response:
    score = threshold(request, min_score)
    story = views_of(request).story(story_id, score)
    if story is None:
        raise HTTPException(404, f"no story {story_id!r}")
    by_doc: dict[str, list[Any]] = {}
    for st in story.statements:
        by_doc.setdefault(st.doc_id, []).append(st)
    return page(request, "story.html", story=story, by_doc=by_doc, min_score=score,
                timeline_chart=charts.timeline(story.statements),
                graph_chart=charts.source_graph([st.speaker, *st.chain] for st in story.statements))


@router.get("/disputes", response_class=HTMLResponse)
def disputes_page(request: Request, min_score: float | None = MIN_SCORE) -> Response:
    score = threshold(request, min_score)
    shown, hidden = views_of(request).disputes_page(100, 0, score)
    with store_of(request).connection() as conn:
        reviewed = {r["item_id"]: r for r in rq.listing(conn, kind="dispute")}
    return page(request, "disputes.html", disputes=shown, hidden_disputes=hidden, min_score=score,
                review_back=f"/disputes?min_score={score}", dispute_reviews=reviewed)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> Response:
    return page(request, "outlets.html", outlets=views_of(request).outlets())


@router.get("/outlets/{outlet_id}", response_class=HTMLResponse)
def outlet_page(request: Request, outlet_id: str) -> Response:
    views = views_of(request)
    info = views.outlet_info(outlet_id)
    if info is None:
        raise HTTPException(404, f"no documents from outlet {outlet_id!r}")
    profile = request.app.state.people.outlet(outlet_id)
    people = request.app.state.people  # the profile again, through the cache: its dependencies
    volume = request.app.state.cache.get(("outlet-volume", outlet_id),
                                         lambda: charts.volume(people.outlet(outlet_id)["statements"]))
    return page(request, "outlet.html", outlet=info, documents=views.outlet_documents(outlet_id),
                profile=profile, volume=volume)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "") -> Response:
    q = q[:500]
    found = cached_search(request, q) if q.strip() else None
    people = None
    if found and found.get("entities"):  # one row per person or organisation, not per article
        index = request.app.state.people.index()
        people = {}
        for h in found["entities"]:
            ent = index.by_member.get((h.doc_id, h.item_id or ""))
            if ent is not None:
                row = people.setdefault(ent.slug, {"id": ent.slug, "name": ent.name, "label": ent.label,
                                                   "documents": len(ent.docs), "hits": 0})
                row["hits"] += 1
    return page(request, "search.html", q=q, found=found, people=people)


# ----------------------------------------------------------------------------- forms


@router.get("/submit", response_class=HTMLResponse)
def submit_form(request: Request) -> Response:
    return page(request, "submit.html", error=None, form={})


@router.post("/submit", response_class=HTMLResponse)
async def submit_post(request: Request) -> Response:
    s = settings(request)
    form = await request.form(max_files=1, max_fields=10, max_part_size=s.max_request_bytes)
    check_csrf(request, form.get(CSRF_FIELD))
    values = {k: v if isinstance(v := form.get(k), str) else "" for k in ("text", "url", "language", "kind")}
    token = form.get("token")
    authorised = logged_in(request) or same_token(token if isinstance(token, str) else None, s.token)
    if not authorised:
        return page(request, "submit.html", 401, error="Wrong or missing token.", form=values)
    config = request.app.state.config

    def fail(message: str, status: int = 422) -> Response:
        return page(request, "submit.html", status, error=message, form=values)

    try:
        language = languages(config, values["language"] or None)
    except HTTPException as exc:
        return fail(str(exc.detail))
    url = (values["url"] or "").strip() or None
    if url is not None and safe_href(url) is None:
        return fail("The URL must start with http:// or https://.")
    upload = form.get("file")
    item: Item
    if isinstance(upload, UploadFile) and upload.filename:
        data = await upload.read(s.max_request_bytes + 1)
        item = item_of(data, upload.content_type or "", config, url, language)
    elif (values["text"] or "").strip():
        kind = "text/html" if values["kind"] == "html" else "text/plain"
        item = item_of(values["text"].encode("utf-8"), f"{kind}; charset=utf-8", config, url, language)
    elif url:
        item = url
    else:
        return fail("Paste an article, choose a file, or give a URL.")
    results = await analyse(request, [item])
    doc = next((r for r in results if isinstance(r, Document)), None)
    if doc is None:
        r = results[0] if results else None
        reason = f"{r.reason}: {r.detail}" if isinstance(r, Rejected) else "nothing to analyse"
        return fail(f"The input was rejected ({reason}).")
    response = RedirectResponse(f"/documents/{quote(doc.id)}", status_code=303)
    if not logged_in(request):
        _set_login(request, response)
    return response


def _set_login(request: Request, response: Response) -> None:
    response.set_cookie(AUTH_COOKIE, login_cookie(request), max_age=AUTH_MAX_AGE, httponly=True,
                        samesite="strict", secure=settings(request).secure_cookies, path="/")


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    return page(request, "login.html", error=None, next=local_path(next))


@router.post("/login", response_class=HTMLResponse)
async def login_post(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=5)
    check_csrf(request, form.get(CSRF_FIELD))
    target = local_path(form.get("next") if isinstance(form.get("next"), str) else None)
    token = form.get("token")
    if not same_token(token if isinstance(token, str) else None, settings(request).token):
        return page(request, "login.html", 401, error="Wrong token.", next=target)
    response = RedirectResponse(target, status_code=303)
    _set_login(request, response)
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=2)
    check_csrf(request, form.get(CSRF_FIELD))
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(AUTH_COOKIE, path="/")
    return response
