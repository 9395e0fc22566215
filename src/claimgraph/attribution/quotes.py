"""Quotation spans in every style: "...", « ... », “...”, ‘...’, across paragraphs.

One linear pass over the quotation marks of the text (not over every token). Unbalanced
marks are tolerated: a quotation left open at the end of a paragraph continues into the next
one when that paragraph opens with a quotation mark again (English style) or closes one before
opening another (French style); otherwise it stops at the end of its paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

OPENERS = {"«": "«", "“": "“", "„": "“", "‘": "‘", "‹": "‹"}
CLOSERS = {"»": "«", "”": "“", "’": "‘", "›": "‹"}
STRAIGHT = '"'
MARKS = frozenset("\"«»“”„‘’‹›'")
MAX_PARAGRAPHS = 6
DOUBLE_CLOSERS = frozenset({"”", "»"})


@dataclass
class Quote:
    """A quotation: ``[start, end)`` includes the marks; ``paragraphs`` it runs over."""

    start: int
    end: int
    paragraphs: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def _width(text: str, i: int) -> int:
    """2 for a doubled apostrophe used as a quotation mark (''), else 1."""
    return 2 if text[i] == "'" and text[i + 1 : i + 2] == "'" else 1


def _role(text: str, i: int) -> str | None:
    """'open', 'close', or None (not a quotation mark here)."""
    ch = text[i]
    w = _width(text, i)
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + w] if i + w < len(text) else " "
    if ch == "'" and w == 1:
        # a straight single quotation mark: opens before a capital ("Sees 'Personal Insult'"),
        # closes after a word; anything else is an apostrophe
        if (prev.isspace() or prev in ":([\"“—–-") and nxt.isalpha() and nxt.isupper():
            return "open1"
        if (prev.isalnum() or prev in ".!?,") and not nxt.isalnum():
            return "close1"
        return None
    if ch == "'":
        ch = STRAIGHT
    if ch == "”" and (i == 0 or prev == "\n") and nxt.isalnum():
        return "open"  # a closing mark typed at the start of a paragraph opens a quotation
    if ch in OPENERS:
        if ch == "‘" and not (nxt.isalnum() or nxt in '"“«'):
            return None
        return "open"
    if ch in CLOSERS:
        if ch == "’" and (nxt.isalnum() or not (prev.isalnum() or prev in ".,!?;:")):
            return None  # an apostrophe
        return "close"
    if ch == STRAIGHT:
        before_space = prev.isspace() or prev in "([{—–-/" or i == 0
        after_space = nxt.isspace() or nxt in ".,;:!?)]}" or i + w == len(text)
        if before_space and not after_space:
            return "open"
        if after_space and not before_space:
            return "close"
        if before_space and after_space:
            return "toggle"
        return "toggle"
    return None


def find_quotes(text: str) -> list[Quote]:
    """Quotations of ``text`` in order, outermost only, each with its marks."""
    marks = [
        (i, r)
        for i, ch in enumerate(text)
        if ch in MARKS and (r := _role(text, i)) and not (ch == "'" and text[i - 1 : i] == "'")
    ]
    quotes: list[Quote] = []
    k = 0
    n = len(marks)
    while k < n:
        pos, role = marks[k]
        if role in ("close", "close1"):
            k += 1
            continue
        if role == "open1":
            # a single-quoted phrase: up to the next closing single mark on the same line
            end = None
            j = k + 1
            while j < n and "\n" not in text[pos : marks[j][0]]:
                if marks[j][1] == "close1":
                    end = marks[j][0] + 1
                    break
                j += 1
            if end is not None and end - pos > 2:
                quotes.append(Quote(start=pos, end=end))
                k = j + 1
            else:
                k += 1
            continue
        family = OPENERS.get(text[pos], STRAIGHT)
        depth = 0
        inner_straight = False  # a straight quotation open inside a curly one
        inner_curly = 0  # curly quotations open inside a straight one
        paragraphs = 1
        end = None
        j = k + 1
        while j < n:
            mpos, mrole = marks[j]
            ch = text[mpos]
            if "\n" in text[marks[j - 1][0] : mpos]:
                # crossed a paragraph break while open: continue only if the next paragraph
                # reopens (English style) or closes before any other opening (French style)
                para_start = text.rfind("\n", 0, mpos) + 1
                reopens = mpos == para_start or text[para_start:mpos].strip() == ""
                fam = OPENERS.get(ch, STRAIGHT) if mrole in ("open", "toggle") else None
                closes_first = mrole in ("close", "toggle") and (CLOSERS.get(ch, STRAIGHT) == family)
                if paragraphs >= MAX_PARAGRAPHS or not ((reopens and fam == family) or closes_first):
                    end = text.rfind("\n", 0, mpos)
                    while end > pos and text[end - 1].isspace():
                        end -= 1
                    j -= 1  # the mark of the next paragraph opens a quotation of its own
                    break
                paragraphs += text[marks[j - 1][0] : mpos].count("\n\n") or 1
                if reopens and fam == family:
                    j += 1
                    continue
            if family == STRAIGHT:
                # a straight opening mark closes on a straight mark or a curly double closer
                # ('"more hours”': mixed styles are common in edited copy), unless that closer
                # ends a curly quotation opened inside ('"... as “The Journal” wrote ...')
                if ch in OPENERS and OPENERS[ch] == "“" and mrole == "open":
                    inner_curly += 1
                elif ch in DOUBLE_CLOSERS and mrole == "close" and inner_curly:
                    inner_curly -= 1
                elif (ch in (STRAIGHT, "'") and mrole in ("close", "toggle")) or (
                    ch in DOUBLE_CLOSERS and mrole == "close"
                ):
                    end = mpos + _width(text, mpos)
                    break
            elif family == "“" and ch == STRAIGHT and mrole in ("open", "close", "toggle"):
                if mrole == "open" or (mrole == "toggle" and not inner_straight):
                    inner_straight = not inner_straight if mrole == "toggle" else True
                elif inner_straight:
                    inner_straight = False
                elif depth == 0:
                    end = mpos + 1  # '“text"': a curly opener closed by a straight mark
                    break
            else:
                if OPENERS.get(ch) == family and mrole == "open":
                    depth += 1
                elif CLOSERS.get(ch) == family and mrole == "close":
                    if depth == 0:
                        end = mpos + 1
                        break
                    depth -= 1
            j += 1
        if end is None:
            # never closed: runs to the end of its paragraph
            nl = text.find("\n", pos)
            end = len(text) if nl < 0 else nl
            while end > pos and text[end - 1].isspace():
                end -= 1
            while j < n and marks[j][0] < end:
                j += 1
            j -= 1
        if end - pos > 2:
            quotes.append(Quote(start=pos, end=end, paragraphs=paragraphs))
        k = j + 1
        while k < n and marks[k][0] < end:
            k += 1
    return quotes
