"""JSONL / NDJSON: one article per line, ``text`` or ``html`` plus optional metadata."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest.document import Result, rejected, too_large
from claimgraph.ingest.meta import check_text, clean_meta, clean_url
from claimgraph.model import Document, Origin, content_id

_SKIP = 1 << 20


def _line_document(line: bytes, lineno: int, origin: Origin) -> Document:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RejectedInput(
            "undecodable", f"line {lineno}: not valid UTF-8 at byte {exc.start} of the line"
        ) from None
    try:
        obj: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RejectedInput(
            "unparseable", f"line {lineno}: invalid JSON: {exc.msg} (column {exc.colno})"
        ) from None
    except RecursionError:
        raise RejectedInput("unparseable", f"line {lineno}: JSON nested too deeply") from None
    if not isinstance(obj, dict):
        raise RejectedInput(
            "unparseable", f"line {lineno}: expected a JSON object, got {type(obj).__name__}"
        )
    key = "html" if obj.get("html") not in (None, "") else "text"
    if "html" not in obj and "text" not in obj:
        raise RejectedInput("unparseable", f"line {lineno}: object has neither 'text' nor 'html'")
    body = obj.get(key)
    if not isinstance(body, str):
        raise RejectedInput(
            "unparseable", f"line {lineno}: '{key}' must be a string, got {type(body).__name__}"
        )
    if not body.strip():
        raise RejectedInput("empty", f"line {lineno}: '{key}' is empty")
    check_text(body, f"line {lineno}: '{key}'")
    meta, warnings = clean_meta({k: v for k, v in obj.items() if k not in ("text", "html", "url")})
    url = clean_url(obj.get("url"), warnings)
    return Document(
        id=content_id(body),
        origin=origin,
        url=url,
        content_type="text/html" if key == "html" else "text/plain",
        raw=body,
        meta=meta,
        warnings=warnings,
    )


def read_jsonl(stream: BinaryIO, *, path: str | None, config: Config) -> Iterator[Result]:
    """One Document per non-blank line; a bad line becomes a Rejected (record = line number)."""
    limit = config.max_bytes
    lineno = 0
    found = 0
    while line := stream.readline(limit + 1):
        lineno += 1
        origin = Origin(kind="jsonl", path=path, record=str(lineno))
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while (more := stream.readline(_SKIP)) and not more.endswith(b"\n"):
                size += len(more)
            exc = too_large(f"over {size}", limit, f"line {lineno}")
            yield rejected(exc.reason, exc.detail, origin, line)
            found += 1
            continue
        if lineno == 1:
            line = line.removeprefix(codecs.BOM_UTF8)
        if not line.strip():
            continue
        found += 1
        try:
            doc = _line_document(line, lineno, origin)
        except RejectedInput as exc:
            yield rejected(exc.reason, exc.detail, origin, line)
            continue
        except Exception as exc:  # noqa: BLE001 - one bad line never stops the file
            yield rejected("error", f"line {lineno}: {type(exc).__name__}: {exc}", origin, line)
            continue
        yield doc
    if not found:  # a file with no line is an input too: never silently nothing
        where = Origin(kind="jsonl", path=path)
        yield rejected("empty", "the JSONL input has no non-blank line", where, spec=path or "-")
