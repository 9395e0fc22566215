"""Reviews: an authenticated analyst marks an attribution, event or dispute right or wrong,
with an optional correction (API with the token, UI when logged in)."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from claimgraph.serve.api import get_document, store_of, views_of
from claimgraph.serve.security import CSRF_FIELD, check_csrf, logged_in, require_read, require_write
from claimgraph.serve.views import as_json, document_disputes
from claimgraph.store.export import render
from claimgraph.store.queries import review as rq

api = APIRouter(prefix="/api")
pages = APIRouter(include_in_schema=False)


class Correction(BaseModel):
    """Fields of the development-set schema that replace the extracted ones."""

    model_config = ConfigDict(extra="forbid")
    speaker: str | None = Field(None, max_length=300)
    stance: Literal["assert", "deny"] | None = None
    kind: Literal["direct", "indirect", "mixed"] | None = None
    cue_span: tuple[int, int] | None = None
    content_span: tuple[int, int] | None = None
    source_span: tuple[int, int] | None = None
    via: list[str] | None = None
    negated_cue: bool | None = None


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: rq.Kind
    doc_id: str | None = Field(None, max_length=100, description="the document (not for a linked dispute)")
    item_id: str = Field(..., max_length=200, description="A1, EV1, or a dispute id")
    verdict: rq.Verdict
    correction: Correction | None = None
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, max_length=100)


def snapshot(request: Request, r: ReviewIn) -> tuple[str | None, dict[str, Any]]:
    """The document id and the item as shown (404 when it does not exist)."""
    if r.kind in ("attribution", "event"):
        if not r.doc_id:
            raise HTTPException(422, f"a review of an {r.kind} needs doc_id")
        doc = get_document(request, r.doc_id)
        items = doc.attributions if r.kind == "attribution" else doc.events
        found = next((x for x in items if x.id == r.item_id), None)
        if found is None:
            raise HTTPException(404, f"no {r.kind} {r.item_id!r} in document {doc.id}")
        return doc.id, found.model_dump(mode="json")
    disputes = document_disputes(get_document(request, r.doc_id)) if r.doc_id else \
        views_of(request).all_disputes(100_000, 0, 0.0)
    found_d = next((d for d in disputes if d.id == r.item_id), None)
    if found_d is None:
        raise HTTPException(404, f"no dispute {r.item_id!r}")
    return r.doc_id, as_json(found_d)


def save(request: Request, r: ReviewIn) -> int:
    doc_id, item = snapshot(request, r)
    correction = r.correction.model_dump(exclude_none=True) if r.correction else None
    if correction and r.kind != "attribution":
        correction = None  # corrections of events and disputes are free text in the note
    with store_of(request).transaction() as conn:
        review_id = rq.add(conn, r.kind, doc_id, r.item_id, r.verdict, item, correction, r.note, r.reviewer)
    request.app.state.cache.wrote()
    return review_id


@api.post("/reviews", status_code=201, dependencies=[Depends(require_write)], summary="Review an item",
          responses={404: {"description": "no such item"}, 401: {"description": "missing token"}})
def post_review(request: Request, review: ReviewIn) -> dict[str, Any]:
    """Mark an attribution, event or dispute right or wrong; a wrong attribution may carry a
    correction (development-set fields). Reviews keep a snapshot of the item."""
    return {"id": save(request, review)}


@api.get("/reviews", dependencies=[Depends(require_read)], summary="Reviews")
def get_reviews(request: Request, doc_id: str | None = None, kind: rq.Kind | None = None,
                format: Literal["json", "jsonl", "csv"] = "json") -> Response:
    with store_of(request).connection() as conn:
        rows = rq.listing(conn, doc_id, kind)
    if format == "json":
        return JSONResponse(rows)
    body, media = render(rows, format)
    return Response(body, media_type=media)


@api.get("/reviews/devset", dependencies=[Depends(require_read)], summary="Reviews as a development set")
def devset(request: Request) -> Response:
    """Reviewed attributions as JSONL in the development-set schema (fr-dev, en-stance-dev):
    one record per document, corrections applied."""
    with store_of(request).connection() as conn:
        records = list(rq.devset_records(conn))
    body, media = render(records, "jsonl")
    return Response(body, media_type=media,
                    headers={"Content-Disposition": 'attachment; filename="claimgraph-devset.jsonl"'})


def _field(form: Any, name: str) -> str | None:
    value = form.get(name)
    return value.strip() or None if isinstance(value, str) else None


@pages.post("/reviews")
async def review_form(request: Request) -> Response:
    """The review form of a document row or a dispute (logged-in analysts)."""
    form = await request.form(max_files=0, max_fields=12)
    check_csrf(request, form.get(CSRF_FIELD))
    if not logged_in(request):
        raise HTTPException(401, "log in to review")
    correction = {k: v for k in ("speaker", "stance") if (v := _field(form, k))}
    try:
        r = ReviewIn(kind=_field(form, "kind"), doc_id=_field(form, "doc_id"),  # type: ignore[arg-type]
                     item_id=_field(form, "item_id") or "", verdict=_field(form, "verdict"),  # type: ignore[arg-type]
                     correction=Correction(**correction) if correction else None,
                     note=_field(form, "note"), reviewer=_field(form, "reviewer"))
    except ValidationError as exc:
        raise HTTPException(422, "invalid review: " + "; ".join(e["msg"] for e in exc.errors())) from None
    save(request, r)
    back = _field(form, "back") or "/"
    if not back.startswith("/") or back.startswith("//"):
        back = "/"
    return RedirectResponse(back, status_code=303)
