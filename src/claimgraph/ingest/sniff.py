"""Input-kind detection from file names and leading bytes, and a stream with a pushed-back head."""

from __future__ import annotations

import codecs
import io
import re
import zlib
from typing import BinaryIO, Literal

Kind = Literal["text", "html", "jsonl", "warc", "feed", "xml"]

HEAD_BYTES = 65536

_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "xml",
}

_PROLOG = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<![^>]*>)", re.S)
_FIRST_TAG = re.compile(rb"\s*<([A-Za-z][\w:.\-]*)")
_JSONL_KEY = re.compile(rb"\"(?:text|html)\"\s*:")


def kind_from_name(name: str) -> Kind | None:
    """The kind a file name's extension announces (``.warc.gz`` included), else None."""
    lower = name.lower()
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return _SUFFIXES[suffix]
    return None


def is_warc(head: bytes) -> bool:
    """True when ``head`` starts a WARC file, plain or gzip-compressed."""
    if head.startswith(b"WARC/"):
        return True
    if head.startswith(b"\x1f\x8b"):
        try:
            return zlib.decompressobj(47).decompress(head, 16).startswith(b"WARC/")
        except zlib.error:
            return False
    return False


def markup_kind(head: bytes) -> Kind | None:
    """The kind ("feed", "html" or "xml") a markup document's first element announces."""
    head = head[:HEAD_BYTES].removeprefix(codecs.BOM_UTF8)
    pos = 0
    doctype_html = False
    while match := _PROLOG.match(head, pos):
        if match.group(0).strip().lower().startswith(b"<!doctype html"):
            doctype_html = True
        pos = match.end()
    tag = _FIRST_TAG.match(head, pos)
    name = tag.group(1).lower() if tag else b""
    if name in (b"rss", b"feed", b"rdf:rdf"):
        return "feed"
    if doctype_html or name in (b"html", b"head", b"body"):
        return "html"
    if head.lstrip().startswith(b"<?xml"):
        return "xml"
    return None


def sniff_kind(head: bytes) -> Kind:
    """The kind of content from its first bytes (text when nothing else matches)."""
    if is_warc(head):
        return "warc"
    body = head.removeprefix(codecs.BOM_UTF8).lstrip()
    first_line = body.split(b"\n", 1)[0]
    if first_line.startswith(b"{") and _JSONL_KEY.search(first_line):
        return "jsonl"
    markup = markup_kind(head)
    if markup is not None:
        return markup
    if re.search(rb"<html[\s>]|<!doctype html", body[:1024], re.I):
        return "html"
    return "text"


class PrefixedStream(io.RawIOBase):
    """A readable stream that returns ``head`` and then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._stream.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def buffered(head: bytes, stream: BinaryIO) -> io.BufferedReader:
    """``head`` followed by ``stream`` as a buffered binary reader."""
    return io.BufferedReader(PrefixedStream(head, stream), buffer_size=HEAD_BYTES)
