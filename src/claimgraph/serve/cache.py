"""Results of the server's expensive reads, kept while the store is unchanged.

The store's change stamp (``store.queries.entities.stamp``: document count and latest
update, link-layer and review counts) is read at most every ``ttl`` seconds; when it
changes every entry is dropped. A page can therefore lag a write by ``ttl`` at most.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from claimgraph.store import Store
from claimgraph.store.queries import entities as q

T = TypeVar("T")


class ReadCache:
    def __init__(self, store: Store, ttl: float = 0.5, size: int = 1024) -> None:
        self.store = store
        self.ttl = ttl
        self.size = size
        self._lock = threading.Lock()
        self._stamp: tuple[Any, ...] | None = None
        self._checked = float("-inf")
        self._data: OrderedDict[Hashable, Any] = OrderedDict()
        self._making: dict[Hashable, threading.Event] = {}
        self._generation = 0
        self.hits = self.misses = 0

    def stamp(self) -> tuple[Any, ...]:
        """The store's stamp, read again when the last read is older than ``ttl``."""
        now = time.monotonic()
        if now - self._checked > self.ttl or self._stamp is None:
            with self.store.connection() as conn:
                stamp = q.stamp(conn)
            with self._lock:
                if stamp != self._stamp:
                    self._data.clear()
                    self._generation += 1
                    self._stamp = stamp
                self._checked = now
        return self._stamp  # type: ignore[return-value]

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        """The cached value of ``key``, made (outside the lock) when missing; concurrent
        requests for a missing key wait for the one that makes it (no stampede)."""
        self.stamp()
        while True:
            with self._lock:
                if key in self._data:
                    self._data.move_to_end(key)
                    self.hits += 1
                    return self._data[key]  # type: ignore[no-any-return]
                making = self._making.get(key)
                if making is None:
                    making = self._making[key] = threading.Event()
                    break
            making.wait(timeout=60)
        generation = self._generation
        try:
            value = make()
            with self._lock:
                self.misses += 1
                if generation != self._generation:  # the store changed meanwhile: do not keep it
                    return value
                self._data[key] = value
                while len(self._data) > self.size:
                    self._data.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._making.pop(key, None)
            making.set()

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
            self._generation += 1
            self._checked = float("-inf")


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
