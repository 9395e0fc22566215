"""Quantities ("mille", "quelques dizaines", "a few dozen", "3.5 million") and dates
("lundi", "hier", "last week", "lundi 3 juin") inside statements.

Relative dates are resolved against the publication date with weekday arithmetic; number
words, multipliers, vague quantities and time words come from the language's data files.
"""

from __future__ import annotations

import calendar
import datetime as dt

from spacy.tokens import Doc

from claimgraph.attribution.lexicon import Lexicon


def _number(text: str, lex: Lexicon) -> float | None:
    low = text.lower()
    if low in lex.numbers:
        return lex.numbers[low]
    t = text.replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    group = "." if lex.decimal_mark == "," else ","  # the other mark groups thousands
    t = t.replace(group, "").replace(lex.decimal_mark, ".")
    try:
        return float(t)
    except ValueError:
        return None


def _unit(doc: Doc, i: int, end: int, lex: Lexicon) -> str | None:
    """The noun a quantity counts: the next noun, else the object of the same verb."""
    j = i
    while j < min(end, i + 4):
        t = doc[j]
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ not in lex.multipliers:
            return t.text
        if t.lower_ not in lex.unit_skip and t.pos_ not in ("ADJ", "DET", "NUM", "ADP"):
            break
        j += 1
    for k in range(i - 2, max(-1, i - 12), -1):
        t = doc[k]
        if t.pos_ == "NOUN" and t.dep_ in ("obj", "dobj"):
            return t.text
    return None


def find_quantities(doc: Doc, start: int, end: int, lex: Lexicon, skip: set[int]) -> list[dict]:
    """Quantities in tokens [start, end): dicts with span (chars), value/low/high, unit, vague."""
    out: list[dict] = []
    i = start
    while i < end:
        if i in skip:
            i += 1
            continue
        matched = False
        for words, (low, high) in lex.vague:
            if doc[i].lower_ not in words[0]:
                continue
            n = len(words)
            if i + n <= end and all(doc[i + k].lower_ in w for k, w in enumerate(words)):
                if n == 1 and not (i + 1 < end and doc[i + 1].pos_ in ("NOUN", "ADJ")):
                    continue
                s, e = doc[i].idx, doc[i + n - 1].idx + len(doc[i + n - 1])
                out.append(
                    {
                        "span": (s, e),
                        "low": low,
                        "high": high,
                        "unit": _unit(doc, i + n, end, lex),
                        "vague": True,
                    }
                )
                i += n
                matched = True
                break
        if matched:
            continue
        t = doc[i]
        digits = t.text[:1].isdigit() and t.like_num
        if (t.like_num or t.lower_ in lex.numbers) and (
            digits or t.pos_ in ("NUM", "NOUN", "PRON", "ADJ") or t.lower_ in lex.multipliers
        ):
            if not digits and t.lower_ in ("un", "une", "one", "a"):
                i += 1
                continue
            text = t.text
            j = i + 1
            # "1 500", "2 000 000": digit groups separated by spaces
            while (
                digits
                and j < end
                and doc[j - 1].whitespace_
                and len(doc[j].text) == 3
                and doc[j].text.isdigit()
            ):
                text += doc[j].text
                j += 1
            value = _number(text, lex)
            while value is not None and j < end and doc[j].lower_ in lex.multipliers:
                value *= lex.multipliers[doc[j].lower_]
                j += 1
            if value is not None:
                s, e = t.idx, doc[j - 1].idx + len(doc[j - 1])
                out.append({"span": (s, e), "value": value, "unit": _unit(doc, j, end, lex), "vague": False})
            i = j
            continue
        i += 1
    return out


def _shift_month(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def find_dates(
    doc: Doc, start: int, end: int, lex: Lexicon, base: dt.date | None
) -> tuple[list[dict], set[int]]:
    """Date mentions in tokens [start, end) and the tokens they cover."""
    out: list[dict] = []
    covered: set[int] = set()
    i = start
    while i < end:
        t = doc[i]
        low = t.lower_
        hit = None  # (end token, date or None, relative)
        for phrase, (unit, off) in lex.relative_units.items():
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
                        date = _shift_month(base, off).isoformat()[:7]
                    else:
                        date = str(base.year + off)
                hit = (i + n, date, True)
                break
        if hit is None and low in lex.relative_days:
            date = (base + dt.timedelta(days=lex.relative_days[low])).isoformat() if base else None
            hit = (i + 1, date, True)
        elif hit is None and low in lex.weekdays:
            wd = lex.weekdays.index(low)
            j = i + 1
            day = month = year = None
            if j < end and doc[j].like_num and j + 1 < end and doc[j + 1].lower_ in lex.months:
                day, month = (
                    int(float(doc[j].text)) if doc[j].text.isdigit() else None,
                    lex.months.index(doc[j + 1].lower_) + 1,
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
                if nxt in lex.future_words or prev in lex.future_words:
                    delta = -((wd - base.weekday()) % 7 or 7)
                elif nxt in lex.past_words or prev in lex.past_words:
                    delta = delta or 7
                date = (base - dt.timedelta(days=delta)).isoformat()
            if nxt in lex.future_words | lex.past_words:
                j += 1
            hit = (j, date, relative)
        elif hit is None and t.like_num and i + 1 < end and doc[i + 1].lower_ in lex.months:
            j = i + 2
            year = None
            if j < end and doc[j].text.isdigit() and len(doc[j].text) == 4:
                year = int(doc[j].text)
                j += 1
            date = None
            if t.text.isdigit() and (year or base):
                try:
                    date = dt.date(
                        year or base.year, lex.months.index(doc[i + 1].lower_) + 1, int(t.text)
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
