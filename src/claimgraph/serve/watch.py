"""`claimgraph watch FEED_URL... --every 15m`: poll RSS/Atom feeds with conditional requests
(ETag / Last-Modified), analyse the entries not seen before, store and link them; the UI's
home page lists what each feed brought on its last poll."""

from __future__ import annotations

import logging
import re
import socket
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from ipaddress import ip_address
from typing import Any
from urllib.parse import urlsplit

import click

from claimgraph.config import Config
from claimgraph.ingest.feed import read_feed
from claimgraph.ingest.url import USER_AGENT, forbidden_reason
from claimgraph.model import Document, Rejected
from claimgraph.store import Store
from claimgraph.store.queries import feeds as fq

log = logging.getLogger(__name__)
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def seconds(every: str) -> float:
    """``90``, ``30s``, ``15m``, ``2h``, ``1d`` -> seconds."""
    m = _EVERY.match(every)
    if not m or float(m.group(1)) <= 0:
        raise click.BadParameter(f"{every!r}: give a duration like 30s, 15m, 2h")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


def check_address(url: str, allow_private: bool) -> None:
    """Refuse a URL whose host resolves to a loopback, private or link-local address (as the
    ingest URL reader does) unless allowed."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.ClickException(f"{url}: only http(s) feed URLs are watched")
    if allow_private:
        return
    for info in socket.getaddrinfo(parts.hostname, parts.port or 443, type=socket.SOCK_STREAM):
        reason = forbidden_reason(ip_address(info[4][0]))
        if reason:
            raise click.ClickException(f"{parts.hostname} is a {reason} address; fetching it is "
                                       "refused (--allow-private to allow)")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *_: Any, **__: Any) -> None:  # a redirect could reach any address
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


def _get(url: str, headers: dict[str, str], timeout: float, limit: int) -> tuple[int, bytes, Any]:
    """(status, body, headers) of a GET; 304 and errors are statuses, not exceptions."""
    try:
        with _OPENER.open(urllib.request.Request(url, headers=headers), timeout=timeout) as resp:
            return resp.status, resp.read(limit + 1), resp.headers
    except urllib.error.HTTPError as exc:
        return exc.code, b"", exc.headers


def poll(store: Store, config: Config, url: str) -> dict[str, Any]:
    """One conditional request; analyse new entries. Returns what happened."""
    with store.connection() as conn:
        state = fq.get(conn, url)
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, */*"}
    if state["etag"]:
        headers["If-None-Match"] = state["etag"]
    if state["last_modified"]:
        headers["If-Modified-Since"] = state["last_modified"]
    check_address(url, bool(config.get("limits.allow_private_addresses", False)))
    status, body, got = _get(url, headers, float(config.get("limits.fetch_timeout", 20.0)), config.max_bytes)
    if status == 304:
        return {"url": url, "status": 304, "new": 0, "rejected": 0}
    if status != 200 or len(body) > config.max_bytes:
        raise click.ClickException(f"HTTP {status}" if status != 200
                                   else f"feed over {config.max_bytes} bytes")
    fetched = datetime.now(UTC).isoformat(timespec="seconds")
    entries = list(read_feed(body, path=None, url=url, content_type=got.get("content-type"),
                             fetched=fetched))
    seen = set(state["seen"])
    fresh = [e for e in entries if (e.origin.record or e.id) not in seen]
    new_ids: list[str] = []
    rejected = 0
    if fresh:
        from claimgraph.run.job import Job
        from claimgraph.run.sinks import Collect, store_sinks

        out = Collect()
        Job(config, [*store_sinks(store, config), out], executor="local").run(fresh)
        new_ids = [d.id for d in out.results if isinstance(d, Document)]
        rejected = sum(1 for d in out.results if isinstance(d, Rejected))
    with store.transaction() as conn:
        fq.save(conn, url, got.get("etag"), got.get("last-modified"),
                [*state["seen"], *[(e.origin.record or e.id) for e in fresh]],
                new_ids if fresh else state["new_documents"])
    return {"url": url, "status": 200, "new": len(new_ids), "rejected": rejected}


@click.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="15m", show_default=True, help="Time between polls: 30s, 15m, 2h.")
@click.option("--once", is_flag=True, help="Poll each feed once and stop.")
@click.option("--polls", type=click.IntRange(1), help="Stop after this many rounds.")
@click.option("--allow-private", is_flag=True, help="Allow feeds on loopback or private addresses.")
@click.pass_context
def watch_cmd(ctx: click.Context, feeds: tuple[str, ...], every: str, once: bool, polls: int | None,
              allow_private: bool) -> None:
    """Poll RSS/Atom feeds (conditional requests), analyse, store and link new entries."""
    from claimgraph.store import StoreError, open_store

    config: Config = ctx.obj["config"]
    if allow_private:
        config.set("limits.allow_private_addresses", True)
    wait = seconds(every)
    rounds = 1 if once else polls
    try:
        store = open_store(config.store_url)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    n = 0
    with store:
        while True:
            for url in feeds:
                try:
                    res = poll(store, config, url)
                except (click.ClickException, OSError) as exc:
                    click.echo(f"{url}: {getattr(exc, 'message', exc)}", err=True)
                    continue
                what = "not modified" if res["status"] == 304 else f"{res['new']} new document(s)"
                click.echo(f"{url}: {what}" + (f", {res['rejected']} rejected" if res["rejected"] else ""))
            n += 1
            if rounds is not None and n >= rounds:
                return
            time.sleep(wait)
