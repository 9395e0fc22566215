"""Line-level noise removal: every line that is not article body is removed with a reason.

Patterns come from ``data/<lang>/noise.toml`` for every enabled language, so a caption in
another language is still recognised as a caption.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from claimgraph import lang as langdata
from claimgraph.clean import language
from claimgraph.lang.schemas import Noise
from claimgraph.model import Caption, RemovedLine

_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class NoiseRules:
    share: re.Pattern[str]
    related: re.Pattern[str]
    caption: re.Pattern[str]
    footer: tuple[re.Pattern[str], ...]  # kept apart: each has its own "outlet" group
    nav_words: frozenset[str]
    boilerplate: re.Pattern[str] = re.compile(r"(?!)")
    #: (data file, pattern) for details, e.g. ("en/noise.toml", ...)
    boilerplate_each: tuple[tuple[str, re.Pattern[str]], ...] = ()
    not_article: re.Pattern[str] = re.compile(r"(?!)")

    def boilerplate_match(self, line: str) -> str | None:
        """Which ``[boilerplate]`` pattern ``line`` matches, as a detail, or None."""
        if not self.boilerplate.match(line):
            return None
        for lang, pat in self.boilerplate_each:
            if pat.match(line):
                return f"{lang} [boilerplate] {pat.pattern}"
        return None


#: noise patterns of languages without a language pack (no model, no other data files)
OTHER_NOISE = "noise_other.toml"


@cache
def other_noise() -> dict[str, Noise]:
    """``data/noise_other.toml``: one table per language, each laid out as ``<lang>/noise.toml``
    (a copy in ``$CLAIMGRAPH_DATA_DIR`` wins over the bundled one)."""
    override = os.environ.get(langdata.loader.ENV, "")
    paths = [Path(d) / OTHER_NOISE for d in (override, langdata.loader.bundled_dir()) if d]
    path = next((p for p in paths if p.is_file()), None)
    if path is None:
        return {}
    data = langdata.read_toml(path)
    return {code: langdata.validate(Noise, table, f"{path} [{code}]")
            for code, table in data.items()}


def _noise(lang: str) -> tuple[str, Noise] | None:
    """(data file, noise rules) of ``lang``, if it has some."""
    if lang in langdata.languages():
        return f"{lang}/noise.toml", langdata.load(lang, "noise")
    found = other_noise().get(lang)
    return (f"{OTHER_NOISE} [{lang}]", found) if found else None


@cache
def rules_for(langs: tuple[str, ...], extra: tuple[str, ...] = ()) -> NoiseRules:
    """Union of the noise rules of ``langs`` and of the ``extra`` languages that have some
    (an article's own language when it is not enabled)."""
    groups: dict[str, list[str]] = {"share": [], "related": [], "caption": [], "source_footer": []}
    nav: set[str] = set()
    boiler: list[tuple[str, str]] = []
    not_article: list[str] = []
    for lang in dict.fromkeys((*langs, *extra)):
        found = _noise(lang)
        if found is None:
            continue
        where, data = found
        sections = {"share": data.share, "related": data.related, "caption": data.caption,
                    "source_footer": data.source_footer}
        for key, pats in groups.items():
            pats += sections[key].patterns
        nav |= {w.lower() for w in data.navigation.words}
        boiler += [(where, p) for p in data.boilerplate.patterns]
        not_article += data.not_article.patterns

    def union(pats: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)", re.IGNORECASE)

    return NoiseRules(
        union(groups["share"]), union(groups["related"]), union(groups["caption"]),
        tuple(re.compile(p, re.IGNORECASE) for p in groups["source_footer"]), frozenset(nav),
        union([p for _, p in boiler]),
        tuple((lang, re.compile(p, re.IGNORECASE)) for lang, p in boiler), union(not_article))


@dataclass
class LineResult:
    """What the line stage found: body paragraphs (with source line numbers) and the rest."""

    title: str | None = None
    title_line: int | None = None
    body: list[tuple[int, str]] = field(default_factory=list)
    captions: list[Caption] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    footer_outlets: list[tuple[str, str]] = field(default_factory=list)  # (name, line text)


def _first(pats: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    for p in pats:
        m = p.match(text)
        if m:
            return m
    return None


def _is_short(text: str, max_words: int = 2) -> bool:
    return len(_WORD.findall(text)) <= max_words and not _SENTENCE_END.search(text)


def split_lines(
    lines: list[str],
    lang: str,
    langs: tuple[str, ...],
    *,
    title: str | None = None,
    find_title: bool = True,
    min_words: int = 6,
    max_other_conf: float = 0.2,
    trailing_short: bool = True,
    links: frozenset[str] = frozenset(),
    figures: frozenset[str] = frozenset(),
    max_link_words: int = 12,
    check_language: bool = True,
    rules: NoiseRules | None = None,
) -> LineResult:
    """Classify ``lines`` (1-based numbering) into title, body, captions and removed lines.

    ``trailing_short``: short lines after the last sentence are navigation remnants (plain text;
    an HTML extractor has already taken the page's navigation out, and a signature stays).
    ``links`` and ``figures`` (lowercased, white space collapsed) are the page's link texts and
    its figure captions and image texts: a short line that is a whole link is a related or
    navigation link, a line that is a figure text a caption.
    A line is in another language only on evidence: the language model's confidence for the
    article language is low *and* the line has function words of the other language only;
    ``check_language=False`` (an article in a language that is not enabled) skips that check.
    ``rules`` default to those of ``langs``.
    """
    rules = rules or rules_for(langs)
    res = LineResult(title=title)
    known_title = title.strip().lower() if title else None
    pending: list[tuple[int, str]] = []  # candidate body lines before the language check
    for n, raw in enumerate(lines, 1):
        line = normalize_line(raw)
        if not raw.strip(" \t\r\n"):
            continue  # an ordinary blank line separates paragraphs
        if not line:
            res.removed.append(RemovedLine(line=n, text=raw, reason="empty",
                                           detail="only invisible white space"))
            continue
        m = _first(rules.footer, line)
        if m:
            res.footer_outlets.append((m.group("outlet").strip(), line))
            res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="source_footer",
                                           detail=f"source: {m.group('outlet').strip()}"))
            continue
        if rules.share.match(line):
            res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="share"))
            continue
        detail = rules.boilerplate_match(line)
        if detail:
            res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="boilerplate",
                                           detail=detail))
            continue
        if rules.related.match(line):
            res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="related"))
            continue
        if rules.caption.match(line):
            found, conf = (lang, 1.0) if not check_language or _words(line) < 3 \
                or language.obvious(line, lang, langs) \
                else language.detect(line, langs)
            if found and found != lang and conf > 1 - max_other_conf:
                res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="caption_other_language",
                                               detail=f"caption in {found}"))
            else:
                res.captions.append(Caption(line=n, text=line, language=lang))
                res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="caption"))
            continue
        if known_title and line.lower() == known_title:
            res.title_line = n
            continue
        key = line.lower()
        if key in figures:
            res.captions.append(Caption(line=n, text=line, language=lang))
            res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="caption",
                                           detail="figure caption or image text on the page"))
            continue
        if line.lower() in rules.nav_words or (not pending and res.title is None and _is_short(line)):
            res.removed.append(RemovedLine(line=n, text=raw.strip(), reason="navigation"))
            continue
        if find_title and res.title is None and not pending and not _SENTENCE_END.search(line) \
                and _words(line) <= 30:
            res.title, res.title_line = line, n
            continue
        pending.append((n, line))
    # Short lines after the last sentence are navigation remnants too.
    while trailing_short and pending and _is_short(pending[-1][1], 3):
        n, line = pending.pop()
        res.removed.append(RemovedLine(line=n, text=lines[n - 1].strip(), reason="navigation"))
    if links:
        pending = _drop_link_runs(pending, links, max_link_words, res, lines)
    for n, line in pending:
        found = check_language and _other_language(line, lang, langs, min_words, max_other_conf)
        if found:
            res.removed.append(RemovedLine(line=n, text=lines[n - 1].strip(), reason="other_language",
                                           detail=f"line in {found}"))
        else:
            res.body.append((n, line))
    res.removed.sort(key=lambda r: r.line)
    return res


