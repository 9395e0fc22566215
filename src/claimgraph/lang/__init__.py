"""Language data: typed schemas of ``data/<lang>/*.toml``, a validating loader, the date resolver."""

from claimgraph.lang.loader import (
    LanguageDataError,
    check,
    languages,
    load,
    load_actors,
    load_raw,
    read_toml,
    validate,
)

__all__ = [
    "LanguageDataError", "check", "languages", "load", "load_actors", "load_raw", "read_toml",
    "validate",
]
