"""Ingest: turn input specs (files, folders, globs, stdin, URLs) into Documents.

Each article becomes a Document whose id is the content id of its raw bytes; an input
that cannot be read becomes a Rejected with a reason and a detail. Nothing raises out
of ``read_inputs``.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from claimgraph.config import Config
from claimgraph.ingest.document import Result, from_bytes, from_text, rejected
from claimgraph.ingest.files import read_spec, read_stdin
from claimgraph.ingest.url import fetch, is_url
from claimgraph.model import Origin

__all__ = ["from_bytes", "from_text", "read_inputs"]

log = logging.getLogger(__name__)


def _origin(spec: str) -> Origin:
    if spec == "-":
        return Origin(kind="stdin", path="-")
    if is_url(spec):
        return Origin(kind="url", url=spec)
    return Origin(kind="file", path=spec)


def read_inputs(
    specs: Iterable[str | os.PathLike[str]], config: Config, stdin: BinaryIO | None = None
) -> Iterator[Result]:
    """Documents and Rejected records for each spec, in order.

    A spec is a file, a directory (read recursively, sorted, hidden files skipped), a glob
    pattern, "-" for ``stdin`` (default: the process's standard input) or an http(s) URL.
    """
    for item in specs:
        spec = os.fspath(item)
        try:
            if spec == "-":
                yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, config)
            elif is_url(spec):
                yield from fetch(spec, config)
            else:
                yield from read_spec(spec, config)
        except Exception as exc:  # noqa: BLE001 - one bad input never stops the batch
            log.debug("ingest failed on %s\n%s", spec, traceback.format_exc())
            yield rejected("error", f"{type(exc).__name__}: {exc}", _origin(spec), spec=spec)
