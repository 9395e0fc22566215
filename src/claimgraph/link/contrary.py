"""Contradiction without a denial verb: contrary predicates, negation, incompatible shares.

"All foreign advisers remained at their posts" contradicts "Kaskar has withdrawn most of
its advisers" although its speaker asserts rather than denies. This module reads, in a
statement's content, the *predicates* it uses (``decrease``, ``leave``, ``stay``,
``stop`` ...: per-language word lists in ``data/<lang>/link.toml``, with predicate names
shared across languages), whether a negation governs each, and the *proportions* it
gives ("nine in ten", "moins de la moitié"). Two statements conflict when:

- ``contrary``: one uses a predicate and the other its contrary (both unnegated), e.g.
  ``leave`` / ``stay``, ``decrease`` / ``unchanged``;
- ``negation``: both use the same predicate, one negated and the other not;
- ``quantity``: they share a predicate and give shares that cannot both be true
  (0.9 against "fewer than half").

Whether the two statements are about the same thing is decided by the caller
(``disputes.refresh_contrary``): they share a content word near a predicate
(``Signals.topic``: the first five letters, so that "export" meets "exportation", of the
words within ``[topic] argument_window`` words of a predicate, other than ``[topic]
stopwords``: in "wheat prices on the grain exchange rose", "wheat" is too far from "rose"
to be what rose) or are very close in meaning, and their embedding
similarity, with bonuses for one article carrying both and for shared entities, reaches
``contrary_threshold``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import combinations
from typing import Any

from claimgraph import lang as langdata
from claimgraph.link.text import fold

LANGS = ("en", "fr")  # languages whose link.toml is always loaded (predicates cross languages)
CONTRARY = {
    ("decrease", "increase"), ("decrease", "unchanged"), ("increase", "unchanged"),
    ("leave", "stay"), ("stop", "start"), ("stop", "continue"), ("open", "closed"),
    ("confirm", "deny"), ("accept", "reject"), ("alive", "dead"),
}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|\w+|[.,;:!?()«»\"“”%]")
_PUNCT = set(".,;:!?()«»\"“”")


def contrary(a: str, b: str) -> bool:
    return (a, b) in CONTRARY or (b, a) in CONTRARY


Pattern = tuple[str, ...]  # words; a trailing "*" on a word is a prefix match


@dataclass
class Lexicon:
    negation: set[str] = field(default_factory=set)
    window: int = 3
    predicates: list[tuple[str, Pattern]] = field(default_factory=list)
    numbers: dict[str, float] = field(default_factory=dict)
    fractions: list[tuple[Pattern, float]] = field(default_factory=list)
    ratio: list[Pattern] = field(default_factory=list)
    percent: list[Pattern] = field(default_factory=list)
    at_most: list[Pattern] = field(default_factory=list)
    at_least: list[Pattern] = field(default_factory=list)
    most: list[Pattern] = field(default_factory=list)
    few: list[Pattern] = field(default_factory=list)
    generic_speakers: set[str] = field(default_factory=set)
    stopwords: set[str] = field(default_factory=set)
    argument_window: int = 6


def _pattern(phrase: str) -> Pattern:
    return tuple(fold(phrase).replace("'", " ").replace("-", " ").split())


@cache
def lexicon(lang: str | None) -> Lexicon:
    """The lexicon of ``lang`` merged with the always-loaded languages (en, fr)."""
    lex = Lexicon()
    langs = list(dict.fromkeys([*([lang] if lang else []), *LANGS]))
    for code in langs:
        data = langdata.load(code, "link")
        lex.negation |= {fold(w) for w in data.negation}
        if code == (lang or "en"):
            lex.window = data.negation_window
        for name, phrases in data.predicates.items():
            lex.predicates.extend((name, _pattern(p)) for p in phrases)
        prop = data.proportions
        lex.numbers |= {fold(k): float(v) for k, v in prop.numbers.items()}
        lex.fractions.extend((_pattern(k), float(v)) for k, v in prop.fractions.items())
        for key in ("ratio", "percent", "at_most", "at_least", "most", "few"):
            getattr(lex, key).extend(_pattern(p) for p in getattr(prop, key))
        lex.generic_speakers |= {fold(w) for w in data.speakers.generic}
        lex.stopwords |= {fold(w) for w in data.topic.stopwords}
        if code == (lang or "en"):
            lex.argument_window = data.topic.argument_window
    lex.fractions.sort(key=lambda x: -len(x[0]))
    return lex


def tokens(text: str) -> list[str]:
    """Folded word and punctuation tokens; "n't" -> "not", elided "n'" -> "ne"."""
    t = fold(text).replace("’", "'")
    t = re.sub(r"n't\b", " not", t)
    t = re.sub(r"\bn'", "ne ", t)
    t = t.replace("'", " ").replace("-", " ")
    return _TOKEN.findall(t)


def _match(toks: list[str], i: int, pat: Pattern) -> bool:
    if i + len(pat) > len(toks):
        return False
    for w, p in zip(toks[i : i + len(pat)], pat, strict=False):
        if p.endswith("*"):
            if not w.startswith(p[:-1]):
                return False
        elif w != p:
            return False
    return True


def _at(toks: list[str], i: int, pats: list[Pattern]) -> int:
    """Length of the longest pattern of ``pats`` matching at ``i`` (0 when none)."""
    return max((len(p) for p in pats if _match(toks, i, p)), default=0)


def _negated(toks: list[str], i: int, lex: Lexicon) -> bool:
    for j in range(i - 1, max(-1, i - 1 - lex.window), -1):
        if toks[j] in _PUNCT:
            return False
        if toks[j] in lex.negation:
            return True
    return False


@dataclass(frozen=True)
class Signals:
    """What a statement says in contradiction-relevant terms."""

    predicates: frozenset[tuple[str, bool]]  # (predicate, negated)
    shares: tuple[tuple[float, float], ...]  # proportion intervals [low, high]
    # stems of the content words near a predicate (all content words when it has none)
    topic: frozenset[str] = frozenset()

    @property
    def names(self) -> set[str]:
        return {p for p, _ in self.predicates}


def _number(tok: str, lex: Lexicon) -> float | None:
    if tok in lex.numbers:
        return lex.numbers[tok]
    try:
        return float(tok.replace(",", "."))
    except ValueError:
        return None


def _shares(toks: list[str], lex: Lexicon) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    i = 0
    while i < len(toks):
        bound = None
        n = _at(toks, i, lex.at_most)
        if n:
            bound, i = "most", i + n
        else:
            n = _at(toks, i, lex.at_least)
            if n:
                bound, i = "least", i + n
        if bound and i < len(toks) and toks[i] in ("la", "le", "l", "the", "a"):
            i += 1  # "moins de la moitié", "more than a third"
        if i >= len(toks):
            break
        value = None
        for pat, v in lex.fractions:
            if _match(toks, i, pat):
                value, i = v, i + len(pat)
                break
        if value is None:
            num = _number(toks[i], lex)
            if num is not None:
                # "nine in ten", "neuf dockers sur dix", "40 percent"
                if i + 1 < len(toks) and _at(toks, i + 1, lex.percent) and num <= 100:
                    value, i = num / 100, i + 1 + _at(toks, i + 1, lex.percent)
                elif i + 1 < len(toks) and toks[i + 1] == "%" and num <= 100:
                    value, i = num / 100, i + 2
                else:
                    for k in range(i + 1, min(i + 4, len(toks))):
                        n = _at(toks, k, lex.ratio)
                        den = _number(toks[k + n], lex) if n and k + n < len(toks) else None
                        if den and den <= 100 and 0 < num <= den:
                            value, i = num / den, k + n + 1
                            break
        if value is not None:
            lo, hi = {"most": (0.0, value), "least": (value, 1.0)}.get(
                bound or "", (max(0.0, value - 0.05), min(1.0, value + 0.05)))
            out.append((lo, hi))
            continue
        if bound is None:
            n = _at(toks, i, lex.most)
            if n:
                out.append((0.5, 1.0))
                i += n
                continue
            n = _at(toks, i, lex.few)
            if n:
                out.append((0.0, 0.2))
                i += n
                continue
        i += 1
    return out


@cache
def _predicate_index(lang: str | None) -> tuple[dict[str, list[tuple[str, Pattern]]],
                                                dict[str, list[tuple[str, Pattern]]],
                                                list[tuple[str, Pattern]]]:
    """The predicate patterns by their first word: exact words, prefixes ("retir*") by
    their first three letters, and prefixes shorter than that."""
    exact: dict[str, list[tuple[str, Pattern]]] = {}
    prefix: dict[str, list[tuple[str, Pattern]]] = {}
    short: list[tuple[str, Pattern]] = []
    for name, pat in lexicon(lang).predicates:
        first = pat[0]
        if not first.endswith("*"):
            exact.setdefault(first, []).append((name, pat))
        elif len(first) - 1 >= 3:
            prefix.setdefault(first[:3], []).append((name, pat))
        else:
            short.append((name, pat))
    return exact, prefix, short


def signals(text: str, lang: str | None) -> Signals:
    """Predicates (with negation) and proportions of a statement's content."""
    return _signals(text, lang)


