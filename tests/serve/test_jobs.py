"""Background analysis: POST /api/jobs (and Prefer: respond-async) answers 202 with a job id;
the worker analyses it with the real pipeline; a job left running by a stopped server is
queued again and done after a restart."""

from __future__ import annotations

import time

import httpx
import pytest
from tests.serve_support import TOKEN, live_server

from claimgraph.store import open_store
from claimgraph.store.queries import jobs as jq

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = ("Le maire de Brelonne dément la fermeture de l'hôpital\n\n"
        "Le maire de Brelonne, Jules Tavernier, a démenti mardi que l'hôpital fermerait en juin. "
        "« Aucune décision n'a été prise », a-t-il déclaré.")


def _wait(client: httpx.Client, job_id: str, timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.5)
    pytest.fail(f"job {job_id} not done after {timeout} s")


def test_jobs_are_queued_analysed_and_survive_a_restart(tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "claimgraph.db")
    with open_store(db) as store, store.transaction() as conn:  # a server stopped mid-job
        interrupted = jq.enqueue(conn, {"documents": [{"text": TEXT.replace("mardi", "lundi")}]})
        assert jq.claim_next(conn)["id"] == interrupted  # type: ignore[index]
    with live_server(db, warm=False) as url, httpx.Client(base_url=url, timeout=60) as c:
        assert c.post("/api/jobs", json={"text": TEXT}).status_code == 401
        r = c.post("/api/jobs", headers=AUTH, json={"text": TEXT})
        assert r.status_code == 202, r.text
        job_id = r.json()["id"]
        assert r.headers["location"] == f"/api/jobs/{job_id}"
        assert c.post("/api/jobs", headers=AUTH, json={"text": TEXT, "language": "xx"}).status_code == 422
        r = c.post("/api/documents", headers={**AUTH, "Prefer": "respond-async"},
                   json={"text": TEXT.replace("juin", "juillet")})
        assert r.status_code == 202
        prefer_id = r.json()["id"]
        done = [_wait(c, j) for j in (interrupted, job_id, prefer_id)]
        assert [j["status"] for j in done] == ["done"] * 3, done
        for job in done:
            (result,) = job["result"]
            assert result["status"] == "analysed" and result["counts"]["attributions"] >= 1
            assert c.get(result["links"]["self"]).status_code == 200
        assert c.get("/api/jobs/nope").status_code == 404
