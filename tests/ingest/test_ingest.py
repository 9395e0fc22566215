"""Ingest: every input kind, every bad input, stdin, folders, globs and URL fetching."""

from __future__ import annotations

import contextlib
import gzip
import io
import os
import shutil
import threading
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest import from_bytes, from_text, read_inputs
from claimgraph.ingest import url as url_module
from claimgraph.model import Document, Origin, Rejected, content_id

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ingest"
LATIN1_TEXT = "Le ministre a déclaré mardi que l’accord était « solide »."


def config(**limits: Any) -> Config:
    return Config.load(overrides={f"limits.{k}": v for k, v in limits.items()})


def read(*specs: str | Path, cfg: Config | None = None, stdin: Any = None) -> list[Any]:
    return list(read_inputs([str(s) for s in specs], cfg or config(), stdin=stdin))


def one(*specs: str | Path, **kw: Any) -> Any:
    results = read(*specs, **kw)
    assert len(results) == 1, results
    return results[0]


def docs(results: list[Any]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


# --- plain text and HTML files -------------------------------------------------------------


def test_text_file() -> None:
    path = FIXTURES / "article.txt"
    doc = one(path)
    assert isinstance(doc, Document)
    assert doc.id == content_id(path.read_bytes())
    assert doc.content_type == "text/plain"
    assert doc.raw == path.read_text(encoding="utf-8")
    assert doc.origin == Origin(kind="file", path=str(path))
    assert doc.url is None


def test_html_file() -> None:
    doc = one(FIXTURES / "article.html")
    assert doc.content_type == "text/html"
    assert "“We need more time" in doc.raw


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("notes.md", "text/plain"), ("dispatch.dat", "text/plain"), ("page.data", "text/html")],
)
def test_extension_or_sniffed_type(name: str, content_type: str) -> None:
    doc = one(FIXTURES / name)
    assert isinstance(doc, Document)
    assert doc.content_type == content_type


def test_html_extension_wins_over_content(tmp_path: Path) -> None:
    path = tmp_path / "fragment.htm"
    path.write_text("<p>Only a paragraph, no html element.</p>", encoding="utf-8")
    assert one(path).content_type == "text/html"
    txt = tmp_path / "markup.txt"
    txt.write_text("<html><body>declared as text</body></html>", encoding="utf-8")
    assert one(txt).content_type == "text/plain"


def test_utf8_bom_is_removed(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    data = b"\xef\xbb\xbf" + "Déclaration du porte-parole.".encode()
    path.write_bytes(data)
    doc = one(path)
    assert doc.raw == "Déclaration du porte-parole."
    assert doc.id == content_id(data)


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Le conseil a voté.".encode("utf-16"))
    assert one(path).raw == "Le conseil a voté."


# --- decoding ------------------------------------------------------------------------------


def test_latin1_without_declaration_is_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    data = LATIN1_TEXT.encode("cp1252")
    path.write_bytes(data)
    rej = one(path)
    assert isinstance(rej, Rejected)
    assert rej.reason == "undecodable"
    assert rej.id == content_id(data)
    position = data.index(b"\xe9")
    assert f"not valid UTF-8 at byte {position}" in rej.detail
    assert "no charset declared" in rej.detail
    assert "convert the file to UTF-8" in rej.detail


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="iso-8859-1">',
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
        "<meta charset=windows-1252>",
    ],
)
def test_html_declared_charset(tmp_path: Path, declaration: str) -> None:
    path = tmp_path / "latin1.html"
    html = f"<html><head>{declaration}</head><body><p>{LATIN1_TEXT}</p></body></html>"
    path.write_bytes(html.encode("cp1252"))
    doc = one(path)
    assert isinstance(doc, Document), doc
    assert LATIN1_TEXT in doc.raw


def test_declared_charset_that_does_not_fit(tmp_path: Path) -> None:
    path = tmp_path / "wrong.html"
    path.write_bytes(b'<html><head><meta charset="ascii-but-not-really"></head>\xe9</html>')
    rej = one(path)
    assert rej.reason == "undecodable"
    assert "'ascii-but-not-really'" in rej.detail and "unknown" in rej.detail
    path.write_bytes(b'<html><head><meta charset="shift_jis"></head>\x81\x20</html>')
    rej = one(path)
    assert rej.reason == "undecodable"
    assert "shift_jis" in rej.detail


