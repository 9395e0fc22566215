"""Change log: which documents, claims and outlets each write touched (filled by triggers),
so that a reader's cache drops only the pages a write changed.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

#: (table, operation, [(doc_id, claim_id, outlet_id) expressions per logged row])
_LOGGED: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("documents", "INSERT", [("NEW.id", "NULL", "NEW.outlet_id")]),
    ("documents", "UPDATE", [("OLD.id", "NULL", "OLD.outlet_id"), ("NEW.id", "NULL", "NEW.outlet_id")]),
    ("documents", "DELETE", [("OLD.id", "NULL", "OLD.outlet_id")]),
    ("link_claim_members", "INSERT", [("NEW.doc_id", "NEW.claim_id", "NULL")]),
    ("link_claim_members", "UPDATE", [("OLD.doc_id", "OLD.claim_id", "NULL"),
                                      ("NEW.doc_id", "NEW.claim_id", "NULL")]),
    ("link_claim_members", "DELETE", [("OLD.doc_id", "OLD.claim_id", "NULL")]),
    ("link_disputes", "INSERT", [("NULL", "NEW.claim_id", "NULL"), ("NULL", "NEW.against_id", "NULL")]),
    ("link_disputes", "UPDATE", [("NULL", "OLD.claim_id", "NULL"), ("NULL", "OLD.against_id", "NULL"),
                                 ("NULL", "NEW.claim_id", "NULL"), ("NULL", "NEW.against_id", "NULL")]),
    ("link_disputes", "DELETE", [("NULL", "OLD.claim_id", "NULL"), ("NULL", "OLD.against_id", "NULL")]),
]


def _name(table: str, operation: str) -> str:
    return f"change_log_{table}_{operation.lower()}"


def _inserts(values: list[tuple[str, str, str]]) -> str:
    return " ".join(f"INSERT INTO change_log (doc_id, claim_id, outlet_id) VALUES ({d}, {c}, {o});"
                    for d, c, o in values)


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.Text),
        sa.Column("claim_id", sa.Text),
        sa.Column("outlet_id", sa.Text),
    )
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, operation, values in _LOGGED:
        name = _name(table, operation)
        if postgres:
            back = "OLD" if operation == "DELETE" else "NEW"
            op.execute(f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       f"{_inserts(values)} RETURN {back}; END $$")
            op.execute(f"CREATE TRIGGER {name} AFTER {operation} ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION {name}()")
        else:
            op.execute(f"CREATE TRIGGER {name} AFTER {operation} ON {table} "
                       f"FOR EACH ROW BEGIN {_inserts(values)} END")


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, operation, _ in _LOGGED:
        name = _name(table, operation)
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_table("change_log")
