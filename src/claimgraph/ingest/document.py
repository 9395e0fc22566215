"""Turning one article's bytes or text into a Document, and rejections into Rejected."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest.decode import DOCUMENT_TYPES, check_binary, decode, parse_content_type
from claimgraph.ingest.meta import check_text, clean_meta, clean_url
from claimgraph.ingest.sniff import sniff_kind
from claimgraph.model import Document, Origin, Rejected, content_id

Result = Document | Rejected


def rejected(
    reason: str, detail: str, origin: Origin, data: bytes | None = None, spec: str = ""
) -> Rejected:
    """A Rejected whose id is the content id of ``data`` when known, else of ``spec``."""
    ident = content_id(data) if data is not None else content_id(spec or origin.model_dump_json())
    return Rejected(id=ident, origin=origin, reason=reason, detail=detail)  # type: ignore[arg-type]


def too_large(size: int | str, limit: int, what: str = "input") -> RejectedInput:
    return RejectedInput(
        "too_large",
        f"{what} is {size} bytes, over the limit of {limit} (raise limits.max_bytes to accept it)",
    )


def media_type(content_type: str | None) -> str | None:
    """The document content_type ("text/html"/"text/plain") for a media type, None if unknown."""
    media, _ = parse_content_type(content_type)
    return DOCUMENT_TYPES.get(media) if media else None


def _only_rejected(fn: Callable[..., Document]) -> Callable[..., Document]:
    """Make a public constructor raise RejectedInput for any failure (reason "error")."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Document:
        try:
            return fn(*args, **kwargs)
        except RejectedInput:
            raise
        except Exception as exc:  # the API promises RejectedInput only
            raise RejectedInput("error", f"{type(exc).__name__}: {exc}") from exc

    return wrapper


@_only_rejected
def from_bytes(
    data: bytes,
    origin: Origin,
    content_type: str | None,
    config: Config,
    *,
    url: str | None = None,
    meta: dict[str, Any] | None = None,
) -> Document:
    """One article from its raw bytes; raises RejectedInput when it cannot be read.

    ``content_type`` is a media type or a full Content-Type header (its charset is used);
    None sniffs HTML versus plain text. ``url`` defaults to ``origin.url``.
    """
    limit = config.max_bytes
    if len(data) > limit:
        raise too_large(len(data), limit)
    media, charset = parse_content_type(content_type)
    if media is not None and media not in DOCUMENT_TYPES:
        raise RejectedInput("unsupported_type", f"content type {media!r} is not text or HTML")
    if not data.strip():
        raise RejectedInput(
            "empty", "empty input (0 bytes)" if not data else "input contains only whitespace"
        )
    check_binary(data)
    kind = DOCUMENT_TYPES[media] if media else None
    if kind is None:
        kind = "text/html" if sniff_kind(data) == "html" else "text/plain"
    text = decode(data, charset, "the Content-Type header", html=kind == "text/html")
    if not text.strip():
        raise RejectedInput("empty", "input contains only whitespace")
    kept, warnings = clean_meta(dict(meta or {}))
    return Document(
        id=content_id(data),
        origin=origin,
        url=clean_url(url if url is not None else origin.url, warnings),
        content_type=kind,
        raw=text,
        meta=kept,
        warnings=warnings,
    )


@_only_rejected
def from_text(
    text: str,
    *,
    url: str | None = None,
    content_type: str | None = "text/plain",
    meta: dict[str, Any] | None = None,
) -> Document:
    """A Document from an article already in memory (the Python API).

    ``content_type`` is "text/plain" or "text/html" (None sniffs it). Raises RejectedInput
    (empty) for blank text, (undecodable) for text with lone surrogates and
    (unsupported_type) for other content types; a bad metadata field is dropped with a warning.
    """
    if not isinstance(text, str):
        raise RejectedInput("unparseable", f"expected text (str), got {type(text).__name__}")
    check_text(text)
    if not text.strip():
        raise RejectedInput("empty", "text is empty or only whitespace")
    if content_type is None:
        kind = "text/html" if sniff_kind(text[:4096].encode("utf-8")) == "html" else "text/plain"
    else:
        found = media_type(content_type)
        if found is None:
            raise RejectedInput(
                "unsupported_type", f"content type {content_type!r} is not text or HTML"
            )
        kind = found
    kept, warnings = clean_meta(dict(meta or {}))
    return Document(
        id=content_id(text),
        origin=Origin(kind="text"),
        url=clean_url(url, warnings),
        content_type=kind,
        raw=text,
        meta=kept,
        warnings=warnings,
    )
