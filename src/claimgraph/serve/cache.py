"""Results of the server's expensive reads, served stale for a bounded time while refreshed.

The store's change stamp (``store.queries.entities.stamp``: document count and latest
update, link-layer and review counts) is read at most every ``ttl`` seconds; each change
starts a new generation. An entry made in an older generation is *stale*: for up to
``stale`` seconds after the change was seen it is still served, while one background
thread makes it again (stale-while-revalidate); after that, or when it is an absence
(``None``), a request waits for a fresh value. So a read lags a write by at most
``ttl + stale`` seconds (plus the time to make the value), and a burst of writes does not
make every reader wait for the expensive pages.

A client reads its own writes at once: the server's write responses set a signed cookie
with the time of the write (``FreshReads``), and an entry made before that time is not
served to that client.
"""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.store import Store
from claimgraph.store.queries import entities as q

log = logging.getLogger(__name__)
T = TypeVar("T")
COOKIE = "claimgraph_wrote"

#: Per request: {"after": time of the client's last write (from its cookie), "wrote": time
#: of a write made by this request}; set by ``FreshReads``.
_request: contextvars.ContextVar[dict[str, float | None] | None] = contextvars.ContextVar(
    "claimgraph_request", default=None)
#: True while a value is being made: what it reads from the cache must not be stale.
_making_now: contextvars.ContextVar[bool] = contextvars.ContextVar("claimgraph_making", default=False)


@dataclass(slots=True)
class _Entry:
    value: Any
    generation: int  # of the store when making began
    made: float  # wall-clock time when making began (the store was read after it)


