"""The web service: a JSON API and a server-rendered UI over the store.

    from claimgraph.serve import create_app
    app = create_app(config)          # a FastAPI application; `claimgraph serve` runs it

Writes (submitting articles) need the token (``serve.token`` or CLAIMGRAPH_TOKEN); reads
are open unless ``serve.protect_reads`` is true. See docs/api.md.
"""

from claimgraph.serve.app import create_app

__all__ = ["create_app"]
