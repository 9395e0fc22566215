"""The analyst's workbench: entity pages, faceted lists, exports of lists, in the API and UI."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from claimgraph.serve import charts
from claimgraph.serve.api import store_of
from claimgraph.serve.people import People
from claimgraph.serve.security import require_read
from claimgraph.store.export import render
from claimgraph.store.queries import facets
from claimgraph.store.queries.facets import Filters

api = APIRouter(prefix="/api", dependencies=[Depends(require_read)])
pages = APIRouter(include_in_schema=False)

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ListFormat = Literal["json", "csv", "jsonl", "parquet"]


def people_of(request: Request) -> People:
    return request.app.state.people


def filters(date_from: str | None = Query(None, pattern=DATE, description="YYYY[-MM[-DD]], inclusive"),
            date_to: str | None = Query(None, pattern=DATE, description="YYYY[-MM[-DD]], inclusive"),
            outlet: str | None = Query(None, max_length=200, description="outlet id or name"),
            country: str | None = Query(None, max_length=100, description="outlet country code or name"),
            language: str | None = Query(None, max_length=10),
            stance: str | None = Query(None, max_length=20),
            speaker: str | None = Query(None, max_length=200, description="part of the speaker's name"),
            min_score: float | None = Query(None, ge=0, le=1, description="least claim link score"),
            ) -> Filters:
    def clean(v: str | None) -> str | None:
        return v.strip() or None if v else None

    to = clean(date_to)
    if to and len(to) < 10:  # an inclusive month or year
        to = to + ("-12-31" if len(to) == 4 else "-31")
    return Filters(date_from=clean(date_from), date_to=to, outlet=clean(outlet), country=clean(country),
                   language=clean(language), stance=clean(stance), speaker=clean(speaker),
                   min_score=min_score)


def tabular(data: dict[str, Any] | list[dict[str, Any]], format: str, name: str) -> Response:
    """JSON as is, or the list's items as a CSV, JSONL or Parquet download."""
    if format == "json":
        return JSONResponse(data)
    items = data["items"] if isinstance(data, dict) else data
    body, media = render(items, format)
    return Response(body, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="claimgraph-{name}.{format}"'})


def _statements(request: Request, f: Filters, limit: int, offset: int) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        with store_of(request).connection() as conn:
            return facets.statements(conn, f, limit, offset)

    return request.app.state.cache.get(("statements", f, limit, offset), make)  # type: ignore[no-any-return]


def _documents(request: Request, f: Filters, limit: int, offset: int) -> dict[str, Any]:
    def make() -> dict[str, Any]:
        with store_of(request).connection() as conn:
            return facets.documents(conn, f, limit, offset)

    return request.app.state.cache.get(("documents", f, limit, offset), make)  # type: ignore[no-any-return]


# ----------------------------------------------------------------------------- API


@api.get("/entities", summary="People and organisations")
def list_entities(request: Request, q: str | None = Query(None, max_length=200),
                  label: Literal["PER", "ORG"] | None = None,
                  limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
                  format: ListFormat = "json") -> Response:
    """Entities merged across mentions, documents and languages, most quoted first."""
    found = people_of(request).listing(label, q)
    data = {"total": len(found), "limit": limit, "offset": offset, "items": found[offset:offset + limit]}
    return tabular(data, format, "entities")


def _entity(request: Request, name: str, limit: int, offset: int) -> dict[str, Any]:
    found = people_of(request).entity(name)
    if found is None:
        raise HTTPException(404, f"no person or organisation {name!r}")
    return {**found, "n_statements": len(found["statements"]), "offset": offset,
            "statements": found["statements"][offset:offset + limit]}


@api.get("/entities/{name}", summary="An entity", responses={404: {"description": "no such entity"}})
def entity(request: Request, name: str, limit: int = Query(500, ge=1, le=5000),
           offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Aliases, roles, country and sector; its statements (stance, date, outlet, chain; a
    page of ``limit`` from ``offset``, ``n_statements`` in all); who quotes and relays it,
    whom it denies and who denies it (with basis, score, scope), over all its statements."""
    return _entity(request, name, limit, offset)


@api.get("/statements", summary="Statements, filtered and faceted")
def list_statements(request: Request, f: Filters = Depends(filters),  # noqa: B008
                    limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
                    format: ListFormat = "json") -> Response:
    """Who says what, narrowed by date, outlet, outlet country, language, stance, speaker and
    link score, with the facet counts of the whole selection; ``format`` downloads the page."""
    return tabular(_statements(request, f, limit, offset), format, "statements")


@api.get("/documents-facets", summary="Documents, filtered and faceted")
def list_documents(request: Request, f: Filters = Depends(filters),  # noqa: B008
                   limit: int = Query(50, ge=1, le=500), offset: int = Query(0, ge=0),
                   format: ListFormat = "json") -> Response:
    """Documents narrowed by date, outlet, outlet country and language, with facet counts."""
    return tabular(_documents(request, f, limit, offset), format, "documents")


# ----------------------------------------------------------------------------- pages


def _page(request: Request, name: str, **context: Any) -> Response:
    from claimgraph.serve.ui import page

    return page(request, name, **context)


def _query(request: Request, **change: Any) -> str:
    params = {k: v for k, v in request.query_params.items() if v}
    params.update({k: str(v) for k, v in change.items() if v is not None})
    from urllib.parse import urlencode

    return urlencode(params)


@pages.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, q: str = "", label: str = "", offset: int = Query(0, ge=0)) -> Response:
    found = people_of(request).listing(label if label in ("PER", "ORG") else None, q[:200] or None)
    return _page(request, "entities.html", entities=found[offset:offset + 100], total=len(found),
                 offset=offset, q=q, label=label, next_query=_query(request, offset=offset + 100))


@pages.get("/entities/{name}", response_class=HTMLResponse)
def entity_page(request: Request, name: str, offset: int = Query(0, ge=0)) -> Response:
    found = _entity(request, name, 100, offset)
    volume = request.app.state.cache.get(
        ("volume", found["id"]), lambda: charts.volume(people_of(request).entity(name)["statements"]))
    return _page(request, "entity.html", e=found, volume=volume,
                 next_query=_query(request, offset=offset + 100))


@pages.get("/statements", response_class=HTMLResponse)
def statements_page(request: Request, f: Filters = Depends(filters),  # noqa: B008
                    offset: int = Query(0, ge=0)) -> Response:
    data = _statements(request, f, 50, offset)
    return _page(request, "statements.html", data=data, f=f, list_kind="statements",
                 query=_query(request, offset=None), next_query=_query(request, offset=offset + 50),
                 prev_query=_query(request, offset=max(offset - 50, 0)))


@pages.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, f: Filters = Depends(filters),  # noqa: B008
                   offset: int = Query(0, ge=0)) -> Response:
    data = _documents(request, f, 50, offset)
    return _page(request, "documents.html", data=data, f=f, list_kind="documents",
                 query=_query(request, offset=None), next_query=_query(request, offset=offset + 50),
                 prev_query=_query(request, offset=max(offset - 50, 0)))
