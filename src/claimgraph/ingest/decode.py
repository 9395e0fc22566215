"""Byte-level checks and decoding: binary sniffing, Content-Type parsing and charsets."""

from __future__ import annotations

import codecs
import re

from claimgraph.errors import RejectedInput

# Media types that become a single document, mapped to the content_type we record.
DOCUMENT_TYPES = {
    "text/html": "text/html",
    "application/xhtml+xml": "text/html",
    "text/plain": "text/plain",
}

# Leading bytes of common non-text formats and a name for the rejection detail.
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT/EPUB)"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (old Word/Excel)"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"OggS", "Ogg media"),
    (b"ID3\x03", "MP3 audio"),
    (b"ID3\x04", "MP3 audio"),
    (b"\x00asm", "WebAssembly module"),
]

# C0 control bytes other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = bytes([*range(0, 9), *range(14, 32), 127])
_CONTROL_SAMPLE = 65536
_CONTROL_MAX_RATIO = 0.1

_LATIN1_ALIASES = {"latin-1", "iso8859-1", "ascii"}
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)", re.I)

FIX_HINT = "convert the file to UTF-8 (e.g. iconv -f latin1 -t utf-8) or declare its charset"


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """Split a Content-Type value into (lower-case media type, charset parameter)."""
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower() or None, charset


def binary_kind(data: bytes) -> str | None:
    """A description of why ``data`` looks binary, or None when it may be text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    for magic, name in _MAGIC:
        if data.startswith(magic):
            return name
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    if data.startswith(b"RIFF") and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return "RIFF media (WebP/WAV/AVI)"
    nul = data.find(b"\x00")
    if nul >= 0:
        return f"NUL byte at offset {nul} (binary data, or UTF-16 without a byte-order mark)"
    sample = data[:_CONTROL_SAMPLE]
    if sample:
        controls = sum(sample.count(bytes([c])) for c in _CONTROL)
        if controls / len(sample) > _CONTROL_MAX_RATIO:
            return f"{controls} control characters in the first {len(sample)} bytes"
    return None


def check_binary(data: bytes) -> None:
    """Raise RejectedInput(binary) when ``data`` is not text."""
    kind = binary_kind(data)
    if kind is not None:
        raise RejectedInput(
            "binary",
            f"binary content ({kind}); claimgraph reads text, HTML, JSONL, WARC and RSS/Atom",
        )


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first bytes (meta or XML prolog)."""
    head = data[:8192]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def _where(data: bytes, exc: UnicodeDecodeError) -> str:
    line = data.count(b"\n", 0, exc.start) + 1
    bad = " ".join(f"0x{b:02x}" for b in data[exc.start : max(exc.end, exc.start + 1)][:4])
    return f"at byte {exc.start} (line {line}: {bad})"


def decode(
    data: bytes, charset: str | None = None, source: str = "HTTP header", html: bool = False
) -> str:
    """Decode ``data``: UTF-8 (BOM allowed), else the declared charset, else reject.

    ``charset`` comes from an HTTP (or WARC HTTP) header named by ``source``; with ``html``
    the document's own ``<meta charset>`` or XML declaration is also consulted.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as exc:
            exc.start += 3
            exc.end += 3
            raise RejectedInput(
                "undecodable", f"UTF-8 byte-order mark but not valid UTF-8 {_where(data, exc)}"
            ) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise RejectedInput(
                "undecodable", f"UTF-16 byte-order mark but not valid UTF-16 {_where(data, exc)}"
            ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if not charset and html:
        charset, source = declared_charset(data), "the document's meta/XML declaration"
    if not charset:
        raise RejectedInput(
            "undecodable",
            f"not valid UTF-8 {_where(data, utf8_error)} and no charset declared; {FIX_HINT}",
        )
    try:
        name = codecs.lookup(charset).name
    except LookupError:
        raise RejectedInput(
            "undecodable",
            f"not valid UTF-8 {_where(data, utf8_error)} and the charset {charset!r} declared "
            f"by {source} is unknown; {FIX_HINT}",
        ) from None
    # As browsers do, read latin-1/ASCII declarations as windows-1252 (a superset).
    candidates = ["cp1252", name] if name in _LATIN1_ALIASES else [name]
    error: UnicodeDecodeError | None = None
    for candidate in candidates:
        try:
            return data.decode(candidate)
        except UnicodeDecodeError as exc:
            error = error or exc
    assert error is not None
    raise RejectedInput(
        "undecodable",
        f"not valid {charset} (declared by {source}) {_where(data, error)}; {FIX_HINT}",
    )
