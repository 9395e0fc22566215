"""Date mentions in a sentence, resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from claimgraph.events.lexicon import Lexicon


@dataclass(frozen=True)
class DateHit:
    start: int  # character offsets in the sentence's document text
    end: int
    text: str
    date: str | None  # ISO date, "YYYY-MM" or "YYYY"


@lru_cache(maxsize=8)
def _patterns(lang: str, weekdays: tuple[str, ...], months: tuple[str, ...],
              relative: tuple[str, ...]) -> re.Pattern[str]:
    wd = "|".join(weekdays)
    mo = "|".join(months)
    rel = "|".join(re.escape(r) for r in sorted(relative, key=len, reverse=True))
    parts = [
        rf"(?:(?:{wd})\s+)?(?:\d{{1,2}}|1er)\s+(?:{mo})(?:\s+(?:19|20)\d\d)?",
        rf"(?:{mo})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?",
        rf"(?:fin|début|mi|mid|early|late|end of)[\s-]+(?:{mo})(?:\s+(?:19|20)\d\d)?",
        rf"(?:last|next|this)\s+(?:{mo}|{wd})",
        rf"(?:{mo})\s+(?:19|20)\d\d",
        rf"(?:{wd})(?:\s+(?:dernier|prochain|soir|matin|night|morning|evening))?",
        rf"(?:en|in|since|depuis)\s+(?:{mo}|(?:19|20)\d\d)",
    ]
    if rel:
        parts.insert(0, rel)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _last_weekday(base: dt.date, index: int) -> dt.date:
    return base - dt.timedelta(days=(base.weekday() - index) % 7)


def resolve(text: str, lex: Lexicon, base: dt.date | None) -> str | None:
    """ISO date (or year-month / year) of a date expression, relative to ``base``."""
    low = text.lower().strip()
    low = re.sub(r"^(?:en|in|since|depuis|on|le|la)\s+", "", low)
    if base is not None and re.search(r"\b(année|an|year|mois|month)\b", low):
        last = re.search(r"\b(dernier|dernière|last|previous|précédent)\b", low)
        if re.search(r"\b(année|an|year)\b", low):
            return str(base.year - 1 if last else base.year)
        first = dt.date(base.year, base.month, 1)
        if last:
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return f"{first.year}-{first.month:02d}"
    year_m = re.search(r"\b(19|20)\d\d\b", low)
    day_m = re.search(r"\b(\d{1,2})(?:er|st|nd|rd|th)?\b(?!\d)", low.replace(year_m.group(0), "")
                      if year_m else low)
    month = next((i + 1 for i, m in enumerate(lex.months) if re.search(rf"\b{m}\b", low)), None)
    weekday = next((i for i, w in enumerate(lex.weekdays) if re.search(rf"\b{w}\b", low)), None)
    if month is None and weekday is not None and base is not None and not day_m:
        if re.search(r"\b(prochain|next)\b", low):
            return (base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)).isoformat()
        return _last_weekday(base, weekday).isoformat()
    if month is not None and not day_m:
        if year_m:
            return f"{year_m.group(0)}-{month:02d}"
        if base is not None:
            year = base.year if month <= base.month else base.year - 1
            return f"{year}-{month:02d}"
        return None
    if month is None and year_m and not day_m:
        return year_m.group(0)
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return None
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text, languages=[lex.lang], settings=settings)
    return parsed.date().isoformat() if parsed else None


def find_dates(text: str, offset: int, lex: Lexicon, base: dt.date | None) -> list[DateHit]:
    """Date expressions in ``text`` (a sentence starting at ``offset`` in the document)."""
    pat = _patterns(lex.lang, tuple(lex.weekdays), tuple(lex.months), tuple(lex.relative_dates))
    hits: list[DateHit] = []
    for m in pat.finditer(text.replace("’", "'")):
        hits.append(DateHit(offset + m.start(), offset + m.end(), text[m.start():m.end()],
                            resolve(m.group(0), lex, base)))
    return hits


def parse_published(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
