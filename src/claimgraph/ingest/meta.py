"""Checks on what an input gives besides its body: lone surrogates, metadata field types.

A body or URL that cannot be encoded (a lone surrogate such as a JSON ``"\\ud800"``) rejects
the input; a metadata field of the wrong type, too deeply nested or holding such a string is
dropped with a warning recorded on the document, and the article is kept.
"""

from __future__ import annotations

from typing import Any

from claimgraph.errors import RejectedInput
from claimgraph.model import InputWarning

#: Metadata fields the stages read, all strings (clean: title, author, published, language,
#: outlet, site).
STRING_FIELDS = ("title", "author", "published", "language", "outlet", "site", "feed_title")
#: Deepest nesting kept in a free-form metadata value.
MAX_DEPTH = 16


def surrogate_at(text: str) -> int | None:
    """The index of the first lone surrogate in ``text``, or None when it encodes as UTF-8."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def check_text(text: str, what: str = "text") -> None:
    """Raise RejectedInput(undecodable) when ``text`` holds a lone surrogate."""
    pos = surrogate_at(text)
    if pos is not None:
        raise RejectedInput(
            "undecodable",
            f"{what} holds a lone surrogate (U+{ord(text[pos]):04X}) at character {pos}: "
            "not valid Unicode text")


def _problem(value: Any, depth: int = 0) -> str | None:
    """Why a free-form value cannot be kept (None when it can)."""
    if depth > MAX_DEPTH:
        return f"nested deeper than {MAX_DEPTH} levels"
    if isinstance(value, str):
        pos = surrogate_at(value)
        return None if pos is None else f"lone surrogate at character {pos}"
    if isinstance(value, dict):
        for key, item in value.items():
            found = _problem(key, depth + 1) if isinstance(key, str) else "non-string key"
            found = found or _problem(item, depth + 1)
            if found:
                return found
        return None
    if isinstance(value, list):
        for item in value:
            found = _problem(item, depth + 1)
            if found:
                return found
        return None
    if value is None or isinstance(value, bool | int | float):
        return None
    return f"unsupported type {type(value).__name__}"


def clean_meta(meta: dict[str, Any]) -> tuple[dict[str, Any], list[InputWarning]]:
    """The metadata fields that can be kept, and a warning for each one dropped."""
    kept: dict[str, Any] = {}
    warnings: list[InputWarning] = []
    for key, value in meta.items():
        name = key if isinstance(key, str) and surrogate_at(key) is None else repr(key)
        if name != key:
            warnings.append(InputWarning(field=name, detail="field name is not valid text; dropped"))
            continue
        if key in STRING_FIELDS and value is not None and not isinstance(value, str):
            warnings.append(InputWarning(
                field=key, detail=f"expected a string, got {type(value).__name__}; dropped"))
            continue
        problem = _problem(value)
        if problem:
            warnings.append(InputWarning(field=key, detail=f"{problem}; dropped"))
            continue
        kept[key] = value
    return kept, warnings


def clean_url(url: Any, warnings: list[InputWarning]) -> str | None:
    """A usable URL string, else None (with a warning when one was given)."""
    if url is None or url == "":
        return None
    if not isinstance(url, str):
        warnings.append(InputWarning(
            field="url", detail=f"expected a string, got {type(url).__name__}; dropped"))
        return None
    if surrogate_at(url) is not None:
        warnings.append(InputWarning(field="url", detail="lone surrogate in the URL; dropped"))
        return None
    return url
