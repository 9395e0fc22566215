"""Submissions analysed in the background: POST /api/jobs (or /api/documents with
``Prefer: respond-async``) answers 202 with a job id; the server's worker task takes queued
jobs from the store (``jobs`` table), runs them through the analysis processes and keeps
the results. Jobs that were running when the server stopped are queued again at start."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from claimgraph.serve.analyze import Busy
from claimgraph.serve.api import Batch, Submission, languages, result_for, store_of, submission_item
from claimgraph.serve.security import require_read, require_write
from claimgraph.store.queries import jobs as jq

log = logging.getLogger(__name__)
api = APIRouter(prefix="/api")


class JobWorker:
    """One asyncio task that analyses queued jobs one at a time (analysis runs in the
    Analyzer's processes, so reads stay fast)."""

    def __init__(self, app: FastAPI, poll: float = 2.0) -> None:
        self.app = app
        self.poll = poll
        self.wake = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    def start(self) -> None:
        with self.app.state.store.transaction() as conn:
            again = jq.requeue(conn)
        if again:
            log.info("%d interrupted job(s) queued again", again)
        self.task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task

    def _claim(self) -> dict[str, Any] | None:
        with self.app.state.store.transaction() as conn:
            return jq.claim_next(conn)

    def _finish(self, job_id: str, result: Any = None, error: str | None = None) -> None:
        with self.app.state.store.transaction() as conn:
            jq.finish(conn, job_id, result, error)
        self.app.state.cache.wrote()

    async def _loop(self) -> None:
        while True:
            job = await asyncio.to_thread(self._claim)
            if job is None:
                self.wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.wake.wait(), timeout=self.poll)
                continue
            await self._run(job)

    async def _run(self, job: dict[str, Any]) -> None:
        state = self.app.state
        try:
            items = [submission_item(Submission.model_validate(s), state.config)
                     for s in job["payload"]["documents"]]
            results = await state.analyzer.analyse(items)
        except Busy:
            with state.store.transaction() as conn:
                jq.requeue(conn, job["id"])
            await asyncio.sleep(1.0)
            return
        except Exception as exc:  # noqa: BLE001 - a failed job records why, the worker goes on
            log.warning("job %s failed: %s", job["id"], exc)
            await asyncio.to_thread(self._finish, job["id"], None, f"{type(exc).__name__}: {exc}")
            return
        result = [result_for(state.views, r).model_dump(mode="json") for r in results]
        await asyncio.to_thread(self._finish, job["id"], result)


def enqueue(request: Request, subs: list[Submission]) -> JSONResponse:
    """Queue submissions; 202 with the job's id and where to follow it."""
    config = request.app.state.config
    for sub in subs:
        languages(config, sub.language)
    with store_of(request).transaction() as conn:
        job_id = jq.enqueue(conn, {"documents": [s.model_dump(exclude_none=True) for s in subs]})
    request.app.state.jobs.wake.set()
    href = f"/api/jobs/{job_id}"
    return JSONResponse({"id": job_id, "status": "queued", "links": {"self": href}}, status_code=202,
                        headers={"Location": href})


@api.post("/jobs", status_code=202, dependencies=[Depends(require_write)], summary="Queue articles",
          responses={202: {"description": "queued: follow links.self"}})
async def post_job(request: Request) -> JSONResponse:
    """Queue one article (a Submission) or several (``{"documents": [...]}``) for analysis in
    the background; the job survives a server restart."""
    body = await request.body()
    try:
        raw = json.loads(body or b"{}")
    except ValueError:
        raise HTTPException(422, "the body must be JSON: a submission or {\"documents\": [...]}") from None
    try:
        many = isinstance(raw, dict) and "documents" in raw
        subs = Batch.model_validate(raw).documents if many else [Submission.model_validate(raw)]
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        return JSONResponse({"detail": errors}, status_code=422)
    limit = request.app.state.settings.max_batch
    if not 0 < len(subs) <= limit:
        raise HTTPException(422, f"send between 1 and {limit} documents")
    return enqueue(request, subs)


@api.get("/jobs/{job_id}", dependencies=[Depends(require_read)], summary="A job",
         responses={404: {"description": "no such job"}})
def get_job(request: Request, job_id: str) -> dict[str, Any]:
    """A job's status (queued, running, done, failed) and, once done, its results."""
    with store_of(request).connection() as conn:
        found = jq.get(conn, job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id!r}")
    return found
