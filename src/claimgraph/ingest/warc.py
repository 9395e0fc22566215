"""WARC and WARC.gz: each response/resource record with an HTML or text payload."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest.decode import DOCUMENT_TYPES, binary_kind, parse_content_type
from claimgraph.ingest.document import Result, from_bytes, rejected, too_large
from claimgraph.ingest.sniff import buffered
from claimgraph.model import Document, Origin

_DRAIN = 1 << 16


class _Corrupt(Exception):
    """The archive ends early or cannot be decompressed."""


class _GunzipStream(io.RawIOBase):
    """Decompresses a (multi-member) gzip stream; truncation or bad data raises _Corrupt."""

    def __init__(self, stream: BinaryIO) -> None:
        super().__init__()
        self._gz = gzip.GzipFile(fileobj=stream, mode="rb")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        try:
            data = self._gz.read1(len(buffer))  # what is there, before any error
        except EOFError as exc:
            raise _Corrupt(f"the gzip data ends early ({exc})") from None
        except (OSError, zlib.error) as exc:
            raise _Corrupt(f"bad gzip data ({exc})") from None
        buffer[: len(data)] = data
        return len(data)


def _drain(record: Any) -> None:
    """Read the rest of a record's block; raise _Corrupt if the file ends inside it."""
    raw = record.raw_stream
    while raw.read(_DRAIN):
        pass
    missing = getattr(raw, "limit", 0)
    if missing > 0:
        rid = record.rec_headers.get_header("WARC-Record-ID")
        length = record.rec_headers.get_header("Content-Length")
        raise _Corrupt(
            f"record {rid} declares {length} bytes but the file ends {missing} bytes short"
        )


def _content_type(record: Any) -> tuple[bool, str | None]:
    """(whether the record may hold an article, its payload Content-Type)."""
    if record.rec_type == "resource":
        return True, record.rec_headers.get_header("Content-Type")
    http = record.http_headers
    if http is None:
        return False, None
    status = http.get_statuscode() or ""
    return status.startswith("2"), http.get_header("Content-Type")


def _records(it: ArchiveIterator, path: str | None, config: Config) -> Iterator[Result]:
    limit = config.max_bytes
    for record in it:
        if record.rec_type is None or record.format not in ("warc", "arc2warc"):
            raise _Corrupt("a record has no WARC header (is this a WARC file?)")
        if record.rec_type not in ("response", "resource"):
            _drain(record)
            continue
        wanted, ctype = _content_type(record)
        media, _ = parse_content_type(ctype)
        headers = record.rec_headers
        uri = headers.get_header("WARC-Target-URI")
        origin = Origin(
            kind="warc",
            path=path,
            url=uri,
            record=headers.get_header("WARC-Record-ID"),
            fetched=headers.get_header("WARC-Date"),
        )
        if not wanted or (media is not None and media not in DOCUMENT_TYPES):
            _drain(record)  # recorded, not silently skipped: a crawl's images, redirects ...
            key = origin.record or uri or "-"
            if not wanted and record.http_headers is None:
                yield rejected("unparseable", f"{uri}: response record without HTTP headers",
                               origin, spec=key)
            elif not wanted:
                status = record.http_headers.get_statuscode()
                yield rejected("fetch_failed", f"{uri}: HTTP status {status}", origin,
                               spec=uri or path or "-")
            else:
                yield rejected("unsupported_type", f"{uri}: {media} is not an article",
                               origin, spec=key)
            continue
        payload = record.content_stream().read(limit + 1)
        _drain(record)
        if len(payload) > limit:
            exc = too_large(f"over {limit}", limit, f"record payload ({uri})")
            yield rejected(exc.reason, exc.detail, origin, payload)
            continue
        if media is None and binary_kind(payload):  # no declared type and not text
            yield rejected("binary", f"{uri}: {binary_kind(payload)} content, not an article",
                           origin, payload)
            continue
        try:
            yield from_bytes(payload, origin, ctype, config, url=uri)
        except RejectedInput as exc:
            offset = it.get_record_offset()
            yield rejected(exc.reason, f"{uri} (record at byte {offset}): {exc.detail}",
                           origin, payload)


def read_warc(
    stream: BinaryIO, *, path: str | None, config: Config, spec: str = ""
) -> Iterator[Result]:
    """Documents of a WARC stream; a truncated or corrupt archive ends with a Rejected."""
    head = stream.read(2)
    if not head:
        where = Origin(kind="warc", path=path)
        yield rejected("empty", "the WARC input is empty (0 bytes)", where, b"")
        return
    source: BinaryIO = buffered(head, stream)
    if head == b"\x1f\x8b":
        # Unbuffered on purpose: a read-ahead buffer would lose the records before an error.
        source = _GunzipStream(source)  # type: ignore[assignment]
    count = seen = 0
    label = "standard input" if (spec or path) == "-" else spec or path or "input"
    try:
        for result in _records(ArchiveIterator(source), path, config):
            count += isinstance(result, Document)
            seen += 1
            yield result
        if not seen:  # records of other types only, or no record at all: never nothing
            yield rejected("empty", f"WARC {label} holds no response or resource record",
                           Origin(kind="warc", path=path), spec=spec or path or "-")
    except Exception as exc:  # noqa: BLE001 - any parse failure ends this archive, not the batch
        detail = str(exc) if isinstance(exc, _Corrupt) else f"{type(exc).__name__}: {exc}"
        yield rejected(
            "unparseable",
            f"WARC {label} is truncated or corrupt after {count} "
            f"document(s): {detail.strip()}",
            Origin(kind="warc", path=path),
            spec=spec or path or "-",
        )
