"""Server settings read from the ``[serve]`` configuration section and the environment."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from claimgraph.config import Config

TOKEN_ENV = "CLAIMGRAPH_TOKEN"


@dataclass(frozen=True)
class ServeSettings:
    """What the server needs to know besides the store."""

    token: str  # the write token (and read token when protect_reads)
    token_generated: bool  # no token was configured: a random one was made for this run
    protect_reads: bool
    secret: bytes  # signs the CSRF and login cookies
    max_request_bytes: int
    max_pending: int  # analyses queued or running before new submissions get 503
    analysis_workers: int  # processes running the pipeline
    max_batch: int  # documents in one batch submission
    secure_cookies: bool
    allow_private: bool  # URL submissions may fetch loopback/private addresses
    min_dispute_score: float = 0.3  # disputes linked with a lower score are hidden by default

    @classmethod
    def from_config(cls, config: Config) -> ServeSettings:
        token = os.environ.get(TOKEN_ENV) or str(config.get("serve.token", "") or "")
        generated = not token
        if generated:
            token = secrets.token_urlsafe(24)
        secret = str(config.get("serve.secret", "") or "")
        max_bytes = config.max_bytes
        return cls(
            token=token,
            token_generated=generated,
            protect_reads=bool(config.get("serve.protect_reads", False)),
            secret=secret.encode() if secret else secrets.token_bytes(32),
            # room for JSON escaping of an article of max_bytes, plus the form fields
            max_request_bytes=int(config.get("serve.max_request_bytes", 2 * max_bytes + 65536)),
            max_pending=int(config.get("serve.max_pending", 16)),
            analysis_workers=max(1, int(config.get("serve.analysis_workers", 1))),
            max_batch=int(config.get("serve.max_batch", 20)),
            secure_cookies=bool(config.get("serve.secure_cookies", False)),
            allow_private=bool(config.get("limits.allow_private_addresses", False)),
            min_dispute_score=float(config.get("serve.min_dispute_score", 0.3)),
        )
