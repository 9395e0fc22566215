"""Resume and rejections per origin: the pipeline configuration of each stored document, and
rejected rows keyed by content and origin (identical inputs from two places are two rows).

``documents.config_hash`` is the hash of the configuration that produced the stored analysis
(a rerun skips a document whose content and hash are unchanged). ``rejected.content_id`` is
the content id of the rejected input (``Rejected.id``); the row id now also covers the
origin. Rows written before this revision keep their id as content id.

Revision ID: 0006
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("documents", sa.Column("config_hash", sa.Text))
    op.add_column("rejected", sa.Column("content_id", sa.Text))
    op.execute("UPDATE rejected SET content_id = id")
    op.create_index("ix_rejected_content_id", "rejected", ["content_id"])


def downgrade() -> None:
    op.drop_index("ix_rejected_content_id", "rejected")
    op.drop_column("rejected", "content_id")
    op.drop_column("documents", "config_hash")