# --- bad inputs ----------------------------------------------------------------------------


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        archive.writestr("article.txt", "zipped text")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "needle"),
    [
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\nstream of text", "PDF document"),
        ("bundle.txt", _zip_bytes(), "ZIP archive"),
        ("photo.html", b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        ("nul.txt", b"mostly text\x00with a NUL byte", "NUL byte at offset 11"),
        ("controls.dat", b"ab\x01\x02\x03\x04cd\x05\x06\x07\x08" * 50, "control characters"),
    ],
)
def test_binary_is_rejected(tmp_path: Path, name: str, data: bytes, needle: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    rej = one(path)
    assert isinstance(rej, Rejected)
    assert rej.reason == "binary"
    assert needle in rej.detail
    assert rej.id == content_id(data)


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_empty_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    rej = one(path)
    assert rej.reason == "empty"
    assert rej.id == content_id(data)


@pytest.mark.parametrize("name", ["huge.txt", "huge.unknown"])
def test_fifty_megabyte_file_is_too_large(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:
        chunk = b"The committee met again on Friday. " * 30_000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    assert config().max_bytes == 10_000_000
    rej = one(path)
    assert isinstance(rej, Rejected)
    assert rej.reason == "too_large"
    assert str(path.stat().st_size) in rej.detail
    assert "limits.max_bytes" in rej.detail
    assert rej.id == content_id(str(path))


def test_missing_path_and_unmatched_glob(tmp_path: Path) -> None:
    missing = tmp_path / "absent.txt"
    rej = one(missing)
    assert rej.reason == "not_found"
    assert rej.id == content_id(str(missing))
    assert str(missing) in rej.detail
    rej = one(tmp_path / "*.nothing")
    assert rej.reason == "not_found"
    assert "pattern" in rej.detail


def test_xml_that_is_not_a_feed() -> None:
    rej = one(FIXTURES / "catalog.xml")
    assert rej.reason == "unsupported_type"


def test_same_content_gives_same_id(tmp_path: Path) -> None:
    copy = tmp_path / "copy-with-another-name.txt"
    shutil.copy(FIXTURES / "article.txt", copy)
    first, second = read(FIXTURES / "article.txt", copy)
    assert first.id == second.id == content_id((FIXTURES / "article.txt").read_bytes())
    assert [r.id for r in read(FIXTURES / "articles.jsonl")] == [
        r.id for r in read(FIXTURES / "articles.jsonl")
    ]


def test_bad_inputs_never_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "bad.warc").write_bytes(b"this is not an archive\r\n\r\n")
    (tmp_path / "zero.txt").write_bytes(b"")
    results = read(
        tmp_path / "absent", tmp_path / "bad.warc", tmp_path / "zero.txt",
        FIXTURES / "article.txt",
    )
    assert [getattr(r, "reason", "doc") for r in results] == [
        "not_found", "unparseable", "empty", "doc",
    ]


# --- directories, globs and stdin ----------------------------------------------------------


def test_directory_is_recursive_sorted_and_skips_hidden() -> None:
    tree = FIXTURES / "tree"
    paths = [r.origin.path for r in read(tree)]
    assert paths == [
        str(tree / "a.txt"),
        str(tree / "b.html"),
        str(tree / "sub" / "c.txt"),
        str(tree / "sub" / "deeper" / "d.md"),
    ]


def test_glob_patterns() -> None:
    tree = FIXTURES / "tree"
    assert [r.origin.path for r in read(tree / "*.txt")] == [str(tree / "a.txt")]
    recursive = [r.origin.path for r in read(f"{tree}/**/*.txt")]
    assert recursive == [str(tree / "a.txt"), str(tree / "sub" / "c.txt")]


def test_stdin_text_and_html() -> None:
    data = (FIXTURES / "article.txt").read_bytes()
    doc = one("-", stdin=io.BytesIO(data))
    assert doc.origin.kind == "stdin"
    assert doc.id == content_id(data)
    assert doc.content_type == "text/plain"
    html = (FIXTURES / "article.html").read_bytes()
    assert one("-", stdin=io.BytesIO(html)).content_type == "text/html"


def test_stdin_jsonl_warc_and_bad_input(tmp_path: Path) -> None:
    jsonl = read("-", stdin=io.BytesIO((FIXTURES / "articles.jsonl").read_bytes()))
    assert [r.origin.kind for r in jsonl] == ["jsonl"] * len(jsonl)
    assert len(docs(jsonl)) == 3
    warc = build_warc(tmp_path / "in.warc.gz", compress=True)
    from_stdin = docs(read("-", stdin=io.BytesIO(warc.read_bytes())))
    assert [d.url for d in from_stdin] == [d.url for d in docs(read(warc))]
    assert one("-", stdin=io.BytesIO(b"")).reason == "empty"
    rej = one("-", cfg=config(max_bytes=100), stdin=io.BytesIO(b"word " * 100))
    assert rej.reason == "too_large"


# --- JSONL ---------------------------------------------------------------------------------


def test_jsonl_lines_and_rejections() -> None:
    results = read(FIXTURES / "articles.jsonl")
    summary = [(r.origin.record, getattr(r, "reason", "doc")) for r in results]
    assert summary == [
        ("1", "doc"),
        ("2", "doc"),
        ("3", "unparseable"),
        ("4", "unparseable"),
        ("6", "empty"),
        ("7", "unparseable"),
        ("8", "doc"),
    ]
    first, second = results[0], results[1]
    assert first.content_type == "text/plain"
    assert first.url == "https://news.example/a-1"
    assert first.meta == {
        "id": "a-1", "outlet": "Example Daily", "published": "2024-03-04",
        "title": "Dam inspection completed", "author": "R. Okafor",
    }
    assert first.id == content_id(first.raw)
    assert second.content_type == "text/html"
    assert results[2].detail.startswith("line 3: invalid JSON")
    assert "neither 'text' nor 'html'" in results[3].detail
    assert results[6].id == first.id  # same text on another line: same id


def test_jsonl_line_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "mixed.ndjson"
    big = '{"text": "' + "x" * 5000 + '"}\n'
    path.write_text(big + '{"text": "A short article that fits."}\n', encoding="utf-8")
    results = read(path, cfg=config(max_bytes=1000))
    assert [getattr(r, "reason", "doc") for r in results] == ["too_large", "doc"]
    assert results[1].origin.record == "2"


def test_jsonl_invalid_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "enc.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n{"text": "ok text"}\n')
    results = read(path)
    assert results[0].reason == "undecodable"
    assert isinstance(results[1], Document)


# --- WARC ----------------------------------------------------------------------------------


def _response(
    writer: WARCWriter, uri: str, body: bytes, ctype: str, status: str = "200 OK",
    extra: list[tuple[str, str]] | None = None,
) -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", ctype), *(extra or [])], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        uri, "response", payload=io.BytesIO(body), http_headers=headers
    )
    writer.write_record(record)


