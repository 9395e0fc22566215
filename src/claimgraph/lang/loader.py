"""Load and validate language data files, once per file.

Bundled files live in ``claimgraph/data``: ``<lang>/<name>.toml`` per language and
``<name>.toml`` for shared files. A directory named by ``$CLAIMGRAPH_DATA_DIR`` with the same
layout overrides them file by file (and may add languages).
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

from pydantic import BaseModel, ValidationError

from claimgraph.lang import schemas as s

ENV = "CLAIMGRAPH_DATA_DIR"
M = TypeVar("M", bound=BaseModel)


class LanguageDataError(ValueError):
    """A language data file is missing, unreadable or does not match its schema."""


def bundled_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "data"


def _override() -> str:
    return os.environ.get(ENV, "")


def _dirs(override: str) -> list[Path]:
    return [*([Path(override)] if override else []), bundled_dir()]


@cache
def _languages(override: str) -> tuple[str, ...]:
    found: set[str] = set()
    for base in _dirs(override):
        if base.is_dir():
            found |= {p.name for p in base.iterdir() if p.is_dir() and any(p.glob("*.toml"))}
    return tuple(sorted(found))


def languages() -> list[str]:
    """Languages that have data (bundled or in ``$CLAIMGRAPH_DATA_DIR``)."""
    return list(_languages(_override()))


def _where(loc: tuple[int | str, ...]) -> str:
    parts = [f"[{p}]" if isinstance(p, int) else str(p) for p in loc]
    return ".".join(parts).replace(".[", "[")


def _describe(exc: ValidationError) -> str:
    """'unknown key 'asert' in [verbs]'; several problems are joined with '; '."""
    out: list[str] = []
    for e in exc.errors():
        loc = tuple(e["loc"])
        if loc and loc[-1] == "[key]":  # a dict key outside its vocabulary
            key, section = loc[-2], _where(loc[:-2])
            out.append(f"bad key {key!r} in [{section}]: {e['msg']}")
            continue
        key, section = (loc[-1], _where(loc[:-1])) if loc else ("", "")
        where = f" in [{section}]" if section else ""
        if e["type"] == "extra_forbidden":
            out.append(f"unknown key {key!r}{where}")
        elif e["type"] == "missing":
            out.append(f"missing key {key!r}{where}")
        else:
            out.append(f"bad value for {_where(loc)!r}: {e['msg']}")
    return "; ".join(out)


def validate(model: type[M], data: dict[str, Any], path: Path | str) -> M:
    """``data`` (parsed from ``path``) as ``model``, or LanguageDataError naming file and key."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise LanguageDataError(f"{path}: {_describe(exc)}") from None


def read_toml(path: Path | str) -> dict[str, Any]:
    """A TOML file, or LanguageDataError naming it."""
    try:
        return tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LanguageDataError(f"{path}: {exc}") from None


def _find(rel: str, override: str) -> Path | None:
    return next((p for p in (d / rel for d in _dirs(override)) if p.is_file()), None)


@cache
def _load(lang: str | None, name: str, override: str) -> tuple[s.Section, dict[str, Any]]:
    if lang is None:
        model = s.SHARED_FILES[name]
        rel = f"{name}.toml"
    else:
        model = s.LANGUAGE_FILES[name]
        have = _languages(override)
        if lang not in have:
            raise LanguageDataError(f"no language data for {lang!r} (have: {', '.join(have)})")
        rel = f"{lang}/{name}.toml"
    path = _find(rel, override)
    if path is None:
        looked = ", ".join(str(d / rel) for d in _dirs(override))
        raise LanguageDataError(f"no data file {rel} (looked for {looked})")
    data = read_toml(path)
    return validate(model, data, path), data


# One overload per file, so callers get the typed model.
@overload
def load(lang: str, name: Literal["chains"]) -> s.Chains: ...
@overload
def load(lang: str, name: Literal["cues"]) -> s.Cues: ...
@overload
def load(lang: str, name: Literal["dates"]) -> s.Dates: ...
@overload
def load(lang: str, name: Literal["events"]) -> s.Events: ...
@overload
def load(lang: str, name: Literal["link"]) -> s.Link: ...
@overload
def load(lang: str, name: Literal["noise"]) -> s.Noise: ...
@overload
def load(lang: str, name: Literal["places"]) -> s.Places: ...
@overload
def load(lang: str, name: Literal["quantities"]) -> s.Quantities: ...
@overload
def load(lang: str, name: Literal["roles"]) -> s.Roles: ...
@overload
def load(lang: str, name: Literal["sources"]) -> s.Sources: ...
def load(lang: str, name: str) -> s.Section:
    """The validated ``data/<lang>/<name>.toml`` (cached per file)."""
    return _load(lang, name, _override())[0]


def load_raw(lang: str | None, name: str) -> dict[str, Any]:
    """The parsed TOML of a validated file (a fresh copy), for merging with user files."""
    import copy

    return copy.deepcopy(_load(lang, name, _override())[1])


def load_actors() -> s.Actors:
    """The validated ``data/actors.toml``."""
    return _load(None, "actors", _override())[0]  # type: ignore[return-value]


def check(langs: list[str]) -> None:
    """Validate every data file of ``langs`` and the shared files (LanguageDataError if not)."""
    for lang in dict.fromkeys(langs):
        for name in s.LANGUAGE_FILES:
            _load(lang, name, _override())
    for name in s.SHARED_FILES:
        _load(None, name, _override())
