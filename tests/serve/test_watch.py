"""`claimgraph watch`: a feed served on 127.0.0.1 is polled with conditional requests; new
entries are analysed by the real pipeline and stored, an unchanged feed (304) analyses
nothing, a new entry is picked up, and the home page lists what the feed brought."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from tests.serve_support import live_server

from claimgraph.cli import main
from claimgraph.serve.watch import seconds
from claimgraph.store import open_store

ITEM = """<item><title>{title}</title><link>https://gazette.example/{slug}</link><guid>{slug}</guid>
<description>{body}</description></item>"""
ENTRIES = [
    ("Le port rouvre", "port", "Le directeur du port, Henri Valcourt, a annoncé lundi que le port rouvrirait "
     "mercredi. « Les quais sont sûrs », a-t-il déclaré."),
    ("Le syndicat dément", "syndicat", "La secrétaire du syndicat, Odile Brun, a démenti mardi tout accord "
     "avec la direction du port."),
    ("La mairie répond", "mairie", "Le maire, Louis Arnaud, a affirmé jeudi que la mairie soutiendrait "
     "les dockers."),
]


class Feed:
    def __init__(self) -> None:
        self.entries = ENTRIES[:2]
        self.requests: list[dict[str, str]] = []

    def body(self) -> bytes:
        items = "".join(ITEM.format(title=t, slug=s, body=b) for t, s, b in self.entries)
        return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Gazette</title>'
                f"<link>https://gazette.example/</link>{items}</channel></rss>").encode()


@pytest.fixture
def feed() -> Iterator[tuple[str, Feed]]:
    state = Feed()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(dict(self.headers))
            body = state.body()
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.rss", state
    server.shutdown()


def test_watch_polls_conditionally_and_analyses_new_entries(tmp_path: Path, feed: tuple[str, Feed]) -> None:
    url, state = feed
    db = str(tmp_path / "claimgraph.db")
    run = CliRunner()
    refused = run.invoke(main, ["--db", db, "watch", url, "--once"])
    assert "refused" in refused.output and not state.requests  # loopback needs --allow-private
    first = run.invoke(main, ["--db", db, "watch", url, "--once", "--allow-private"])
    assert first.exit_code == 0, first.output
    assert f"{url}: 2 new document(s)" in first.output
    again = run.invoke(main, ["--db", db, "watch", url, "--once", "--allow-private"])
    assert f"{url}: not modified" in again.output
    assert state.requests[-1].get("If-None-Match")
    state.entries = ENTRIES
    third = run.invoke(main, ["--db", db, "watch", url, "--every", "1s", "--polls", "1", "--allow-private"])
    assert f"{url}: 1 new document(s)" in third.output, third.output
    with open_store(db) as store:
        titles = sorted(d.title or "" for d in store.documents())
        assert titles == sorted(t for t, _, _ in ENTRIES)
        assert all(d.attributions for d in store.documents())
    with live_server(db, warm=False) as base:
        home = httpx.get(base + "/").text
    assert "New from watched feeds" in home and "La mairie répond" in home and url in home


def test_intervals() -> None:
    assert [seconds(x) for x in ("90", "30s", "15m", "2h", "1d")] == [90, 30, 900, 7200, 86400]
    for bad in ("", "0", "soon", "-5m"):
        with pytest.raises(Exception, match="duration"):
            seconds(bad)
