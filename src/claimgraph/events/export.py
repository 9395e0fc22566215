"""Export helpers (PLOVER-style JSON records, flat rows): see ``claimgraph.event_records``."""

from claimgraph.event_records import flat_rows, record, records

__all__ = ["flat_rows", "record", "records"]
