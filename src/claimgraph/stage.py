"""The stage contract, the guard that turns a failure into a Rejected record, and the registry.

A stage takes Documents and returns them enriched; it never reaches into another stage. A
stage that cannot handle a document raises RejectedInput for it, and ``guarded`` turns that
(or any other error) into a Rejected record, so one bad input never stops a batch.

Stages are registered by name (``@register("clean")``, as spaCy registers components) and the
pipeline is built from names in the configuration, ``[pipeline] stages``; a stage's module is
imported from ``[pipeline.modules]`` the first time its name is asked for, so this module
imports no stage and a user adds a stage of their own without editing code.
"""

from __future__ import annotations

import importlib
import logging
import traceback
from collections.abc import Callable
from typing import ClassVar, TypeVar

from claimgraph.config import Config
from claimgraph.errors import RejectedInput
from claimgraph.model import Document, Rejected

log = logging.getLogger(__name__)

Result = Document | Rejected


class StageError(Exception):
    """A pipeline that cannot run as configured: an unknown stage, or one missing its input."""


class MissingLayer(StageError):
    """A stage needs a layer that an earlier stage fills (``doc.nlp`` from "nlp", ...)."""

    def __init__(self, stage: str, layer: str, needs: str) -> None:
        super().__init__(f"stage {stage!r} needs {layer}, which the {needs!r} stage fills: "
                         f"put {needs!r} before {stage!r} in [pipeline] stages")
        self.stage, self.layer, self.needs = stage, layer, needs


def reject(doc: Document, reason: str, detail: str) -> Rejected:
    return Rejected(id=doc.id, origin=doc.origin, reason=reason, detail=detail)  # type: ignore[arg-type]


class Stage:
    """One step of the pipeline. Subclasses implement ``process`` or, to batch, ``pipe``.

    ``requires`` names the stages whose layers this one reads; the pipeline checks the order.
    """

    name: ClassVar[str] = "stage"
    requires: ClassVar[tuple[str, ...]] = ()

    def __init__(self, config: Config) -> None:
        self.config = config

    def process(self, doc: Document) -> Document:
        raise NotImplementedError

    def pipe(self, docs: list[Document]) -> list[Result]:
        return [guarded(self.name, self.process, doc) for doc in docs]


def guarded(stage: str, fn: Callable[[Document], Document], doc: Document) -> Result:
    """Run ``fn(doc)``; a RejectedInput or any error becomes a Rejected record.

    A StageError (the pipeline itself is wrong) is raised: it would reject every document."""
    try:
        return fn(doc)
    except StageError:
        raise
    except RejectedInput as exc:
        return reject(doc, exc.reason, exc.detail)
    except Exception as exc:  # noqa: BLE001 - recorded as rejected, never dropped
        log.debug("stage %s failed on %s\n%s", stage, doc.id, traceback.format_exc())
        return reject(doc, "error", f"{stage}: {type(exc).__name__}: {exc}")


# ---------------------------------------------------------------- registry

_REGISTRY: dict[str, type[Stage]] = {}
S = TypeVar("S", bound=type[Stage])


def register(name: str) -> Callable[[S], S]:
    """Class decorator: register a Stage subclass under ``name``."""

    def deco(cls: S) -> S:
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return deco


def stage_names(config: Config) -> list[str]:
    return [str(n) for n in config.get("pipeline.stages", [])]


def stage_class(name: str, config: Config) -> type[Stage]:
    """The Stage class registered as ``name``, importing its module from ``[pipeline.modules]``."""
    if name not in _REGISTRY:
        module = config.get(f"pipeline.modules.{name}")
        if not module:
            known = sorted(set(_REGISTRY) | set(config.get("pipeline.modules", {}) or {}))
            raise StageError(f"unknown stage {name!r}; known stages are {', '.join(known)} "
                             f"(a new stage needs its module in [pipeline.modules])")
        importlib.import_module(str(module))
        if name not in _REGISTRY:
            raise StageError(f"module {module!r} registers no stage named {name!r}")
    return _REGISTRY[name]


def build_stages(config: Config, upto: str | None = None,
                 names: list[str] | None = None) -> list[Stage]:
    """The configured stages in order (``[pipeline] stages``), up to and including ``upto``."""
    names = list(names if names is not None else stage_names(config))
    if upto is not None:
        if upto not in names:
            raise StageError(f"unknown stage {upto!r}; stages are {', '.join(names)}")
        names = names[: names.index(upto) + 1]
    classes = [stage_class(n, config) for n in names]
    for i, cls in enumerate(classes):
        for need in cls.requires:
            if need not in names[:i]:
                raise StageError(f"stage {cls.name!r} needs the {need!r} stage before it "
                                 f"([pipeline] stages = {names})")
    return [cls(config) for cls in classes]
