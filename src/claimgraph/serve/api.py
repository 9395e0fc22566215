"""The JSON API under /api (see docs/api.md)."""

from __future__ import annotations

import os
import tempfile
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from starlette.background import BackgroundTask

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest.document import from_bytes, rejected
from claimgraph.ingest.url import is_url
from claimgraph.model import Document, Origin, Rejected
from claimgraph.serve import search as fts
from claimgraph.serve.analyze import Analyzer, Busy, Item
from claimgraph.serve.security import require_read, require_write
from claimgraph.serve.views import Views, as_json, document_disputes
from claimgraph.stage import Result
from claimgraph.store import AmbiguousIdError, Store

router = APIRouter(prefix="/api")
reads = APIRouter(dependencies=[Depends(require_read)])
writes = APIRouter(dependencies=[Depends(require_write)])


class Submission(BaseModel):
    """One article to analyse: its text, its HTML, or a URL to fetch."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="HTML of the article page.")
    url: str | None = Field(
        None, description="http(s) URL: fetched when neither text nor html is given, "
        "else recorded as the article's address.")
    language: str | None = Field(None, description="Force the article language (fr, en).")

    @model_validator(mode="after")
    def _one_source(self) -> Submission:
        if self.text is not None and self.html is not None:
            raise ValueError("give text or html, not both")
        if self.text is None and self.html is None and not self.url:
            raise ValueError("give text, html or url")
        if self.url is not None and not is_url(self.url):
            raise ValueError("url must start with http:// or https://")
        return self


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")
    documents: list[Submission]


class SubmitResult(BaseModel):
    id: str
    status: Literal["analysed", "rejected"]
    reason: str | None = None
    detail: str | None = None
    title: str | None = None
    language: str | None = None
    outlet: str | None = None
    counts: dict[str, int] = Field(default_factory=dict)
    links: dict[str, str] = Field(default_factory=dict)


class SubmitResponse(BaseModel):
    results: list[SubmitResult]


# ----------------------------------------------------------------------------- helpers


def store_of(request: Request) -> Store:
    return request.app.state.store


def views_of(request: Request) -> Views:
    return request.app.state.views


def config_of(request: Request) -> Config:
    return request.app.state.config


def languages(config: Config, language: str | None) -> str | None:
    if language and language not in config.languages:
        raise HTTPException(422, f"language must be one of {', '.join(config.languages)}")
    return language


def item_of(data: bytes, content_type: str, config: Config, url: str | None,
            language: str | None) -> Item:
    """An ingested Document (or Rejected) for submitted content."""
    origin = Origin(kind="text", url=url)
    try:
        doc = from_bytes(data, origin, content_type, config, url=url)
    except RejectedInput as exc:
        return rejected(exc.reason, exc.detail, origin, data)
    if language:
        doc.meta["language"] = language
    return doc


def submission_item(sub: Submission, config: Config) -> Item:
    language = languages(config, sub.language)
    if sub.text is not None:
        return item_of(sub.text.encode("utf-8"), "text/plain; charset=utf-8", config, sub.url, language)
    if sub.html is not None:
        return item_of(sub.html.encode("utf-8"), "text/html; charset=utf-8", config, sub.url, language)
    assert sub.url is not None
    return sub.url


async def analyse(request: Request, items: list[Item]) -> list[Result]:
    analyzer: Analyzer = request.app.state.analyzer
    try:
        results = await analyzer.analyse(items)
        request.app.state.cache.wrote()  # this client reads its own write at once (cookie)
        return results
    except Busy as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "2"}) from None
    except BrokenProcessPool:
        raise HTTPException(503, "the analysis worker stopped; retry", headers={"Retry-After": "5"}) from None


def result_of(request: Request, r: Result) -> SubmitResult:
    return result_for(views_of(request), r)


def result_for(views: Views, r: Result) -> SubmitResult:
    """What a submission's response says about one result."""
    if isinstance(r, Rejected):
        return SubmitResult(id=r.id, status="rejected", reason=r.reason, detail=r.detail)
    story = views.story_of(r.id)
    return SubmitResult(
        id=r.id, status="analysed", title=r.title, language=r.language,
        outlet=r.outlet.name if r.outlet else None,
        counts={"entities": len(r.entities), "attributions": len(r.attributions),
                "events": len(r.events), "removed": len(r.removed), "captions": len(r.captions)},
        links={"self": f"/api/documents/{r.id}", "html": f"/documents/{r.id}",
               "story": f"/api/stories/{story}"},
    )