def _drop_link_runs(pending: list[tuple[int, str]], links: frozenset[str], max_words: int,
                    res: LineResult, lines: list[str]) -> list[tuple[int, str]]:
    """Remove runs of two or more lines that are each a whole link of the page (link lists)."""
    flags = [line.lower() in links and _words(line) <= max_words for _, line in pending]
    keep = []
    for i, (n, line) in enumerate(pending):
        run = flags[i] and ((i > 0 and flags[i - 1]) or (i + 1 < len(flags) and flags[i + 1]))
        if run:
            res.removed.append(RemovedLine(line=n, text=lines[n - 1].strip(), reason="related",
                                           detail="one of consecutive lines that are links"))
        else:
            keep.append((n, line))
    return keep


def _other_language(line: str, lang: str, langs: tuple[str, ...], min_words: int,
                    max_other_conf: float) -> str | None:
    """The other enabled language ``line`` is written in, when the evidence says so."""
    words = _words(line)
    if words < min_words:
        return None
    hits = language.function_word_hits(line, langs)  # function words that only one language has
    found = max((c for c in langs if c != lang), key=lambda c: hits[c], default=None)
    if found is None or hits[found] < max(2, 0.2 * words) or hits[lang] > hits[found] // 4:
        return None  # no evidence of another language: the model is not asked
    if language.confidence(line, lang, langs) >= max_other_conf:
        return None
    detected, _ = language.detect(line, langs)
    return found if detected == found else None


def normalize_line(text: str) -> str:
    """One plain space between words: no-break and other odd spaces, control characters out."""
    return _SPACES.sub(" ", _CONTROL.sub("", text)).strip()


def _words(text: str) -> int:
    return len(_WORD.findall(text))
