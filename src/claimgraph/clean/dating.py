"""Publication dates of documents that carry none in their metadata.

Tried in order, the first that gives a date wins:

1. a date printed in the head of the article (its first ``head_chars`` characters): an
   ISO date ("2020-04-21", "2019-05"), a numeric date with a four-digit year
   ("3.5.2020", "21/04/2020", day first), or a full date with a month name of the
   document's language (``data/<lang>/dates.toml``: "21 April 2020", "May 2, 2019",
   "1er mai 2020");
2. the URL path: ``/2020/04/21/``, ``/2020-04-21``, ``/20200421``, ``/2019/05/`` (month);
3. a relative day word next to a date ("hier, lundi 3 juin") with year evidence in the
   document (``lang.dates.infer_published``).

Otherwise the document stays undated: a run never dates a document by when it ran.
Month-only dates stay ``YYYY-MM``.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from claimgraph.lang.dates import calendar, infer_published
from claimgraph.lang.loader import LanguageDataError
from claimgraph.model import Published, Span

HEAD_CHARS = 400
_ISO = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?(?![\d])")
_NUMERIC = re.compile(r"(?<![\d.])([0-3]?\d)[./]([01]?\d)[./]((?:19|20)\d\d)(?!\d)")
_URL_DMY = [
    re.compile(r"/((?:19|20)\d\d)[/-](0[1-9]|1[0-2])[/-](0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(r"[/-]((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(r"[/-]((?:19|20)\d\d)(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(r"(?<![\d])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\d{6}(?!\d)|\D|$)"),
    re.compile(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])(?=[/-])()"),
]


def _valid(y: int, m: int, d: int | None) -> str | None:
    try:
        return dt.date(y, m, d).isoformat() if d else f"{y:04d}-{m:02d}"
    except ValueError:
        return None


@cache
def _month_pattern(lang: str) -> re.Pattern[str] | None:
    try:
        months = calendar(lang).months
    except (LanguageDataError, FileNotFoundError, KeyError):
        return None
    alt = "|".join(sorted((re.escape(m) for m in months), key=len, reverse=True))
    return re.compile(
        rf"(?<!\w)(?:(?P<d1>[0-3]?\d)(?:er|st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<m1>{alt})\.?"
        rf"(?:\s+de)?,?\s+(?P<y1>(?:19|20)\d\d)"
        rf"|(?P<m2>{alt})\.?\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))(?!\d)",
        re.IGNORECASE)


def head_date(text: str, lang: str | None, head: int = HEAD_CHARS) -> tuple[str, int, int] | None:
    """(date, start, end) of the first date printed in the head of ``text``."""
    part = text[:head]
    found: list[tuple[int, int, str]] = []
    for m in _ISO.finditer(part):
        iso = _valid(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _NUMERIC.finditer(part):
        iso = _valid(int(m[3]), int(m[2]), int(m[1]))
        if iso:
            found.append((m.start(), m.end(), iso))
    pat = _month_pattern(lang) if lang else None
    if pat is not None:
        months = calendar(lang).months  # type: ignore[arg-type]
        for m in pat.finditer(part):
            g = m.groupdict()
            month = months.index((g["m1"] or g["m2"]).lower()) + 1
            iso = _valid(int(g["y1"] or g["y2"]), month, int(g["d1"] or g["d2"]))
            if iso:
                found.append((m.start(), m.end(), iso))
    if not found:
        return None
    start, end, iso = min(found)
    return iso, start, end


def url_date(url: str | None) -> str | None:
    """The date in a URL path, day precision first, else the month."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pat in _URL_DMY:
        m = pat.search(path)
        if m:
            iso = _valid(int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
            if iso:
                return iso
    return None


def infer(text: str, lang: str | None, url: str | None, raw_lines: str = "") -> Published | None:
    """The publication date of a document without metadata date, or None (undated)."""
    got = head_date(text, lang)
    if got is not None:
        iso, s, e = got
        return Published(date=iso, source="text", evidence=Span(start=s, end=e, text=text[s:e]),
                         note="date printed in the head of the article")
    if raw_lines:  # a date line the cleaning removed ("date 2020-04-21", "Posted on ...")
        got = head_date(raw_lines, lang)
        if got is not None:
            return Published(date=got[0], source="text", note=f"removed line: {got[0]}")
    iso = url_date(url)
    if iso:
        return Published(date=iso, source="url", note="date in the URL path")
    if lang:
        try:
            return infer_published(text, lang, raw_lines)
        except (LanguageDataError, FileNotFoundError):
            return None
    return None