@cache
def _signals(text: str, lang: str | None) -> Signals:
    lex = lexicon(lang)
    toks = tokens(text)
    preds: set[tuple[str, bool]] = set()
    used: set[int] = set()
    exact, prefix, short = _predicate_index(lang)
    for i, tok in enumerate(toks):
        # only the patterns whose first word can match this token (indexed, not scanned)
        for name, pat in (*exact.get(tok, ()), *prefix.get(tok[:3], ()), *short):
            if _match(toks, i, pat):
                preds.add((name, _negated(toks, i, lex)))
                used.update(range(i, i + len(pat)))
    content = [k for k, w in enumerate(toks)
               if k not in used and len(w) >= 4 and w.isalpha() and w not in lex.stopwords
               and w not in lex.negation and w not in lex.numbers]
    if used:  # the words near a predicate: what it is said of
        near = lex.argument_window
        content = [k for k in content if any(abs(k - u) <= near for u in used)]
    topic = frozenset(toks[k][:5] for k in content)
    return Signals(frozenset(preds), tuple(_shares(toks, lex)), topic)


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def conflict(a: Signals, b: Signals) -> str | None:
    """Why two statements cannot both be true (``contrary``, ``negation``, ``quantity``),
    or None. Topic is not checked here."""
    for (pa, na), (pb, nb) in ((x, y) for x in a.predicates for y in b.predicates):
        if pa == pb and na != nb and (pa, not na) not in a.predicates \
                and (pb, not nb) not in b.predicates:
            return "negation"
    plain_a = {p for p, n in a.predicates if not n}
    plain_b = {p for p, n in b.predicates if not n}
    for pa in plain_a:
        for pb in plain_b:
            # a statement that already holds both poles ("the remaining advisers left")
            # is not read as taking one side
            if contrary(pa, pb) and pb not in plain_a and pa not in plain_b:
                return "contrary"
    same_predicate = bool(plain_a & plain_b) or not (a.predicates or b.predicates)
    if same_predicate and any(_disjoint(x, y) for x in a.shares for y in b.shares):
        return "quantity"
    return None


