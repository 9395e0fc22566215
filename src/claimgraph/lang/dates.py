"""The date resolver: every date word comes from ``data/<lang>/dates.toml``.

Three readings share one calendar per language:

* ``infer_published``: the publication date from the text, when unambiguous ("hier, lundi 3
  juin" in an article that mentions 2019 elsewhere, June 3 being a Monday in 2019, means
  2019-06-04); used by the clean stage.
* ``token_dates``: date mentions in a statement's tokens ("lundi", "hier", "last week", "lundi 3
  juin"), resolved against the publication date with weekday arithmetic; used by attribution.
* ``text_dates``: date expressions in an event sentence, resolved against the publication date
  (``resolve``, with dateparser for explicit dates); used by events.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from claimgraph.lang.loader import load
from claimgraph.model import Published, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Calendar:
    """The date words of one language (lower-case)."""

    lang: str
    weekdays: tuple[str, ...]  # Monday first
    months: tuple[str, ...]  # January first
    published_days: dict[str, int]  # words dating the article: "hier" -> -1
    relative_days: dict[str, int]  # words in statements: "demain" -> 1
    relative_units: dict[str, tuple[str, int]]  # "la semaine dernière" -> ("week", -1)
    future: frozenset[str]  # "lundi prochain"
    past: frozenset[str]  # "lundi dernier"
    event_phrases: tuple[str, ...]  # relative expressions in event sentences

    def weekday(self, word: str) -> int | None:
        """0 for Monday ... 6 for Sunday."""
        low = word.lower()
        return self.weekdays.index(low) if low in self.weekdays else None

    def month(self, word: str) -> int | None:
        """1 for January ... 12 for December."""
        low = word.lower()
        return self.months.index(low) + 1 if low in self.months else None


@cache
def calendar(lang: str) -> Calendar:
    """The calendar of ``lang`` (LanguageDataError for a language without data)."""
    data = load(lang, "dates")
    st = data.statements
    return Calendar(
        lang=lang,
        weekdays=tuple(w.lower() for w in data.dates.weekdays),
        months=tuple(m.lower() for m in data.dates.months),
        published_days={k.lower(): v for k, v in data.published.relative_days.items()},
        relative_days={k.lower(): int(v) for k, v in st.relative_days.items()},
        relative_units={k.lower(): (str(u), int(n)) for k, (u, n) in st.relative_units.items()},
        future=frozenset(w.lower() for w in st.future),
        past=frozenset(w.lower() for w in st.past),
        event_phrases=tuple(w.lower().replace("’", "'") for w in data.events.relative),
    )


def last_weekday(base: dt.date, index: int) -> dt.date:
    """The latest day on or before ``base`` that is weekday ``index``."""
    return base - dt.timedelta(days=(base.weekday() - index) % 7)


def shift_month(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, _calendar.monthrange(year, month)[1]))


def _alt(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# --- publication date (clean) ----------------------------------------------------------------

@cache
def _published_pattern(lang: str) -> re.Pattern[str]:
    cal = calendar(lang)
    day = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
    month = rf"(?P<month>{_alt(cal.months)})"
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    # Day-month (French, British) or month-day (American) order.
    dm = rf"(?:{day}\s+{month}|{month.replace('month>', 'month2>')}\s+{day.replace('day>', 'day2>')})"
    pat = (
        rf"\b(?P<rel>{_alt(list(cal.published_days))})\s*[,(]?\s*"
        rf"(?:(?P<wd>{_alt(cal.weekdays)})\s*,?\s*)?{dm}{year}"
    )
    return re.compile(pat, re.IGNORECASE)


def infer_published(text: str, lang: str, context: str = "") -> Published | None:
    """Publication date from a relative day word next to an explicit date, or None.

    ``context`` is the rest of the raw document (removed lines included), searched for
    the year when the date itself has none. No language (``""``): None.
    """
    if not lang:
        return None
    cal = calendar(lang)
    pat = _published_pattern(lang)
    found: set[dt.date] = set()
    evidence: tuple[int, int, str] | None = None
    for m in pat.finditer(text):
        g = m.groupdict()
        day = int(g["day"] or g["day2"])
        month = cal.months.index((g["month"] or g["month2"]).lower()) + 1
        offset = cal.published_days[g["rel"].lower()]
        years = [int(g["year"])] if g["year"] else sorted(
            {int(y) for y in _YEAR.findall(text + "\n" + context)})
        candidates = []
        for y in years:
            try:
                d = dt.date(y, month, day)
            except ValueError:
                continue
            if g["wd"] and d.weekday() != cal.weekdays.index(g["wd"].lower()):
                continue
            candidates.append(d)
        if len(candidates) != 1:
            continue
        found.add(candidates[0] - dt.timedelta(days=offset))
        note = "year given" if g["year"] else f"year from the document ({candidates[0].year})"
        if g["wd"]:
            note += ", weekday matches"
        evidence = (m.start(), m.end(), note)
    if len(found) != 1 or evidence is None:
        return None
    start, end, note = evidence
    return Published(
        date=found.pop().isoformat(),
        source="text",
        evidence=Span(start=start, end=end, text=text[start:end]),
        note=note,
    )


# --- dates in statements (attribution) ------------------------------------------------------

def token_dates(
    doc: Doc, start: int, end: int, cal: Calendar, base: dt.date | None
) -> tuple[list[dict], set[int]]:
    """Date mentions in a spaCy doc's tokens [start, end) and the tokens they cover."""
    out: list[dict] = []
    covered: set[int] = set()
    i = start
    while i < end:
        t = doc[i]
        low = t.lower_
        hit = None  # (end token, date or None, relative)
        for phrase, (unit, off) in cal.relative_units.items():
            if not phrase.startswith(low):
                continue
            words = phrase.split()
            n = len(words)
            if i + n <= end and [x.lower_ for x in doc[i : i + n]] == words:
                date = None
                if base is not None:
                    if unit == "week":
                        date = (base + dt.timedelta(days=7 * off)).isoformat()
                    elif unit == "month":
                        date = shift_month(base, off).isoformat()[:7]
                    else:
                        date = str(base.year + off)
                hit = (i + n, date, True)
                break
        if hit is None and low in cal.relative_days:
            date = (base + dt.timedelta(days=cal.relative_days[low])).isoformat() if base else None
            hit = (i + 1, date, True)
        elif hit is None and low in cal.weekdays:
            wd = cal.weekdays.index(low)
            j = i + 1
            day = month = year = None
            if j < end and doc[j].like_num and j + 1 < end and doc[j + 1].lower_ in cal.months:
                day, month = (
                    int(float(doc[j].text)) if doc[j].text.isdigit() else None,
                    cal.months.index(doc[j + 1].lower_) + 1,
                )
                j += 2
                if j < end and doc[j].text.isdigit() and len(doc[j].text) == 4:
                    year = int(doc[j].text)
                    j += 1
            nxt = doc[j].lower_ if j < end else ""
            prev = doc[i - 1].lower_ if i > 0 else ""
            date = None
            relative = day is None
            if day and month and (year or base):
                y = year or base.year  # type: ignore[union-attr]
                try:
                    date = dt.date(y, month, day).isoformat()
                except ValueError:
                    date = None
            elif base is not None:
                delta = (base.weekday() - wd) % 7
                if nxt in cal.future or prev in cal.future:
                    delta = -((wd - base.weekday()) % 7 or 7)
                elif nxt in cal.past or prev in cal.past:
                    delta = delta or 7
                date = (base - dt.timedelta(days=delta)).isoformat()
            if nxt in cal.future | cal.past:
                j += 1
            hit = (j, date, relative)
        elif hit is None and t.like_num and i + 1 < end and doc[i + 1].lower_ in cal.months:
            j = i + 2
            year = None
            if j < end and doc[j].text.isdigit() and len(doc[j].text) == 4:
                year = int(doc[j].text)
                j += 1
            date = None
            if t.text.isdigit() and (year or base):
                try:
                    date = dt.date(
                        year or base.year, cal.months.index(doc[i + 1].lower_) + 1, int(t.text)
                    ).isoformat()  # type: ignore[union-attr]
                except ValueError:
                    date = None
            hit = (j, date, year is None)
        if hit is None:
            i += 1
            continue
        j, date, relative = hit
        s, e = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
        out.append({"span": (s, e), "date": date, "relative": relative})
        covered.update(range(i, j))
        i = j
    return out, covered