def build_warc(path: Path, compress: bool, tail: bytes = b"") -> Path:
    """A small crawl: articles plus records that are not articles."""
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        request = StatusAndHeaders(
            "GET /one HTTP/1.1", [("Host", "news.example")], is_http_request=True
        )
        writer.write_record(writer.create_warc_record(
            "https://news.example/one", "request", payload=io.BytesIO(b""), http_headers=request
        ))
        _response(writer, "https://news.example/one",
                   b"<html><body><p>The first crawled article.</p></body></html>",
                   "text/html; charset=utf-8")
        _response(writer, "https://news.example/latin1",
                   f"<html><body><p>{LATIN1_TEXT}</p></body></html>".encode("cp1252"),
                   "text/html; charset=ISO-8859-1")
        _response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n....", "image/png")
        _response(writer, "https://news.example/gone", b"<html>gone</html>", "text/html",
                  status="404 Not Found")
        _response(writer, "https://news.example/zipped",
                  gzip.compress(b"<html><body><p>Compressed on the wire.</p></body></html>"),
                  "text/html", extra=[("Content-Encoding", "gzip")])
        _response(writer, "https://news.example/plain.txt", b"A plain text bulletin.",
                  "text/plain")
        writer.write_record(writer.create_warc_record(
            "urn:example:note", "resource", payload=io.BytesIO(b"A stored note, not crawled."),
            warc_content_type="text/plain; charset=utf-8",
        ))
        if tail:
            _response(writer, "https://news.example/last", tail, "text/html")
    return path


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_warc_records(tmp_path: Path, name: str, compress: bool) -> None:
    everything = read(build_warc(tmp_path / name, compress))
    # Records that are not articles are recorded with a reason, never silently skipped.
    skipped = [r for r in everything if isinstance(r, Rejected)]
    assert [(r.origin.url, r.reason) for r in skipped] == [
        ("https://news.example/logo.png", "unsupported_type"),
        ("https://news.example/gone", "fetch_failed"),
    ]
    assert "404" in skipped[1].detail and "image/png" in skipped[0].detail
    results = [r for r in everything if isinstance(r, Document)]
    assert [d.url for d in results] == [
        "https://news.example/one",
        "https://news.example/latin1",
        "https://news.example/zipped",
        "https://news.example/plain.txt",
        "urn:example:note",
    ]
    first = results[0]
    assert first.origin.kind == "warc"
    assert first.origin.path == str(tmp_path / name)
    assert first.origin.url == "https://news.example/one"
    assert first.origin.record and first.origin.record.startswith("<urn:uuid:")
    assert first.origin.fetched and first.origin.fetched.startswith("20")
    assert first.id == content_id(b"<html><body><p>The first crawled article.</p></body></html>")
    assert LATIN1_TEXT in results[1].raw
    assert "Compressed on the wire." in results[2].raw
    assert [d.content_type for d in results[3:]] == ["text/plain", "text/plain"]


