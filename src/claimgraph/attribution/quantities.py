"""Quantities ("mille", "quelques dizaines", "a few dozen", "3.5 million") inside statements.

Number words, multipliers and vague quantities come from the language's ``quantities.toml``;
dates inside statements are read by ``claimgraph.lang.dates``.
"""

from __future__ import annotations

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