# --- dates in event sentences (events) ------------------------------------------------------

@dataclass(frozen=True)
class DateHit:
    start: int  # character offsets in the sentence's document text
    end: int
    text: str
    date: str | None  # ISO date, "YYYY-MM" or "YYYY"


@cache
def _text_pattern(lang: str) -> re.Pattern[str]:
    cal = calendar(lang)
    weekdays, months, relative = cal.weekdays, cal.months, cal.event_phrases
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


def resolve(text: str, cal: Calendar, base: dt.date | None) -> str | None:
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
    month = next((i + 1 for i, m in enumerate(cal.months) if re.search(rf"\b{m}\b", low)), None)
    weekday = next((i for i, w in enumerate(cal.weekdays) if re.search(rf"\b{w}\b", low)), None)
    if month is None and weekday is not None and base is not None and not day_m:
        if re.search(r"\b(prochain|next)\b", low):
            return (base + dt.timedelta(days=(weekday - base.weekday()) % 7 or 7)).isoformat()
        return last_weekday(base, weekday).isoformat()
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
    parsed = dateparser.parse(text, languages=[cal.lang], settings=settings)
    return parsed.date().isoformat() if parsed else None


def text_dates(text: str, offset: int, cal: Calendar, base: dt.date | None) -> list[DateHit]:
    """Date expressions in ``text`` (a sentence starting at ``offset`` in the document)."""
    pat = _text_pattern(cal.lang)
    hits: list[DateHit] = []
    for m in pat.finditer(text.replace("’", "'")):
        hits.append(DateHit(offset + m.start(), offset + m.end(), text[m.start():m.end()],
                            resolve(m.group(0), cal, base)))
    return hits
