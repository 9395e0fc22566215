"""RSS and Atom feeds: each entry with content or a summary becomes a document (HTML if tagged)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import feedparser

from claimgraph.errors import RejectedInput
from claimgraph.ingest.document import Result, rejected
from claimgraph.ingest.meta import check_text, clean_meta, clean_url
from claimgraph.model import Document, Origin, content_id

_TAG = re.compile(r"<[A-Za-z!/]")
# Character references to UTF-16 surrogates (&#xD800; &#55296;): not characters, and the feed
# parser fails on the whole feed with them; they are read as U+FFFD, as HTML parsers do.
_SURROGATE_REF = re.compile(rb"&#(?:[xX]0*[dD][89a-fA-F][0-9a-fA-F]{2}|0*5[5-7]\d{3});")


def _no_surrogate_refs(data: bytes) -> bytes:
    def repl(match: re.Match[bytes]) -> bytes:
        ref = match.group(0)[2:-1]
        code = int(ref[1:], 16) if ref[:1] in (b"x", b"X") else int(ref)
        return b"&#xFFFD;" if 0xD800 <= code <= 0xDFFF else match.group(0)

    return _SURROGATE_REF.sub(repl, data) if b"&#" in data else data


def _iso(parsed: time.struct_time | None) -> str | None:
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=UTC).isoformat()


def _is_html(body: str, media: str) -> bool:
    """HTML unless declared plain or free of tags (a bare summary sentence)."""
    return media != "text/plain" and _TAG.search(body) is not None


def _body(entry: Any) -> tuple[str, str]:
    """The entry's fullest HTML (or text) and its media type."""
    contents = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    contents.sort(key=lambda c: "html" not in (c.get("type") or ""))
    if contents:
        return contents[0]["value"], contents[0].get("type") or "text/html"
    summary = entry.get("summary") or ""
    detail = entry.get("summary_detail") or {}
    return summary, detail.get("type") or "text/html"


def _meta(entry: Any, feed_title: str | None) -> dict[str, Any]:
    # The feed's title goes to "feed_title", not "outlet": titles like "World news | Daily X"
    # would override the outlet the cleaner finds from the entry link's domain.
    meta: dict[str, Any] = {}
    if feed_title:
        meta["feed_title"] = feed_title
    published = _iso(entry.get("published_parsed") or entry.get("updated_parsed"))
    published = published or entry.get("published") or entry.get("updated")
    if published:
        meta["published"] = published
    for key in ("title", "author"):
        if entry.get(key):
            meta[key] = entry[key]
    if entry.get("id"):
        meta["entry_id"] = entry["id"]
    tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
    if tags:
        meta["tags"] = tags
    return meta


def read_feed(
    data: bytes,
    *,
    path: str | None,
    url: str | None = None,
    content_type: str | None = None,
    fetched: str | None = None,
) -> Iterator[Result]:
    """One Document per entry; ``url`` is where the feed was fetched from, if anywhere."""
    headers = {"content-type": content_type} if content_type else {}
    where = Origin(kind="feed", path=path, url=url, fetched=fetched)
    try:
        parsed = feedparser.parse(_no_surrogate_refs(data), response_headers=headers,
                                  resolve_relative_uris=True)
    except Exception as exc:  # noqa: BLE001 - a parser failure rejects this feed only
        yield rejected("unparseable", f"not a readable RSS/Atom feed: {exc}", where, data)
        return
    if not parsed.entries:
        if parsed.bozo and not parsed.version:
            detail = f"not a readable RSS/Atom feed: {parsed.get('bozo_exception')}"
            yield rejected("unparseable", detail, where, data)
        elif not parsed.version:
            yield rejected("unparseable", "no RSS/Atom feed element found", where, data)
        else:
            yield rejected("empty", "the feed has no entries", where, data)
        return
    feed_title = parsed.feed.get("title")
    for number, entry in enumerate(parsed.entries, 1):
        record = str(entry.get("id") or entry.get("link") or number)
        origin = Origin(kind="feed", path=path, url=url, record=record, fetched=fetched)
        spec = f"{path or url}#{record}"
        try:
            yield _entry(entry, number, record, origin, feed_title, spec)
        except RejectedInput as exc:
            yield rejected(exc.reason, exc.detail, origin, spec=spec)
        except Exception as exc:  # noqa: BLE001 - one bad entry never stops the feed
            yield rejected("error", f"feed entry {number}: {type(exc).__name__}: {exc}",
                           origin, spec=spec)


def _entry(entry: Any, number: int, record: str, origin: Origin, feed_title: str | None,
           spec: str) -> Result:
    body, media = _body(entry)
    if not body.strip():
        detail = f"feed entry {number} ({record}) has no content or summary"
        return rejected("empty", detail, origin, spec=spec)
    check_text(body, f"feed entry {number}")
    html = _is_html(body, media)
    meta, warnings = clean_meta(_meta(entry, feed_title))
    return Document(
        id=content_id(body),
        origin=origin,
        url=clean_url(entry.get("link"), warnings),
        content_type="text/html" if html else "text/plain",
        # Entry content is a fragment: give the cleaner a whole document.
        raw=f"<html><body>{body}</body></html>" if html else body,
        meta=meta,
        warnings=warnings,
    )