def respond(request: Request, results: list[Result]) -> JSONResponse:
    body = SubmitResponse(results=[result_of(request, r) for r in results])
    ok = any(r.status == "analysed" for r in body.results)
    return JSONResponse(body.model_dump(mode="json"), status_code=201 if ok else 422)


def get_document(request: Request, doc_id: str) -> Document:
    try:
        doc = views_of(request).document(doc_id)
    except AmbiguousIdError as exc:
        raise HTTPException(409, str(exc)) from None
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return doc


def cached_search(request: Request, q: str, kinds: tuple[fts.Kind, ...] = fts.KINDS, limit: int = 20,
                  offset: int = 0) -> dict[str, list[fts.Hit]]:
    """Full-text search, kept while the store is unchanged."""
    return request.app.state.cache.get(  # type: ignore[no-any-return]
        ("search", q, kinds, limit, offset), lambda: fts.search(store_of(request), q, kinds, limit, offset))


def _schema(model: type[BaseModel]) -> dict[str, Any]:
    return model.model_json_schema(ref_template="#/components/schemas/{model}")


# ----------------------------------------------------------------------------- writes


@writes.post(
    "/documents", status_code=201, response_model=SubmitResponse, summary="Submit an article",
    responses={401: {"description": "missing or wrong token"},
               413: {"description": "request too large"},
               422: {"description": "invalid submission, or the input was rejected",
                     "model": SubmitResponse},
               503: {"description": "too many analyses pending (see Retry-After)"}},
    openapi_extra={"requestBody": {"required": True, "content": {
        "application/json": {"schema": _schema(Submission)},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }}},
)
async def submit(request: Request) -> JSONResponse:
    """Analyse one article (JSON submission, or the raw text/HTML as the body) and store it.

    The response lists the result (one per article; a feed URL can give several) with
    links to the stored analysis. With ``Prefer: respond-async`` (JSON body) the article is
    queued instead: 202 with a job id, as POST /api/jobs. Rejected inputs (empty, binary, too large, forbidden
    address...) are stored with their reason and answered with 422.
    """
    config = config_of(request)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if media in ("text/plain", "text/html"):
        language = languages(config, request.query_params.get("language"))
        url = request.query_params.get("url")
        if url is not None and not is_url(url):
            raise HTTPException(422, "url must start with http:// or https://")
        items = [item_of(body, request.headers["content-type"], config, url, language)]
    elif media in ("application/json", ""):
        try:
            sub = Submission.model_validate_json(body or b"{}")
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=False, include_input=False)
            return JSONResponse({"detail": errors}, status_code=422)
        if "respond-async" in request.headers.get("prefer", "").lower():  # RFC 7240: 202, a job
            from claimgraph.serve.jobs import enqueue

            return enqueue(request, [sub])
        items = [submission_item(sub, config)]
    else:
        raise HTTPException(415, "send application/json, text/plain or text/html")
    return respond(request, await analyse(request, items))


@writes.post("/documents/batch", status_code=201, response_model=SubmitResponse,
             summary="Submit several articles")
async def submit_batch(request: Request, batch: Batch) -> JSONResponse:
    """Analyse up to ``serve.max_batch`` articles in one pipeline batch."""
    limit = request.app.state.settings.max_batch
    if not 0 < len(batch.documents) <= limit:
        raise HTTPException(422, f"send between 1 and {limit} documents")
    config = config_of(request)
    items = [submission_item(s, config) for s in batch.documents]
    return respond(request, await analyse(request, items))


# ----------------------------------------------------------------------------- reads


@reads.get("/documents", summary="List documents")
def list_documents(request: Request, limit: int = Query(20, ge=1, le=500), offset: int = Query(0, ge=0),
                   outlet: str | None = None, language: str | None = None) -> list[dict[str, Any]]:
    """Stored documents, newest first, optionally of one outlet or language."""
    return views_of(request).recent(limit, offset, outlet, language)


@reads.get("/documents/{doc_id}", summary="A document's analysis",
           responses={200: {"description": "the Document JSON contract (docs/contract.md)"},
                      404: {"description": "no such document"},
                      409: {"description": "ambiguous id prefix"}})
def document(request: Request, doc_id: str) -> Response:
    """The full analysis of a document (an id or a unique id prefix)."""
    return Response(get_document(request, doc_id).model_dump_json(), media_type="application/json")


@reads.get("/documents/{doc_id}/disputes", summary="Disputes inside a document")
def document_dispute_list(request: Request, doc_id: str) -> list[dict[str, Any]]:
    """Claims of this document and the statements of the same document that deny them."""
    return as_json(document_disputes(get_document(request, doc_id)))


