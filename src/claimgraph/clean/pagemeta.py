"""Page metadata from <head> and JSON-LD: URL, site name, publisher, authors, dates.

Every value keeps the place it was read from (``evidence``), e.g. ``link[rel=canonical]``,
``meta og:site_name`` or ``json-ld NewsArticle.datePublished``. The first source in the order
of each field's list wins.
"""

from __future__ import annotations

import json
from typing import Any

from claimgraph.model import PageMeta

#: field -> meta names/properties, in order of preference
META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "published": ("article:published_time", "datepublished", "dc.date", "dc.date.issued",
                  "date", "pubdate", "og:published_time", "publish-date", "sailthru.date",
                  "parsely-pub-date"),
    "modified": ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified",
                 "last-modified", "lastmod"),
    "author": ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author"),
    "site": ("og:site_name", "application-name", "twitter:site", "publisher", "dc.publisher"),
    "url": ("og:url", "twitter:url"),
}
_ARTICLE_TYPES = ("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "blogposting", "liveblogposting", "report", "webpage",
                  "scholarlyarticle", "techarticle", "backgroundnewsarticle")
_ORG_TYPES = ("organization", "newsmediaorganization", "corporation", "website")


def _types(obj: dict[str, Any]) -> list[str]:
    typ = obj.get("@type") or []
    return [t.lower() for t in (typ if isinstance(typ, list) else [typ]) if isinstance(t, str)]


def _walk(data: Any) -> list[dict[str, Any]]:
    """Every JSON-LD object of a script (lists and @graph flattened)."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
    return out


def _names(value: Any) -> list[str]:
    """Names of an author/publisher value: a string, an object with a name, or a list."""
    items = value if isinstance(value, list) else [value]
    names = []
    for it in items:
        name = it.get("name") if isinstance(it, dict) else it
        if isinstance(name, str) and name.strip() and not name.strip().startswith("http"):
            names.append(" ".join(name.split()))
    return names


def _set(meta: PageMeta, field: str, value: Any, evidence: str) -> None:
    if field in ("site", "publisher") and isinstance(value, str) and value.startswith("http"):
        return  # a URL given as a name names nothing
    if value and getattr(meta, field) in (None, []):
        setattr(meta, field, value)
        meta.evidence[field] = evidence


def read_page_meta(tree: Any, url: str | None = None) -> PageMeta:
    """Metadata of the parsed page ``tree``; ``url`` is the input's own URL, if any."""
    meta = PageMeta()
    head_meta: dict[str, tuple[str, str]] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        content = " ".join((el.get("content") or "").split())
        if key and content and key not in head_meta:
            head_meta[key] = (content, f"meta {key}")
    canonical = None
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and (el.get("href") or "").startswith("http"):
            canonical = el.get("href").strip()
            break
    _set(meta, "url", canonical, "link[rel=canonical]")
    for el in tree.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
            continue
        for obj in _walk(data):
            types = _types(obj)
            if any(t in _ARTICLE_TYPES for t in types):
                kind = types[0]
                _set(meta, "published", obj.get("datePublished"), f"json-ld {kind}.datePublished")
                _set(meta, "modified", obj.get("dateModified"), f"json-ld {kind}.dateModified")
                _set(meta, "authors", _names(obj.get("author")), f"json-ld {kind}.author")
                pub = _names(obj.get("publisher"))
                _set(meta, "publisher", pub[0] if pub else None, f"json-ld {kind}.publisher")
                _set(meta, "title", obj.get("headline"), f"json-ld {kind}.headline")
            elif any(t in _ORG_TYPES for t in types) and isinstance(obj.get("name"), str):
                field = "site" if "website" in types else "publisher"
                _set(meta, field, " ".join(obj["name"].split()), f"json-ld {types[0]}.name")
    for field, keys in META_KEYS.items():
        for key in keys:
            if key in head_meta:
                value, ev = head_meta[key]
                if field == "author":
                    _set(meta, "authors", [value], ev)
                elif field == "site" and key == "twitter:site":
                    _set(meta, field, value.lstrip("@"), ev)
                elif field == "url" and not value.startswith("http"):
                    continue
                else:
                    _set(meta, field, value, ev)
                break
    if meta.title is None:
        title = tree.findtext(".//head/title")
        if title and title.strip():
            _set(meta, "title", " ".join(title.split()), "head title")
    _set(meta, "url", url, "input URL")
    return meta
