"""Workbench tables: analysts' reviews of extracted items, the analysis job queue, feeds.

``reviews`` keeps a snapshot of the item judged (the attribution, event or dispute as it was
shown), so a review survives the document being analysed again. ``jobs`` holds submissions
waiting for, running in, or done by the background worker (they survive a restart).
``feeds`` remembers the validators (ETag, Last-Modified) and entries seen of watched feeds.
An index on ``documents.updated_at`` makes the workbench's change stamp cheap.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    # the workbench's change stamp (count and latest update) is read on every page
    op.create_index("ix_documents_updated_at", "documents", ["updated_at"])
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.Text, nullable=False),  # attribution, event or dispute
        sa.Column("doc_id", sa.Text),  # None for a dispute across articles
        sa.Column("item_id", sa.Text, nullable=False),
        sa.Column("verdict", sa.Text, nullable=False),  # right or wrong
        sa.Column("correction", Json),
        sa.Column("note", sa.Text),
        sa.Column("reviewer", sa.Text),
        sa.Column("item", Json, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_reviews_item", "reviews", ["kind", "doc_id", "item_id"])
    op.create_table(
        "jobs",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("status", sa.Text, nullable=False),  # queued, running, done, failed
        sa.Column("payload", Json, nullable=False),
        sa.Column("result", Json),
        sa.Column("error", sa.Text),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_jobs_status", "jobs", ["status", "created_at"])
    op.create_table(
        "feeds",
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        sa.Column("seen", Json, nullable=False),  # entry ids or links already analysed
        sa.Column("checked_at", sa.DateTime(timezone=True)),
        sa.Column("new_documents", Json, nullable=False),  # ids analysed on the last poll
    )


def downgrade() -> None:
    op.drop_table("feeds")
    op.drop_index("ix_jobs_status", table_name="jobs")
    op.drop_table("jobs")
    op.drop_index("ix_reviews_item", table_name="reviews")
    op.drop_table("reviews")
    op.drop_index("ix_documents_updated_at", table_name="documents")
