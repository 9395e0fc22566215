"""Language identification with lingua, restricted to the configured languages."""

from __future__ import annotations

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


def confidence(text: str, code: str, codes: tuple[str, ...]) -> float:
    """Confidence that ``text`` is in language ``code``, among ``codes``."""
    det = detector(codes)
    if det is None:
        return 1.0
    from lingua import IsoCode639_1, Language

    return float(det.compute_language_confidence(text, Language.from_iso_code_639_1(
        IsoCode639_1.from_str(code))))
