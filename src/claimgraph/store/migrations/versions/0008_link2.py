"""Link layer, second part: shingle samples for containment duplicates, translation links,
the passage vectors of a linked document.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _doc_fk(name: str = "doc_id") -> sa.Column:
    return sa.Column(name, sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                     primary_key=True, nullable=False)


def upgrade() -> None:
    op.add_column("link_docs", sa.Column("passages", sa.LargeBinary))
    op.create_table(
        "link_shingles",
        sa.Column("key", sa.BigInteger, primary_key=True),
        _doc_fk(),
    )
    op.create_index("ix_link_shingles_doc_id", "link_shingles", ["doc_id"])
    op.create_table(
        "link_translations",
        _doc_fk(),
        _doc_fk("other_id"),
        sa.Column("score", sa.Float, nullable=False),
    )
    op.create_index("ix_link_translations_other_id", "link_translations", ["other_id"])


def downgrade() -> None:
    op.drop_index("ix_link_translations_other_id", table_name="link_translations")
    op.drop_table("link_translations")
    op.drop_index("ix_link_shingles_doc_id", table_name="link_shingles")
    op.drop_table("link_shingles")
    with op.batch_alter_table("link_docs") as batch:
        batch.drop_column("passages")
