"""Main text and metadata from HTML with trafilatura.

The page is parsed once. Common metadata (Open Graph / article meta tags, <title>) is read
directly from <head>; trafilatura's slower metadata search only runs when those are missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from claimgraph.errors import RejectedInput

_META = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "date": ("article:published_time", "datepublished", "dc.date", "date", "pubdate",
             "og:published_time", "publish-date", "sailthru.date"),
    "author": ("author", "article:author", "dc.creator", "byl"),
    "site": ("og:site_name", "application-name"),
}


@dataclass
class Extracted:
    text: str
    title: str | None
    author: str | None
    site: str | None
    date: str | None
    #: evidence from the page for the line filters (normalised texts)
    links: frozenset[str] = frozenset()  # texts of the page's links
    figures: frozenset[str] = frozenset()  # figure captions and image alt/title texts


_WS = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip().lower()


def _page_evidence(tree: Any) -> tuple[frozenset[str], frozenset[str]]:
    """Link texts and figure texts of the page, read before the extractor prunes the tree."""
    links = set()
    for a in tree.iter("a"):
        text = _norm("".join(a.itertext()))
        if text:
            links.add(text)
    figures = set()
    for el in tree.iter("figcaption"):
        text = _norm("".join(el.itertext()))
        if len(text) > 3:
            figures.add(text)
    return frozenset(links), frozenset(figures)


def _head_meta(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    keys = {k: field for field, names in _META.items() for k in names}
    for el in tree.iterfind(".//head/meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        field = keys.get(key)
        content = (el.get("content") or "").strip()
        if field and content and field not in found:
            found[field] = content
    if "title" not in found:
        title = tree.findtext(".//head/title")
        if title and title.strip():
            found["title"] = title.strip()
    return found


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract the article body (one paragraph per line) and its metadata."""
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
        if tree is None:  # a lone fragment such as "<p>...</p>": give it a document around it
            tree = load_html(f"<html><body>{html}</body></html>")
        if tree is None:
            raise ValueError("not an HTML document")
        meta = _head_meta(tree)
        links, figures = _page_evidence(tree)
        if "title" not in meta or "date" not in meta:
            full = extract_metadata(tree, default_url=url, extensive=False)
            for field, value in (("title", full.title), ("date", full.date),
                                 ("author", full.author), ("site", full.sitename)):
                if value and field not in meta:
                    meta[field] = value
        res = trafilatura.bare_extraction(
            tree, url=url, include_comments=False, include_tables=True, include_images=False,
            deduplicate=False)
    except Exception as exc:  # trafilatura and lxml raise many kinds on bad markup
        raise RejectedInput("unparseable", f"HTML could not be parsed: {exc}") from exc
    if res is None or not (res.text or "").strip():
        raise RejectedInput("empty", "no article text found in the HTML (only markup or scripts?)")
    return Extracted(text=res.text, title=meta.get("title"), author=meta.get("author"),
                     site=meta.get("site"), date=meta.get("date"), links=links, figures=figures)
