"""Helpers for the server tests: a real uvicorn server in a thread, a PostgreSQL database
that lives as long as a test module, and hostile article text."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn

from claimgraph.config import Config
from claimgraph.serve import create_app

TOKEN = "test-token-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def live_server(store_url: str, warm: bool = True, **settings: Any) -> Iterator[str]:
    """Serve claimgraph over ``store_url`` on 127.0.0.1 (a free port); yields the base URL."""
    config = Config.load(overrides={"store.url": store_url, "serve.token": TOKEN,
                                    **{f"serve.{k}": v for k, v in settings.items()}})
    app = create_app(config, warm=warm)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=5))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def pg_database(base_url: str) -> Iterator[str]:
    """A PostgreSQL database for the lifetime of the block (created from ``base_url``)."""
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(base_url)
    conninfo = base.set(drivername="postgresql").render_as_string(hide_password=False)
    name = f"claimgraph_s_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(conninfo, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(conninfo, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


#: Markup as article *text*: shown to readers, never run. Each payload sets window.__pwned.
PAYLOADS = [
    "<script>window.__pwned = 1</script>",
    '<img src="x" onerror="window.__pwned = 2">',
    '<a href="javascript:window.__pwned = 3">lien</a>',
    '<svg onload="window.__pwned = 4"><script>window.__pwned = 5</script></svg>',
]

HOSTILE_TEXT = (
    "Le ministre rejette les accusations\n\n"
    "Le ministre des Affaires étrangères a déclaré lundi que les informations publiées par le "
    f"journal étaient fausses. {PAYLOADS[0]} Selon l'agence, le gouvernement n'envisage aucune "
    f"réduction de ses effectifs. {PAYLOADS[1]}\n\n"
    f"\"Il n'y a rien de vrai dans ce rapport {PAYLOADS[2]}\", a affirmé le porte-parole du "
    f"ministère, cité par l'agence. {PAYLOADS[3]} Le journal maintient ses informations.\n"
)


def hostile_html() -> str:
    """An HTML page whose text holds markup (escaped in the page) and live hostile markup."""
    from html import escape

    paras = "".join(f"<p>{escape(p)}</p>" for p in HOSTILE_TEXT.split("\n\n")[1:])
    return (
        "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
        f"<title>{escape(PAYLOADS[0])} Le ministre rejette les accusations</title>"
        "<script>window.__pwned = 6</script></head><body>"
        "<article><h1>Le ministre rejette les accusations</h1>"
        f"{paras}"
        "<p onclick=\"window.__pwned = 7\">Le porte-parole a ajouté que le gouvernement répondra "
        "devant le parlement la semaine prochaine, selon un communiqué du ministère.</p>"
        "<svg><script>window.__pwned = 8</script></svg>"
        "<a href=\"javascript:window.__pwned = 9\">Lire aussi</a>"
        "</article></body></html>"
    )
