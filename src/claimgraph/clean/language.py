"""Language identification with lingua: over every language lingua knows (or the
configured ``languages.detect`` list), then, between the enabled languages, as before."""

from __future__ import annotations

import re
from functools import cache
from typing import Any


@cache
def detector(codes: tuple[str, ...]) -> Any:
    """A lingua detector for the given ISO 639-1 codes (built once per process)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    langs = [IsoCode639_1.from_str(c) for c in codes]
    if len(langs) == 1:  # lingua needs two languages; a lone one is always the answer
        return None
    return LanguageDetectorBuilder.from_iso_codes_639_1(*langs).build()


def detect(text: str, codes: tuple[str, ...]) -> tuple[str | None, float]:
    """(language code, confidence) of ``text`` among ``codes``; (None, 0) when undecided."""
    det = detector(codes)
    if det is None:
        return codes[0], 1.0
    values = det.compute_language_confidence_values(text)
    if not values or values[0].value == 0:
        return None, 0.0
    best = values[0]
    return best.language.iso_code_639_1.name.lower(), float(best.value)


@cache
def _function_words(codes: tuple[str, ...]) -> dict[str, str]:
    """Word -> language, for the stop words (spaCy's lists) that only one of ``codes`` has."""
    import importlib

    words: dict[str, set[str]] = {}
    for code in codes:
        try:
            words[code] = set(importlib.import_module(f"spacy.lang.{code}.stop_words").STOP_WORDS)
        except ImportError:
            words[code] = set()
    owner: dict[str, str] = {}
    for code, own in words.items():
        others = set().union(*(words[o] for o in codes if o != code))
        owner.update(dict.fromkeys(own - others, code))
    return owner


_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def function_word_hits(text: str, codes: tuple[str, ...]) -> dict[str, int]:
    owner = _function_words(codes)
    hits = dict.fromkeys(codes, 0)
    for tok in _TOKEN.findall(text.lower()):
        code = owner.get(tok)
        if code is not None:
            hits[code] += 1
    return hits


def obvious(text: str, code: str, codes: tuple[str, ...], min_hits: int = 3) -> bool:
    """Cheap check: ``text`` has several function words of ``code`` and none of the others."""
    hits = function_word_hits(text, codes)
    return hits[code] >= min_hits and all(n == 0 for c, n in hits.items() if c != code)


def detect_document(text: str, codes: tuple[str, ...]) -> str | None:
    """The language of a whole article: function-word majority when clear, else lingua."""
    hits = function_word_hits(text[:3000], codes)
    total = sum(hits.values())
    best = max(hits, key=lambda c: hits[c])
    if total >= 10 and hits[best] >= 0.9 * total:
        return best
    return detect(text[:3000], codes)[0]


def confidence(text: str, code: str, codes: tuple[str, ...]) -> float:
    """Confidence that ``text`` is in language ``code``, among ``codes``.

    Lines that are obviously in ``code`` (its function words only) skip the statistical model.
    """
    det = detector(codes)
    if det is None or obvious(text, code, codes):
        return 1.0
    from lingua import IsoCode639_1, Language

    return float(det.compute_language_confidence(text, Language.from_iso_code_639_1(
        IsoCode639_1.from_str(code))))


@cache
def wide_detector(codes: tuple[str, ...] = ()) -> Any:
    """A low-accuracy lingua detector over ``codes``, or over all its languages when empty
    (built once per process; about 75 MB)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    if len(codes) >= 2:
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(
            *[IsoCode639_1.from_str(c) for c in codes])
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    return builder.with_low_accuracy_mode().build()


# words a text needs before a language that is not enabled can be chosen for it
MIN_WORDS_OTHER = 8
#: the function-word vote decides a document when it has this many tokens, the winner's own
#: function words are at least VOTE_SHARE of them and the runner-up has at most VOTE_MARGIN
#: of the winner's (else lingua decides). On trafilatura-eval (932 pages) the vote decided
#: 881 pages and agreed with lingua on all but one, an English page lingua took for Japanese.
VOTE_MIN_TOKENS = 20
VOTE_SHARE = 0.1
VOTE_MARGIN = 0.33


@cache
def _stop_word_owners(codes: tuple[str, ...] = ()) -> dict[str, str]:
    """Word -> language for the stop words (spaCy's lists) that only one language has, among
    ``codes`` or every language both spaCy and lingua know. The lists are read from spaCy's
    ``lang/<code>/stop_words.py`` alone, without importing the language packages."""
    import importlib.util
    from pathlib import Path

    from lingua import IsoCode639_1

    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        return {}
    lists: dict[str, set[str]] = {}
    for path in sorted((Path(spec.origin).parent / "lang").glob("*/stop_words.py")):
        code = path.parent.name
        if codes and code not in codes:
            continue
        try:
            IsoCode639_1.from_str(code)
        except ValueError:
            continue  # a language lingua does not know (spaCy's "xx", "lb", ...)
        mod_spec = importlib.util.spec_from_file_location(f"_stop_words_{code}", path)
        if mod_spec is None or mod_spec.loader is None:
            continue
        module = importlib.util.module_from_spec(mod_spec)
        mod_spec.loader.exec_module(module)
        lists[code] = {w.lower() for w in getattr(module, "STOP_WORDS", ())}
    seen: dict[str, int] = {}
    for words in lists.values():
        for w in words:
            seen[w] = seen.get(w, 0) + 1
    return {w: code for code, words in lists.items() for w in words if seen[w] == 1}


def vote(text: str, codes: tuple[str, ...] = ()) -> str | None:
    """The language whose own function words clearly dominate ``text``, or None (undecided)."""
    toks = _TOKEN.findall(text.lower())
    if len(toks) < VOTE_MIN_TOKENS:
        return None
    owner = _stop_word_owners(codes)
    hits: dict[str, int] = {}
    for tok in toks:
        code = owner.get(tok)
        if code is not None:
            hits[code] = hits.get(code, 0) + 1
    ranked = sorted(hits.values(), reverse=True)
    if not ranked or ranked[0] < VOTE_SHARE * len(toks):
        return None
    if len(ranked) > 1 and ranked[1] > VOTE_MARGIN * ranked[0]:
        return None
    return max(hits, key=lambda c: hits[c])


def identify(text: str, enabled: tuple[str, ...], detect: tuple[str, ...] = ()) -> str | None:
    """The language of a document among all languages (``detect`` when given): first a vote of
    function words (``vote``), when it is clear; else a language that is not enabled wins when
    lingua is more confident of it than of every enabled one; otherwise the enabled languages
    decide as in ``detect_document``."""
    sample = text[:3000]
    if detect and set(detect) <= set(enabled):
        return detect_document(sample, enabled)
    if len(sample.split()) < MIN_WORDS_OTHER:
        return detect_document(sample, enabled)  # a caption or a credit line: too short to tell
    among = tuple(sorted(set(detect) | set(enabled))) if detect else ()
    voted = vote(sample, among)
    if voted is not None:
        return voted
    values = wide_detector(among).compute_language_confidence_values(sample)
    if values and values[0].value > 0:
        best = values[0].language.iso_code_639_1.name.lower()
        conf = {v.language.iso_code_639_1.name.lower(): float(v.value) for v in values}
        if best not in enabled and values[0].value > max(conf.get(c, 0.0) for c in enabled):
            return best
    return detect_document(sample, enabled)
