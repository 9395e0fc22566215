"""Results of the server's expensive reads, served stale for a bounded time while refreshed.

The store's change stamp (``store.queries.entities.stamp``: document count and latest
update, link-layer and review counts) is read at most every ``ttl`` seconds; each change
starts a new generation. An entry made in an older generation is *stale*: for up to
``stale`` seconds after the change was seen it is still served, while one background
thread makes it again (stale-while-revalidate); after that, or when it is an absence
(``None``), a request waits for a fresh value. So a read lags a write by at most
``ttl + stale`` seconds (plus the time to make the value), and a burst of writes does not
make every reader wait for the expensive pages.

A change does not make every entry stale: the store's change log (``change_log``,
filled by triggers) says which documents, claims and outlets the writes touched, and the
change sources (``add_source``: the entity index) which entities. An entry whose make
declared what it read (``depends_on``; nested cached values pass theirs on) stays fresh
when none of it changed; an entry that declared nothing depends on everything.

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
from dataclasses import dataclass, field
from typing import Any, TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimgraph.store import Store
from claimgraph.store.queries import changes as cq
from claimgraph.store.queries import entities as q
from claimgraph.store.queries.changes import Changes

log = logging.getLogger(__name__)
T = TypeVar("T")
COOKIE = "claimgraph_wrote"

#: Per request: {"after": time of the client's last write (from its cookie), "wrote": time
#: of a write made by this request}; set by ``FreshReads``.
_request: contextvars.ContextVar[dict[str, float | None] | None] = contextvars.ContextVar(
    "claimgraph_request", default=None)
#: True while a value is being made: what it reads from the cache must not be stale.
_making_now: contextvars.ContextVar[bool] = contextvars.ContextVar("claimgraph_making", default=False)


#: What the value being made has read so far (``depends_on``), set by ``ReadCache._make``.
_reading: contextvars.ContextVar[Deps | None] = contextvars.ContextVar("claimgraph_reading", default=None)
WINDOW = 1000  # change-log ids re-read below the newest seen (PostgreSQL commits out of order)
GENERATIONS = 2000  # generations whose changes are kept


@dataclass(slots=True)
class Deps:
    """What a value was made from; ``every``: anything (it declared nothing)."""

    docs: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    outlets: set[str] = field(default_factory=set)
    entities: set[str] = field(default_factory=set)
    every: bool = False
    declared: bool = False

    def add(self, other: Deps | None) -> None:
        if other is None or other.every:
            self.every = True
            return
        self.declared = True
        self.docs |= other.docs
        self.claims |= other.claims
        self.outlets |= other.outlets
        self.entities |= other.entities

    def touched_by(self, c: Changes, entities: set[str] | None) -> bool:
        return (self.every or c.every or entities is None or not self.docs.isdisjoint(c.docs)
                or not self.claims.isdisjoint(c.claims) or not self.outlets.isdisjoint(c.outlets)
                or not self.entities.isdisjoint(entities))


def depends_on(docs: Any = (), claims: Any = (), outlets: Any = (), entities: Any = ()) -> None:
    """Declare what the value being made reads (documents, claims, outlets by id; entities
    by key): it then stays fresh across writes that touch none of them."""
    d = _reading.get()
    if d is not None:
        d.add(Deps(set(docs), set(claims), set(outlets), set(entities)))


@dataclass(slots=True)
class _Entry:
    value: Any
    generation: int  # of the store when making began
    made: float  # wall-clock time when making began (the store was read after it)
    deps: Deps | None = None  # None: depends on everything


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
        self._checking = threading.Lock()  # one stamp check at a time
        self._log_seen: int | None = None  # newest change-log id read
        self._log_recent: set[int] = set()  # ids read within WINDOW of it
        self._changes: dict[int, tuple[Changes, set[str] | None]] = {}  # generation -> what it changed
        self._sources: list[Callable[[], set[str] | None]] = []
        self.hits = self.misses = self.stale_hits = self.kept = 0

    def add_source(self, changed_entities: Callable[[], set[str] | None]) -> None:
        """A source of changed entity keys since its last call (None: cannot tell), asked at
        each store change."""
        self._sources.append(changed_entities)

    def stamp(self) -> tuple[Any, ...]:
        """The store's stamp, read again when the last read is older than ``ttl`` (by one
        thread; the others go on with the last one)."""
        now = time.monotonic()
        if (now - self._checked > self.ttl or self._stamp is None) and \
                self._checking.acquire(blocking=self._stamp is None):
            try:
                self._check(now)
            finally:
                self._checking.release()
        return self._stamp  # type: ignore[return-value]

    def _check(self, now: float) -> None:
        with self.store.connection() as conn:
            stamp = q.stamp(conn)
            first = self._stamp is None
            changes = self._read_log(conn) if stamp != self._stamp else None
        if changes is None:
            self._checked = now
            return
        entities: set[str] | None = set()
        for source in [] if first else self._sources:
            found = source()
            entities = None if found is None or entities is None else entities | found
        with self._lock:
            self._generation += 1
            self._began[self._generation] = now
            self._changes[self._generation] = (changes, entities)
            for g in [g for g, t in self._began.items() if now - t > self.stale + 60]:
                del self._began[g]
            for g in [g for g in self._changes if g <= self._generation - GENERATIONS]:
                del self._changes[g]
            self._stamp = stamp
            self._checked = now

    def _read_log(self, conn: Any) -> Changes:
        """The changes logged since the last read (every change at the first read, or when
        the log was pruned past it, or has no table)."""
        try:
            low = -1 if self._log_seen is None else max(self._log_seen - WINDOW, 0)
            rows, least = cq.read_since(conn, low)
        except Exception:  # noqa: BLE001 -- a store without the change log (not migrated)
            conn.rollback()
            return Changes(every=True)
        out = Changes(every=self._log_seen is None or least > self._log_seen + 1)
        for id_, doc, claim, outlet in rows:
            if id_ in self._log_recent or (self._log_seen is not None and id_ <= low):
                continue
            self._log_recent.add(id_)
            if doc:
                out.docs.add(doc)
            if claim:
                out.claims.add(claim)
            if outlet:
                out.outlets.add(outlet)
        if rows:
            self._log_seen = max(self._log_seen or 0, rows[-1][0])
        elif self._log_seen is None:
            self._log_seen = 0
        self._log_recent = {i for i in self._log_recent if i > self._log_seen - WINDOW}
        if out.claims and not out.every:  # the documents with statements in those claims
            out.docs |= cq.claim_docs(conn, sorted(out.claims))
        return out

    def _unchanged(self, e: _Entry) -> bool:
        """True when no write since ``e`` was made touched what it declared it read."""
        if e.deps is None:
            return False
        for g in range(e.generation + 1, self._generation + 1):
            found = self._changes.get(g)
            if found is None or e.deps.touched_by(*found):
                return False
        return True

    def _state(self, e: _Entry, now: float) -> str:
        """"fresh", "stale" (servable while refreshed) or "expired" (make it again first)."""
        req = _request.get()
        after = req.get("after") if req else None
        if after is not None and e.made < after:
            return "expired"  # this client wrote after it was made
        if e.generation == self._generation:
            return "fresh"
        if self._unchanged(e):
            e.generation = self._generation  # checked up to here
            self.kept += 1
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
                    outer = _reading.get()
                    if outer is not None:
                        outer.add(e.deps)
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
        outer = _reading.get()
        reads = Deps()
        token2 = _reading.set(reads)
        try:
            value = make()
        finally:
            _reading.reset(token2)
            _making_now.reset(token)
        deps = reads if reads.declared and not reads.every and value is not None else None
        if outer is not None:
            outer.add(deps)
        with self._lock:
            self.misses += 1
            old = self._data.get(key)
            if old is None or old.made <= made:
                self._data[key] = _Entry(value, generation, made, deps)
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