def test_warc_sniffed_without_extension(tmp_path: Path) -> None:
    warc = build_warc(tmp_path / "crawl.warc.gz", compress=True)
    renamed = warc.rename(tmp_path / "crawl.bin")
    assert len(docs(read(renamed))) == 5


@pytest.mark.parametrize(("name", "compress"), [("cut.warc", False), ("cut.warc.gz", True)])
def test_truncated_warc(tmp_path: Path, name: str, compress: bool) -> None:
    tail = b"<html><body><p>" + os.urandom(3000).hex().encode() + b"</p></body></html>"
    path = build_warc(tmp_path / name, compress, tail=tail)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 1500])
    results = read(path)
    assert len(docs(results)) == 5
    last = results[-1]
    assert isinstance(last, Rejected)
    assert last.reason == "unparseable"
    assert f"WARC {path} is truncated or corrupt after 5 document(s)" in last.detail


def test_warc_record_over_the_limit(tmp_path: Path) -> None:
    path = build_warc(tmp_path / "big.warc", False, tail=b"<p>" + b"y" * 5000 + b"</p>")
    results = read(path, cfg=config(max_bytes=2000))
    assert len(docs(results)) == 5
    assert results[-1].reason == "too_large"
    assert results[-1].origin.url == "https://news.example/last"


# --- feeds ---------------------------------------------------------------------------------


def test_rss_feed() -> None:
    results = read(FIXTURES / "feed.rss")
    ferry, library, headline = results
    assert ferry.content_type == "text/html"
    assert ferry.url == "https://courier.example/2024/05/ferry"
    assert ferry.origin.kind == "feed"
    assert ferry.origin.record == "https://courier.example/2024/05/ferry"
    assert ferry.meta["title"] == "Ferry service resumes"
    assert ferry.meta["author"] == "Marta Quill"
    assert ferry.meta["published"] == "2024-05-07T08:30:00+00:00"
    assert ferry.meta["feed_title"] == "Vellmar Courier"
    assert "outlet" not in ferry.meta
    assert "resumed service on Tuesday" in ferry.raw
    assert ferry.raw.startswith("<html><body><p>The island ferry")
    assert ferry.raw.endswith("</p></body></html>")
    body = ferry.raw.removeprefix("<html><body>").removesuffix("</body></html>")
    assert ferry.id == content_id(body)
    assert library.raw.startswith("The central library")
    assert library.content_type == "text/plain"  # a summary without any markup
    assert library.meta["published"] == "2024-05-06T15:00:00+00:00"
    assert isinstance(headline, Rejected) and headline.reason == "empty"


@pytest.mark.parametrize("name", ["feed.atom", "ledger.feed"])
def test_atom_feed_by_extension_or_sniffed(name: str) -> None:
    entry = one(FIXTURES / name)
    assert isinstance(entry, Document)
    assert entry.url == "https://ledger.example/glacier-station"
    assert entry.meta["author"] == "Tomas Birkeland"
    assert entry.meta["published"] == "2024-06-01T09:15:00+00:00"
    assert entry.raw.startswith("<html><body><p>A new station")


def test_broken_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text("this is not xml at all", encoding="utf-8")
    assert one(path).reason == "unparseable"


# --- Python API ----------------------------------------------------------------------------


