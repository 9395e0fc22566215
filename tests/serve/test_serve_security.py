"""Form posts need the CSRF pair and the token; protected reads need a login or the token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.serve_support import TOKEN, live_server

from claimgraph.serve.ui import local_path, safe_href


def _csrf(client: httpx.Client, path: str = "/submit") -> str:
    page = client.get(path)
    assert page.status_code == 200
    match = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', page.text)
    assert match, "the form carries a CSRF token"
    return match.group(1)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with live_server(str(tmp_path_factory.mktemp("sec") / "c.db"), warm=False) as url:
        yield url


@pytest.fixture(scope="module")
def protected(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("prot") / "c.db"
    with live_server(str(db), warm=False, protect_reads=True) as url:
        yield url


def test_form_post_without_csrf_is_refused(base: str) -> None:
    form = {"text": "Le ministre a déclaré que tout allait bien dans le pays.", "token": TOKEN}
    with httpx.Client(base_url=base) as c:
        assert c.post("/submit", data=form).status_code == 403  # no cookie, no field
        token = _csrf(c)
        assert c.post("/submit", data={**form, "csrf_token": "0" * 64}).status_code == 403
        # the right field with another browser's cookie
        with httpx.Client(base_url=base) as other:
            assert other.post("/submit", data={**form, "csrf_token": token}).status_code == 403
        # the right pair, posted from another site
        r = c.post("/submit", data={**form, "csrf_token": token},
                   headers={"Origin": "http://evil.example"})
        assert r.status_code == 403
        # the right pair with a wrong token: no analysis, no login cookie
        r = c.post("/submit", data={**form, "csrf_token": token, "token": "nope"})
        assert r.status_code == 401 and "cg_auth" not in r.cookies
        r = c.post("/login", data={"token": TOKEN})
        assert r.status_code == 403


def test_form_submission_with_csrf_and_token(base: str, tmp_path: Path) -> None:
    text = ("Le ministre rejette le rapport\n\nLe ministre des Affaires étrangères a déclaré lundi "
            "que le rapport publié par le journal était faux, selon l'agence de presse.")
    with httpx.Client(base_url=base, timeout=120) as c:
        token = _csrf(c)
        r = c.post("/submit", data={"text": text, "token": TOKEN, "csrf_token": token, "language": "fr"})
        assert r.status_code == 303, r.text
        assert r.headers["location"].startswith("/documents/")
        assert "cg_auth" in r.cookies  # later posts from this browser need no token field
        page = c.get(r.headers["location"])
        assert "Le ministre rejette le rapport" in page.text
        # an upload, now logged in
        path = tmp_path / "a.html"
        path.write_text(f"<html><body><article><h1>Titre</h1><p>{text}</p></article></body></html>")
        with path.open("rb") as fh:
            r = c.post("/submit", data={"csrf_token": _csrf(c)}, files={"file": ("a.html", fh, "text/html")})
        assert r.status_code == 303, r.text
        r = c.post("/submit", data={"csrf_token": _csrf(c), "url": "javascript:alert(1)"})
        assert r.status_code == 422 and "http://" in r.text


def test_protected_reads(protected: str) -> None:
    with httpx.Client(base_url=protected) as c:
        assert c.get("/api/documents").status_code == 401
        assert c.get("/api/documents", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
        r = c.get("/search?q=x")
        assert r.status_code == 303 and r.headers["location"] == "/login?next=%2Fsearch%3Fq%3Dx"
        assert c.get("/api/health").status_code == 200
        token = _csrf(c, "/login")
        r = c.post("/login", data={"token": "wrong", "csrf_token": token, "next": "/search"})
        assert r.status_code == 401
        r = c.post("/login", data={"token": TOKEN, "csrf_token": token, "next": "//evil.example/"})
        assert r.status_code == 303 and r.headers["location"] == "/"
        assert c.get("/search?q=x").status_code == 200
        assert c.get("/api/documents").status_code == 200  # the login cookie reads the API too
        # a forged login cookie is worth nothing
    with httpx.Client(base_url=protected, cookies={"cg_auth": "ok.forged.value"}) as c:
        assert c.get("/api/documents").status_code == 401


def test_redirect_and_link_helpers() -> None:
    assert local_path("/documents/abc") == "/documents/abc"
    for bad in ("//evil.example", "http://evil.example/", "/\\evil", "", None, "javascript:x"):
        assert local_path(bad) == "/"
    assert safe_href("https://example.org/a") == "https://example.org/a"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "/relative", "http:/x"):
        assert safe_href(bad) is None
