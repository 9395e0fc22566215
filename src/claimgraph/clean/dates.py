"""Publication date inferred from the text when it is unambiguous.

"hier, lundi 3 juin" in an article that mentions 2019 elsewhere, and June 3 being a
Monday in 2019, means the article is from 2019-06-04. The evidence span is recorded.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from claimgraph import langdata
from claimgraph.model import Published, Span

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@cache
def _pattern(lang: str) -> tuple[re.Pattern[str], dict[str, int], list[str], list[str]] | None:
    data = langdata.load(lang, "dates").get("dates")
    if not data:
        return None
    rel: dict[str, int] = data["relative_days"]
    weekdays: list[str] = data["weekdays"]
    months: list[str] = data["months"]

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    day = r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?"
    month = rf"(?P<month>{alt(months)})"
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    # Day-month (French, British) or month-day (American) order.
    dm = rf"(?:{day}\s+{month}|{month.replace('month>', 'month2>')}\s+{day.replace('day>', 'day2>')})"
    pat = (
        rf"\b(?P<rel>{alt(list(rel))})\s*[,(]?\s*(?:(?P<wd>{alt(weekdays)})\s*,?\s*)?{dm}{year}"
    )
    return re.compile(pat, re.IGNORECASE), rel, weekdays, months


def infer_published(text: str, lang: str, context: str = "") -> Published | None:
    """Publication date from a relative day word next to an explicit date, or None.

    ``context`` is the rest of the raw document (removed lines included), searched for
    the year when the date itself has none.
    """
    compiled = _pattern(lang)
    if compiled is None:
        return None
    pat, rel, weekdays, months = compiled
    found: set[date] = set()
    evidence: tuple[int, int, str] | None = None
    for m in pat.finditer(text):
        g = m.groupdict()
        day = int(g["day"] or g["day2"])
        month = [x.lower() for x in months].index((g["month"] or g["month2"]).lower()) + 1
        offset = rel[g["rel"].lower()]
        years = [int(g["year"])] if g["year"] else sorted(
            {int(y) for y in _YEAR.findall(text + "\n" + context)})
        candidates = []
        for y in years:
            try:
                d = date(y, month, day)
            except ValueError:
                continue
            if g["wd"] and d.weekday() != [w.lower() for w in weekdays].index(g["wd"].lower()):
                continue
            candidates.append(d)
        if len(candidates) != 1:
            continue
        found.add(candidates[0] - timedelta(days=offset))
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