def test_from_bytes_with_header_charset() -> None:
    data = f"<p>{LATIN1_TEXT}</p>".encode("latin-1", "replace")
    origin = Origin(kind="url", url="https://news.example/x")
    doc = from_bytes(data, origin, "text/html; charset=ISO-8859-1", config())
    assert doc.url == "https://news.example/x"
    assert doc.content_type == "text/html"
    assert "déclaré" in doc.raw
    with pytest.raises(RejectedInput) as info:
        from_bytes(data, origin, "text/plain", config())
    assert info.value.reason == "undecodable"
    with pytest.raises(RejectedInput) as info:
        from_bytes(b"GIF89a....", origin, None, config())
    assert info.value.reason == "binary"
    with pytest.raises(RejectedInput) as info:
        from_bytes(b"text", origin, "application/pdf", config())
    assert info.value.reason == "unsupported_type"


def test_from_text() -> None:
    doc = from_text("A short article.", url="https://news.example/y", meta={"outlet": "X"})
    assert doc.id == content_id("A short article.")
    assert doc.origin.kind == "text"
    assert (doc.url, doc.content_type, doc.meta) == ("https://news.example/y", "text/plain",
                                                     {"outlet": "X"})
    assert from_text("<!doctype html><p>x</p>", content_type=None).content_type == "text/html"
    assert from_text("<p>x</p>", content_type="text/html").content_type == "text/html"
    with pytest.raises(RejectedInput):
        from_text("   ")


# --- URLs ----------------------------------------------------------------------------------

PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)


