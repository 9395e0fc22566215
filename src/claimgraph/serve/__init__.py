"""The web service: a JSON API and a server-rendered UI over the store.

    from claimgraph.serve import create_app
    app = create_app(config)          # a FastAPI application; `claimgraph serve` runs it

Writes (submitting articles) need the token (``serve.token`` or CLAIMGRAPH_TOKEN); reads
are open unless ``serve.protect_reads`` is true. See docs/api.md.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:  # FastAPI loads only when the app is wanted, not for the CLI
    if name == "create_app":
        from claimgraph.serve.app import create_app

        return create_app
    raise AttributeError(name)