@reads.get("/search", summary="Full-text search")
def search(request: Request, q: str = Query(..., min_length=1, max_length=500),
           kind: list[fts.Kind] = Query(default=list(fts.KINDS)),  # noqa: B008
           limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Documents, claims (attributions) and entities matching ``q`` (words, "phrases", OR, -word)."""
    found = cached_search(request, q, tuple(dict.fromkeys(kind)), limit, offset)
    return {"query": q, "results": {k: [h.as_json() for h in hits] for k, hits in found.items()}}


@reads.get("/stories", summary="Stories")
def stories(request: Request, limit: int = Query(50, ge=1, le=500)) -> list[dict[str, Any]]:
    """Linked stories (articles on one story across outlets and languages), most recent first."""
    return views_of(request).stories(limit)


@reads.get("/stories/{story_id}", summary="A story", responses={404: {"description": "no such story"}})
def story(request: Request, story_id: str,
          min_score: float | None = Query(None, ge=0, le=1, description=(
              "hide disputes linked with a lower score (default: serve.min_dispute_score)"))
          ) -> dict[str, Any]:
    """A story: its documents in date order, its disputes and its statements.

    ``doc-<document id>`` is the one-document story of a document that is not linked.
    """
    score = request.app.state.settings.min_dispute_score if min_score is None else min_score
    found = views_of(request).story(story_id, score)
    if found is None:
        raise HTTPException(404, f"no story {story_id!r}")
    return as_json(found)


@reads.get("/disputes", summary="Disputes")
def disputes(request: Request, limit: int = Query(50, ge=1, le=500),
             offset: int = Query(0, ge=0),
             min_score: float | None = Query(None, ge=0, le=1, description=(
                 "hide disputes linked with a lower score (default: serve.min_dispute_score)"))
             ) -> list[dict[str, Any]]:
    """Claims and the statements that deny or dispute them, with speakers, outlets, chains,
    the basis and score of each link, and whether it lies within one article or across."""
    score = request.app.state.settings.min_dispute_score if min_score is None else min_score
    return as_json(views_of(request).all_disputes(limit, offset, score))


@reads.get("/outlets", summary="Outlets")
def outlets(request: Request) -> list[dict[str, Any]]:
    """Outlets of the stored documents, with country, typology and the labels' dataset."""
    return views_of(request).outlets()


@reads.get("/outlets/{outlet_id}", summary="An outlet", responses={404: {"description": "no such outlet"}})
def outlet(request: Request, outlet_id: str) -> dict[str, Any]:
    """The outlet's registry record, its documents, whom it quotes, what it relays from
    whom and its share of denials, with every statement it published."""
    views = views_of(request)
    info = views.outlet_info(outlet_id)
    if info is None:
        raise HTTPException(404, f"no documents from outlet {outlet_id!r}")
    profile = request.app.state.people.outlet(outlet_id)
    return {**info, "documents": views.outlet_documents(outlet_id), **profile}


@reads.get("/stats", summary="Store counts")
def stats(request: Request) -> dict[str, Any]:
    return views_of(request).stats()


@reads.get("/rejected", summary="Rejected inputs")
def rejected_inputs(request: Request) -> list[dict[str, Any]]:
    return [r.model_dump(mode="json") for r in store_of(request).rejected()]


@reads.get("/export", summary="Export a table", response_class=FileResponse)
def export(request: Request,
           table: Literal["documents", "entities", "attributions", "events", "claims", "disputes",
                          "plover", "rejected"] = "documents",
           format: Literal["jsonl", "csv", "parquet"] = "jsonl",
           quotes_only: bool = False) -> FileResponse:
    """A whole table as JSONL (documents: the JSON contract, one per line), CSV or Parquet.

    ``quotes_only`` (attributions): speech and writing only, as quote trackers count them."""
    fd, path = tempfile.mkstemp(prefix="claimgraph-export-", suffix=f".{format}")
    os.close(fd)
    try:
        store_of(request).export(path, format, table=table, quotes_only=quotes_only)
    except ValueError as exc:
        os.unlink(path)
        raise HTTPException(422, str(exc)) from exc
    except Exception:
        os.unlink(path)
        raise
    media = {"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
             "parquet": "application/vnd.apache.parquet"}[format]
    return FileResponse(path, media_type=media, filename=f"claimgraph-{table}.{format}",
                        background=BackgroundTask(os.unlink, path))


@router.get("/health", summary="Liveness")
def health(request: Request) -> dict[str, Any]:
    return {"status": "ok", "store": store_of(request).dialect,
            "pending": request.app.state.analyzer.pending}


router.include_router(writes)
router.include_router(reads)
