"""Main text and metadata from HTML with trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

from claimgraph.errors import RejectedInput


@dataclass
class Extracted:
    text: str
    title: str | None
    author: str | None
    site: str | None
    date: str | None


def extract_html(html: str, url: str | None = None) -> Extracted:
    """Extract the article body (one paragraph per line) and its metadata."""
    import trafilatura

    try:
        res = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, favor_precision=False, deduplicate=False)
    except Exception as exc:
        raise RejectedInput("unparseable", f"HTML could not be parsed: {exc}") from exc
    if res is None or not (res.text or "").strip():
        raise RejectedInput("empty", "no article text found in the HTML (only markup or scripts?)")
    return Extracted(text=res.text, title=res.title, author=res.author, site=res.sitename,
                     date=res.date)