class _Handler(BaseHTTPRequestHandler):
    seen: ClassVar[list[str]] = []

    def log_message(self, *args: Any) -> None:
        pass

    def _send(self, status: int, ctype: str | None, body: bytes, length: bool = True,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may have given up (timeout and size tests)

    def do_GET(self) -> None:
        self.seen.append(self.path)
        page = b"<html><body><p>A page served over HTTP.</p></body></html>"
        routes = {
            "/article": lambda: self._send(200, "text/html; charset=utf-8", page),
            "/plain": lambda: self._send(200, "text/plain", b"Plain text over HTTP."),
            "/latin1": lambda: self._send(200, "text/html; charset=iso-8859-1",
                                          f"<p>{LATIN1_TEXT}</p>".encode("cp1252")),
            "/gzip": lambda: self._send(200, "text/html", gzip.compress(page),
                                        extra={"Content-Encoding": "gzip"}),
            "/missing": lambda: self._send(404, "text/html", b"<p>not here</p>"),
            "/image": lambda: self._send(200, "image/png", PNG),
            "/big": lambda: self._send(200, "text/html", b"<p>" + b"z" * 5000 + b"</p>"),
            "/big-unannounced": lambda: self._send(200, "text/html", b"z" * 5000, length=False),
            "/feed": lambda: self._send(200, "application/rss+xml",
                                        (FIXTURES / "feed.rss").read_bytes()),
            "/redirect": lambda: self._send(302, None, b"", extra={"Location": "/article"}),
            "/to-metadata": lambda: self._send(
                302, None, b"", extra={"Location": "http://169.254.169.254/latest/meta-data/"}
            ),
            "/host": lambda: self._send(200, "text/plain", self.headers["Host"].encode()),
            "/slow": lambda: (time.sleep(1.5), self._send(200, "text/plain", b"late")),
        }
        routes.get(self.path, lambda: self._send(404, "text/plain", b"no route"))()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def allowed(**limits: Any) -> Config:
    return config(allow_private_addresses=True, **limits)


def test_url_refused_without_the_allowance(server: str) -> None:
    _Handler.seen.clear()
    port = server.rsplit(":", 1)[1]
    for spec in (f"{server}/article", f"http://localhost:{port}/article"):
        rej = one(spec)
        assert isinstance(rej, Rejected)
        assert rej.reason == "forbidden_address"
        assert "loopback" in rej.detail and "allow_private_addresses" in rej.detail
        assert rej.id == content_id(spec)
        assert rej.origin.url == spec
    assert _Handler.seen == []


@pytest.mark.parametrize(
    "spec",
    [
        "http://10.1.2.3/",
        "http://192.168.0.10:8080/x",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://224.0.0.251/",
        "http://240.0.0.1/",
        "https://100.64.0.1/",
    ],
)
def test_private_and_special_addresses_are_refused(spec: str) -> None:
    assert one(spec).reason == "forbidden_address"


def test_public_address_is_not_forbidden() -> None:
    import ipaddress

    assert url_module.forbidden_reason(ipaddress.ip_address("8.8.8.8")) is None
    assert url_module.forbidden_reason(ipaddress.ip_address("2001:4860:4860::8888")) is None


def test_url_fetched_with_the_allowance(server: str) -> None:
    doc = one(f"{server}/article", cfg=allowed())
    assert isinstance(doc, Document), doc
    assert doc.origin.kind == "url"
    assert doc.origin.url == doc.url == f"{server}/article"
    assert doc.origin.fetched
    assert doc.content_type == "text/html"
    assert doc.id == content_id(b"<html><body><p>A page served over HTTP.</p></body></html>")
    assert one(f"{server}/plain", cfg=allowed()).content_type == "text/plain"
    assert LATIN1_TEXT in one(f"{server}/latin1", cfg=allowed()).raw
    assert one(f"{server}/gzip", cfg=allowed()).id == doc.id


def test_url_redirect_is_followed(server: str) -> None:
    doc = one(f"{server}/redirect", cfg=allowed())
    assert doc.url == f"{server}/article"
    assert doc.origin.url == f"{server}/redirect"


def test_url_redirect_target_is_checked(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    real = url_module.forbidden_reason

    def loopback_is_public(ip: Any) -> str | None:
        return None if str(ip) == "127.0.0.1" else real(ip)

    monkeypatch.setattr(url_module, "forbidden_reason", loopback_is_public)
    _Handler.seen.clear()
    rej = one(f"{server}/to-metadata")
    assert rej.reason == "forbidden_address"
    assert "169.254.169.254" in rej.detail and "link-local" in rej.detail
    assert _Handler.seen == ["/to-metadata"]


def test_connection_goes_to_the_checked_address(server: str) -> None:
    port = int(server.rsplit(":", 1)[1])
    conn = url_module._PinnedHTTP("name-that-is-never-resolved.invalid", port, "127.0.0.1", 5)
    conn.request("GET", "/host")
    body = conn.getresponse().read()
    conn.close()
    assert body == f"name-that-is-never-resolved.invalid:{port}".encode()


def test_url_errors(server: str) -> None:
    rej = one(f"{server}/missing", cfg=allowed())
    assert rej.reason == "fetch_failed" and "HTTP 404" in rej.detail
    rej = one(f"{server}/image", cfg=allowed())
    assert rej.reason == "unsupported_type" and "image/png" in rej.detail
    for path in ("/big", "/big-unannounced"):
        rej = one(f"{server}{path}", cfg=allowed(max_bytes=1000))
        assert rej.reason == "too_large", rej
    rej = one(f"{server}/slow", cfg=allowed(fetch_timeout=0.3))
    assert rej.reason == "fetch_failed" and "timed out" in rej.detail
    rej = one("http://unresolvable-host.invalid/", cfg=allowed())
    assert rej.reason == "fetch_failed" and "cannot resolve" in rej.detail


def test_url_feed(server: str) -> None:
    results = read(f"{server}/feed", cfg=allowed())
    assert [type(r).__name__ for r in results] == ["Document", "Document", "Rejected"]
    assert results[0].origin.kind == "feed"
    assert results[0].origin.url == f"{server}/feed"
    assert results[0].url == "https://courier.example/2024/05/ferry"


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An https server on 127.0.0.1 with a self-signed certificate for localhost."""
    pytest.importorskip("cryptography")
    import datetime
    import ipaddress
    import ssl

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://localhost:{httpd.server_address[1]}", cert_file
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_https_certificate_is_verified(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    import ssl

    base, cert_file = tls_server
    rej = one(f"{base}/article", cfg=allowed())
    assert rej.reason == "fetch_failed" and "CERTIFICATE_VERIFY_FAILED" in rej.detail
    monkeypatch.setattr(
        url_module, "_tls_context", lambda: ssl.create_default_context(cafile=str(cert_file))
    )
    doc = one(f"{base}/article", cfg=allowed())
    assert isinstance(doc, Document), doc
    assert "served over HTTP" in doc.raw
    assert one(f"{base}/host", cfg=allowed()).raw == base.removeprefix("https://")


def test_url_path_is_percent_encoded(server: str) -> None:
    _Handler.seen.clear()
    rej = one(f"{server}/ünï code?q=é", cfg=allowed())
    assert rej.reason == "fetch_failed" and "HTTP 404" in rej.detail
    assert _Handler.seen == ["/%C3%BCn%C3%AF%20code?q=%C3%A9"]