DOUBTED = ("confirm", "evidence")  # negated: "could not confirm", "no sign of"
FALSE = ("falsehood", "deny")  # said outright: "an incorrect report", "denies the claims"


def content_denies(text: str, lang: str | None) -> bool:
    """Whether a statement's content itself rejects what it is about ("we have nothing to
    confirm", "there is no evidence that...", "the report was fake"), whatever verb
    introduced it: such a statement is on the deny side of a claim."""
    preds = _signals(text, lang).predicates
    return any(p in DOUBTED and neg for p, neg in preds) or any(
        p in FALSE and not neg and (p, True) not in preds for p, neg in preds)


def generic_speaker(key: str | None, lang: str | None = None) -> bool:
    """Whether a speaker key only describes a speaker ("one official", "le journal")."""
    if not key:
        return False
    lex = lexicon(lang)
    ws = key.split()
    return bool(ws) and all(w in lex.generic_speakers for w in ws)


def pairs_in_conflict(items: list[tuple[Any, Signals]]) -> list[tuple[Any, Any, str]]:
    """Every pair of ``items`` (key, signals) whose signals conflict (tests, debugging)."""
    out = []
    for (ka, sa), (kb, sb) in combinations(items, 2):
        why = conflict(sa, sb)
        if why:
            out.append((ka, kb, why))
    return out
