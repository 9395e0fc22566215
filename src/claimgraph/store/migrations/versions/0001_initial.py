"""Initial schema: documents, their child rows, and rejected inputs.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def _doc_fk() -> sa.Column:
    return sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def _stamp(name: str) -> sa.Column:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("url", sa.Text),
        sa.Column("origin", Json, nullable=False),
        sa.Column("outlet_id", sa.Text),
        sa.Column("outlet_name", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Text),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("data", Json, nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
    )
    for col in ("outlet_id", "language", "published", "url"):
        op.create_index(f"ix_documents_{col}", "documents", [col])

    op.create_table(
        "removed_lines",
        _doc_fk(),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("detail", sa.Text),
    )
    op.create_index("ix_removed_lines_reason", "removed_lines", ["reason"])

    op.create_table(
        "captions",
        _doc_fk(),
        sa.Column("seq", sa.Integer, primary_key=True),
        sa.Column("line", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("language", sa.Text),
    )

    op.create_table(
        "entities",
        _doc_fk(),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("role", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("sector", sa.Text),
        sa.Column("kind", sa.Text),
        sa.Column("mentions", Json, nullable=False),
    )
    op.create_index("ix_entities_name", "entities", ["name"])
    op.create_index("ix_entities_label", "entities", ["label"])

    op.create_table(
        "attributions",
        _doc_fk(),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_entity", sa.Text),
        sa.Column("role", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("cue_text", sa.Text),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("content_text", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("stance", sa.Text, nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("via", Json, nullable=False),
        sa.Column("target", sa.Text),
        sa.Column("data", Json, nullable=False),
    )
    op.create_index("ix_attributions_stance", "attributions", ["stance"])
    op.create_index("ix_attributions_speaker_name", "attributions", ["speaker_name"])

    op.create_table(
        "events",
        _doc_fk(),
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("type", sa.Text, nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("actor_name", sa.Text),
        sa.Column("actor_country", sa.Text),
        sa.Column("actor_sector", sa.Text),
        sa.Column("recipient_name", sa.Text),
        sa.Column("recipient_country", sa.Text),
        sa.Column("recipient_sector", sa.Text),
        sa.Column("date", sa.Text),
        sa.Column("location", sa.Text),
        sa.Column("status", sa.Text, nullable=False),
        sa.Column("asserted_by", Json, nullable=False),
        sa.Column("denied_by", Json, nullable=False),
        sa.Column("trigger_start", sa.Integer, nullable=False),
        sa.Column("trigger_end", sa.Integer, nullable=False),
        sa.Column("data", Json, nullable=False),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_status", "events", ["status"])

    op.create_table(
        "rejected",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("origin", Json, nullable=False),
        sa.Column("source", sa.Text),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("detail", sa.Text, nullable=False),
        _stamp("created_at"),
        _stamp("updated_at"),
    )
    op.create_index("ix_rejected_reason", "rejected", ["reason"])


def downgrade() -> None:
    for table in ("rejected", "events", "attributions", "entities", "captions", "removed_lines"):
        op.drop_table(table)
    op.drop_table("documents")
