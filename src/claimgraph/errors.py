"""Errors that turn an input into a Rejected record instead of stopping a batch."""

from __future__ import annotations


class RejectedInput(Exception):
    """An input that cannot become a document. ``reason`` is a Rejected.reason code."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
