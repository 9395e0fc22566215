"""Persistent storage of documents and rejected inputs (SQLite or PostgreSQL).

with open_store("claimgraph.db") as store:
    store.save_many(results)
    store.export("attributions.parquet", table="attributions")
"""

from claimgraph.store.core import AmbiguousIdError, SaveCounts, Store, open_store
from claimgraph.store.migrate import head_revision
from claimgraph.store.urls import StoreError, mask_url

__all__ = [
    "AmbiguousIdError",
    "SaveCounts",
    "Store",
    "StoreError",
    "head_revision",
    "mask_url",
    "open_store",
]
