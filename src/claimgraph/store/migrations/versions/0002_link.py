"""Link tables: near-duplicates (MinHash + LSH), stories and their indexes, claims, disputes.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(JSONB(), "postgresql")


def _doc_fk(primary_key: bool = False) -> sa.Column:
    return sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     primary_key=primary_key, nullable=False)


def upgrade() -> None:
    op.create_table(
        "link_docs",
        _doc_fk(primary_key=True),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("dated", sa.Integer, nullable=False),
        sa.Column("language", sa.Text),
        sa.Column("outlet_id", sa.Text),
        sa.Column("outlet_name", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("text_hash", sa.Text, nullable=False),
        sa.Column("dup_group", sa.Text),
        sa.Column("story_id", sa.Text),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
        sa.Column("embedding", sa.LargeBinary, nullable=False),
        sa.Column("entities", Json, nullable=False),
        sa.Column("linked_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_link_docs_story_id", "link_docs", ["story_id"])
    op.create_index("ix_link_docs_dup_group", "link_docs", ["dup_group"])
    op.create_index("ix_link_docs_day", "link_docs", ["day"])
    op.create_index("ix_link_docs_seq", "link_docs", ["seq"])

    op.create_table(
        "link_lsh",
        sa.Column("band", sa.Integer, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        _doc_fk(primary_key=True),
    )
    op.create_index("ix_link_lsh_doc_id", "link_lsh", ["doc_id"])

    op.create_table(
        "link_dup_groups",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("original", sa.Text, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
    )

    op.create_table(
        "link_stories",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("title", sa.Text),
        sa.Column("first_day", sa.Integer, nullable=False),
        sa.Column("last_day", sa.Integer, nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("centroid", sa.LargeBinary, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )

    op.create_table(
        "link_story_days",
        sa.Column("story_id", sa.Text, primary_key=True),
        sa.Column("day", sa.Integer, primary_key=True),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_index("ix_link_story_days_day", "link_story_days", ["day"])

    op.create_table(
        "link_story_entities",
        sa.Column("story_id", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("n", sa.Integer, nullable=False),
    )
    op.create_index("ix_link_story_entities_key", "link_story_entities", ["key"])

    op.create_table(
        "link_claims",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("story_id", sa.Text),
        sa.Column("polarity", sa.Text, nullable=False),
        sa.Column("speaker_key", sa.Text),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("first_day", sa.Integer, nullable=False),
        sa.Column("last_day", sa.Integer, nullable=False),
        sa.Column("centroid", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_link_claims_story_id", "link_claims", ["story_id"])
    op.create_index("ix_link_claims_speaker_key", "link_claims", ["speaker_key"])

    op.create_table(
        "link_claim_members",
        _doc_fk(primary_key=True),
        sa.Column("attr_id", sa.Text, primary_key=True),
        sa.Column("claim_id", sa.Text, nullable=False),
        sa.Column("seq", sa.Integer, nullable=False),
        sa.Column("day", sa.Integer, nullable=False),
        sa.Column("date", sa.Text, nullable=False),
        sa.Column("outlet_id", sa.Text),
        sa.Column("outlet_name", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_key", sa.Text),
        sa.Column("stance", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("content_start", sa.Integer, nullable=False),
        sa.Column("content_end", sa.Integer, nullable=False),
        sa.Column("via", Json, nullable=False),
        sa.Column("target", sa.Text),
        sa.Column("entities", Json, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("embedding", sa.LargeBinary, nullable=False),
    )
    op.create_index("ix_link_claim_members_claim_id", "link_claim_members", ["claim_id"])
    op.create_index("ix_link_claim_members_speaker_key", "link_claim_members", ["speaker_key"])
    op.create_index("ix_link_claim_members_outlet_id", "link_claim_members", ["outlet_id"])

    op.create_table(
        "link_disputes",
        sa.Column("claim_id", sa.Text, primary_key=True),
        sa.Column("against_id", sa.Text, primary_key=True),
        sa.Column("basis", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_link_disputes_against_id", "link_disputes", ["against_id"])


def downgrade() -> None:
    for table in ("link_disputes", "link_claim_members", "link_claims", "link_story_entities",
                  "link_story_days", "link_stories", "link_dup_groups", "link_lsh", "link_docs"):
        op.drop_table(table)
