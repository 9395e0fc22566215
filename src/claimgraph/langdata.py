"""Per-language knowledge files (``data/<lang>/<name>.toml``), loaded once and cached."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(lang: str, name: str) -> dict[str, Any]:
    """The parsed ``data/<lang>/<name>.toml``, or {} when the language has no such file."""
    res = resources.files("claimgraph").joinpath(f"data/{lang}/{name}.toml")
    if not res.is_file():
        return {}
    return tomllib.loads(res.read_text(encoding="utf-8"))
