"""Configuration: bundled defaults, then a TOML file, then command-line overrides."""

from __future__ import annotations

import copy
import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

DEFAULT_FILE = "claimgraph.toml"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _parse_value(text: str) -> Any:
    """Parse a command-line value as TOML when possible ("1", "true", '["fr"]'), else a string."""
    try:
        return tomllib.loads(f"v = {text}")["v"]
    except tomllib.TOMLDecodeError:
        return text


@dataclass
class Config:
    """Settings as a nested dict with typed accessors for the common keys."""

    data: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @classmethod
    def load(
        cls, path: str | Path | None = None, overrides: list[str] | dict[str, Any] | None = None
    ) -> Config:
        default_text = resources.files("claimgraph").joinpath("data/default.toml").read_text()
        data = tomllib.loads(default_text)
        chosen: Path | None = None
        if path is not None:
            chosen = Path(path)
            if not chosen.is_file():
                raise FileNotFoundError(f"configuration file not found: {chosen}")
        elif os.environ.get("CLAIMGRAPH_CONFIG"):
            chosen = Path(os.environ["CLAIMGRAPH_CONFIG"])
        elif Path(DEFAULT_FILE).is_file():
            chosen = Path(DEFAULT_FILE)
        if chosen is not None:
            data = _merge(data, tomllib.loads(chosen.read_text(encoding="utf-8")))
        cfg = cls(data=data, path=chosen)
        if isinstance(overrides, dict):
            for key, value in overrides.items():
                cfg.set(key, value)
        else:
            for item in overrides or []:
                if "=" not in item:
                    raise ValueError(f"override must be section.key=value, got {item!r}")
                key, value = item.split("=", 1)
                cfg.set(key.strip(), _parse_value(value.strip()))
        return cfg

    def get(self, dotted: str, default: Any = None) -> Any:
        node: Any = self.data
        for part in dotted.split("."):
            if not isinstance(node, dict) or part not in node:
                return default
            node = node[part]
        return node

    def set(self, dotted: str, value: Any) -> None:
        parts = dotted.split(".")
        node = self.data
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value

    @property
    def languages(self) -> list[str]:
        return list(self.get("languages.enabled", ["fr", "en"]))

    @property
    def default_language(self) -> str:
        return str(self.get("languages.default", self.languages[0]))

    def model_name(self, lang: str) -> str:
        name = self.get(f"models.{lang}")
        if not name:
            raise KeyError(f"no spaCy model configured for language {lang!r} (set models.{lang})")
        return str(name)

    @property
    def store_url(self) -> str:
        return str(self.get("store.url", "claimgraph.db"))

    @property
    def max_bytes(self) -> int:
        return int(self.get("limits.max_bytes", 10_000_000))