class ReadCache:
    def __init__(self, store: Store, ttl: float = 0.5, size: int = 1024, stale: float = 5.0,
                 refreshers: int = 2) -> None:
        self.store = store
        self.ttl = ttl
        self.stale = stale
        self.size = size
        self._lock = threading.Lock()
        self._stamp: tuple[Any, ...] | None = None
        self._checked = float("-inf")
        self._data: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._making: dict[Hashable, threading.Event] = {}  # key -> set when its value is made
        self._queued: dict[Hashable, threading.Event] = {}  # refreshes not started yet
        self._generation = 0
        self._began: dict[int, float] = {}  # generation -> when its change was seen (monotonic)
        self._pool = ThreadPoolExecutor(max_workers=max(1, refreshers), thread_name_prefix="cache-refresh")
        self.hits = self.misses = self.stale_hits = 0

    def stamp(self) -> tuple[Any, ...]:
        """The store's stamp, read again when the last read is older than ``ttl``."""
        now = time.monotonic()
        if now - self._checked > self.ttl or self._stamp is None:
            with self.store.connection() as conn:
                stamp = q.stamp(conn)
            with self._lock:
                if stamp != self._stamp:
                    self._generation += 1
                    self._began[self._generation] = now
                    for g in [g for g, t in self._began.items() if now - t > self.stale + 60]:
                        del self._began[g]
                    self._stamp = stamp
                self._checked = now
        return self._stamp  # type: ignore[return-value]

    def _state(self, e: _Entry, now: float) -> str:
        """"fresh", "stale" (servable while refreshed) or "expired" (make it again first)."""
        req = _request.get()
        after = req.get("after") if req else None
        if after is not None and e.made < after:
            return "expired"  # this client wrote after it was made
        if e.generation == self._generation:
            return "fresh"
        began = self._began.get(e.generation + 1)
        if e.value is None or _making_now.get() or began is None or now - began > self.stale:
            return "expired"
        return "stale"

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The cached value of ``key``: fresh, else stale within the bound (refreshed in the
        background), else made now; concurrent requests for a value being made wait for the
        one that makes it (no stampede)."""
        self.stamp()
        while True:
            with self._lock:
                e = self._data.get(key)
                state = self._state(e, time.monotonic()) if e is not None else "expired"
                if e is not None and state != "expired":
                    self._data.move_to_end(key)
                    if state == "fresh":
                        self.hits += 1
                    else:
                        self.stale_hits += 1
                        if key not in self._making:
                            self._making[key] = self._queued[key] = event = threading.Event()
                            self._pool.submit(self._refresh, key, make, event)
                    return e.value  # type: ignore[no-any-return]
                making = self._making.get(key)
                if making is None:
                    making = self._making[key] = threading.Event()
                    break
                if self._queued.get(key) is making:  # a refresh still queued: make it here instead
                    del self._queued[key]  # (a refresh never waits for one queued behind it)
                    break
            making.wait(timeout=60)
        try:
            return self._make(key, make)
        finally:
            self._done(key, making)

    def _make(self, key: Hashable, make: Callable[[], T]) -> T:
        generation, made = self._generation, time.time()
        token = _making_now.set(True)
        try:
            value = make()
        finally:
            _making_now.reset(token)
        with self._lock:
            self.misses += 1
            old = self._data.get(key)
            if old is None or old.made <= made:
                self._data[key] = _Entry(value, generation, made)
                self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)
        return value

    def _refresh(self, key: Hashable, make: Callable[[], Any], event: threading.Event) -> None:
        with self._lock:
            if self._queued.get(key) is not event:
                return  # a request made it meanwhile
            del self._queued[key]
        try:
            self.stamp()
            self._make(key, make)
        except Exception:  # the stale value expires; a request then makes it and sees the error
            log.exception("refreshing %r failed", key)
        finally:
            self._done(key, event)

    def _done(self, key: Hashable, event: threading.Event) -> None:
        with self._lock:
            if self._making.get(key) is event:
                del self._making[key]
        event.set()

    def wrote(self) -> None:
        """The server wrote to the store: check the stamp at the next read, and let the
        writing client read its write at once (see ``FreshReads``)."""
        with self._lock:
            self._checked = float("-inf")
        req = _request.get()
        if req is not None:
            req["wrote"] = time.time()

    def clear(self) -> None:
        """Drop every entry (nothing is served stale afterwards)."""
        with self._lock:
            self._data.clear()
            self._generation += 1
            self._checked = float("-inf")

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


class Cached:
    """A read model (Views, People) whose method results are cached under the store's stamp:
    ``Cached(views, cache).story(id)`` is ``views.story(id)``, made once per store state."""

    def __init__(self, target: Any, cache: ReadCache) -> None:
        self._target = target
        self._cache = cache

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._target, name)
        if not callable(attr) or name.startswith("_"):
            return attr

        def call(*args: Any, **kwargs: Any) -> Any:
            key = (type(self._target).__name__, name, args, tuple(sorted(kwargs.items())))
            try:
                hash(key)
            except TypeError:
                return attr(*args, **kwargs)
            return self._cache.get(key, lambda: attr(*args, **kwargs))

        return call


# ---------------------------------------------------------------------- read your writes


def _sign(secret: bytes, value: str) -> str:
    return hmac.new(secret, value.encode(), hashlib.sha256).hexdigest()[:32]


class FreshReads:
    """ASGI middleware: a response to a request that wrote (``ReadCache.wrote``) sets a
    signed cookie with the time of the write, for ``max_age`` seconds; the client's later
    reads are then never served from entries made before it."""

    def __init__(self, app: ASGIApp, secret: bytes, max_age: int, secure: bool = False) -> None:
        self.app = app
        self.secret = secret
        self.max_age = max_age
        self.secure = secure

    def _after(self, scope: Scope) -> float | None:
        for name, value in scope["headers"]:
            if name != b"cookie":
                continue
            for part in value.decode("latin-1").split(";"):
                k, _, v = part.strip().partition("=")
                if k != COOKIE:
                    continue
                stamp, _, mac = v.partition(".")
                stamp = stamp.replace("_", ".")
                if hmac.compare_digest(mac, _sign(self.secret, stamp)):
                    try:
                        when = float(stamp)
                    except ValueError:
                        return None
                    return when if time.time() - when < self.max_age else None
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        req: dict[str, float | None] = {"after": self._after(scope), "wrote": None}
        token = _request.set(req)

        async def sending(message: Message) -> None:
            wrote = req.get("wrote")
            if message["type"] == "http.response.start" and wrote is not None:
                stamp = f"{wrote:.6f}"
                value = f"{stamp.replace('.', '_')}.{_sign(self.secret, stamp)}"
                cookie = f"{COOKIE}={value}; Max-Age={self.max_age}; Path=/; HttpOnly; SameSite=Strict"
                if self.secure:
                    cookie += "; Secure"
                message = {**message, "headers": [*message.get("headers", []),
                                                  (b"set-cookie", cookie.encode("latin-1"))]}
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            _request.reset(token)
