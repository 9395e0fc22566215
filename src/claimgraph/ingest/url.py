"""http(s) URLs: fetched with size, time and content-type limits, never to private addresses.

Every address a host resolves to is checked (also after each redirect) and the connection
is made to the checked address itself, so DNS cannot swap in another one in between.
Environment proxies are not used.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from urllib.parse import quote, urljoin, urlsplit

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.ingest.decode import DOCUMENT_TYPES, parse_content_type
from claimgraph.ingest.document import Result, from_bytes, rejected, too_large
from claimgraph.ingest.feed import read_feed
from claimgraph.ingest.sniff import markup_kind
from claimgraph.model import Origin

FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
MAX_REDIRECTS = 5
USER_AGENT = "claimgraph/0.1 (+news article ingestion)"
_ACCEPT = (
    "text/html,application/xhtml+xml,text/plain;q=0.9,"
    "application/rss+xml,application/atom+xml,application/xml;q=0.8"
)
_CHUNK = 1 << 16
_SAFE = "/%:@!$&'()*+,;=-._~"

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_url(spec: str) -> bool:
    return spec[:8].lower().startswith(("http://", "https://"))


def forbidden_reason(ip: Address) -> str | None:
    """Why a request to ``ip`` is not allowed by default, or None for a public address."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attr, label in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(ip, attr):
            return label
    if not ip.is_global:
        return "not globally routable"
    return None


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a fixed, already checked address."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def _tls_context() -> ssl.SSLContext:
    """The TLS settings for https: system trust store, certificate and host name verified."""
    return ssl.create_default_context()


class _PinnedHTTPS(http.client.HTTPSConnection):
    """An HTTPS connection to a fixed address, verifying the certificate of ``host``."""

    def __init__(self, host: str, port: int, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=_tls_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


def _addresses(host: str, port: int, allow_private: bool) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise RejectedInput("fetch_failed", f"cannot resolve host {host!r}: {exc}") from None
    found = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not allow_private:
        for address in found:
            reason = forbidden_reason(ipaddress.ip_address(address.split("%")[0]))
            if reason:
                raise RejectedInput(
                    "forbidden_address",
                    f"{host} resolves to {address}, a {reason} address; fetching it is refused "
                    "(set limits.allow_private_addresses = true to allow it)",
                )
    return found


def _open(
    url: str, timeout: float, allow_private: bool
) -> tuple[http.client.HTTPConnection, http.client.HTTPResponse]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise RejectedInput("fetch_failed", f"unsupported URL scheme {scheme!r} in {url}")
    host = parts.hostname
    if not host:
        raise RejectedInput("fetch_failed", f"no host in URL {url}")
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise RejectedInput("fetch_failed", f"bad host name in URL {url}") from None
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise RejectedInput("fetch_failed", f"bad port in URL {url}") from None
    target = quote(parts.path or "/", safe=_SAFE)
    if parts.query:
        target += "?" + quote(parts.query, safe=_SAFE + "?")
    cls = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    last: OSError | None = None
    for address in _addresses(host, port, allow_private):
        conn = cls(host, port, address, timeout)
        try:
            conn.connect()
        except OSError as exc:
            last = exc
            conn.close()
            continue
        conn.request("GET", target, headers={
            "User-Agent": USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate",
        })
        return conn, conn.getresponse()
    raise RejectedInput("fetch_failed", f"cannot connect to {host}:{port}: {last}")


def _read_body(
    resp: http.client.HTTPResponse, limit: int, deadline: float, timeout: float
) -> bytes:
    length = resp.getheader("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise too_large(length, limit, "the response body")
    encoding = (resp.getheader("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise RejectedInput("fetch_failed", f"unsupported Content-Encoding {encoding!r}")
    inflate = zlib.decompressobj(47) if encoding != "identity" else None
    chunks: list[bytes] = []
    size = 0
    while chunk := resp.read1(_CHUNK):
        if time.monotonic() > deadline:
            raise RejectedInput("fetch_failed", f"timed out after {timeout:g} s")
        if inflate is not None:
            try:
                chunk = inflate.decompress(chunk, limit + 1 - size)
            except zlib.error as exc:
                raise RejectedInput("fetch_failed", f"bad {encoding} body: {exc}") from None
        size += len(chunk)
        if size > limit or (inflate is not None and inflate.unconsumed_tail):
            raise too_large(f"over {limit}", limit, "the response body (reading stopped)")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(url: str, config: Config) -> Iterator[Result]:
    """The documents at ``url``: one page, or the entries of a feed."""
    timeout = float(config.get("limits.fetch_timeout", 20.0))
    allow_private = bool(config.get("limits.allow_private_addresses", False))
    limit = config.max_bytes
    fetched = datetime.now(UTC).isoformat(timespec="seconds")
    origin = Origin(kind="url", url=url, fetched=fetched)
    deadline = time.monotonic() + timeout
    current = url
    body: bytes | None = None
    ctype: str | None = None
    media: str | None = None
    charset: str | None = None
    try:
        for _ in range(MAX_REDIRECTS + 1):
            conn, resp = _open(current, timeout, allow_private)
            try:
                location = resp.getheader("Location")
                if resp.status in (301, 302, 303, 307, 308) and location:
                    current = urljoin(current, location)
                    continue
                if not 200 <= resp.status < 300:
                    raise RejectedInput(
                        "fetch_failed", f"HTTP {resp.status} {resp.reason} from {current}"
                    )
                ctype = resp.getheader("Content-Type")
                media, charset = parse_content_type(ctype)
                if media is not None and media not in DOCUMENT_TYPES and media not in FEED_TYPES:
                    raise RejectedInput(
                        "unsupported_type",
                        f"{current} is {media!r}; only HTML, plain text and RSS/Atom are read",
                    )
                body = _read_body(resp, limit, deadline, timeout)
            finally:
                conn.close()
            break
        else:
            raise RejectedInput("fetch_failed", f"more than {MAX_REDIRECTS} redirects from {url}")
    except RejectedInput as exc:
        yield rejected(exc.reason, exc.detail, origin, body, spec=url)
        return
    except (OSError, http.client.HTTPException) as exc:
        if isinstance(exc, TimeoutError):
            detail = f"timed out after {timeout:g} s fetching {current}"
        else:
            detail = f"{type(exc).__name__} fetching {current}: {exc}"
        yield rejected("fetch_failed", detail, origin, spec=url)
        return
    assert body is not None
    looks = markup_kind(body) if media in FEED_TYPES or media is None else None
    if looks == "feed" or (media in FEED_TYPES and looks != "html"):
        yield from read_feed(body, path=None, url=current, content_type=ctype, fetched=fetched)
        return
    if media in FEED_TYPES:  # XHTML served as XML: keep the declared charset
        ctype = "text/html" + (f"; charset={charset}" if charset else "")
    try:
        yield from_bytes(body, origin, ctype, config, url=current)
    except RejectedInput as exc:
        yield rejected(exc.reason, exc.detail, origin, body)
