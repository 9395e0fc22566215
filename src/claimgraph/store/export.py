"""Writing flat rows or Document JSON to JSONL, CSV and Parquet files."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

# Column types by name (pyarrow factory names), so that importing the store does not import
# pyarrow; "json" columns are written as JSON text.
S, N, F, B, J = "string", "int64", "float64", "bool_", "json"

_CONTEXT = [
    ("doc_id", S),
    ("url", S),
    ("outlet_id", S),
    ("outlet_name", S),
    ("language", S),
    ("published", S),
]

#: Column names and Parquet types per exportable table; "json" columns hold JSON text.
COLUMNS: dict[str, list[tuple[str, Any]]] = {
    "documents": [
        ("id", S),
        ("url", S),
        ("origin_kind", S),
        ("origin_path", S),
        ("origin_url", S),
        ("origin_record", S),
        ("origin_fetched", S),
        ("content_type", S),
        ("language", S),
        ("title", S),
        ("author", S),
        ("site", S),
        ("outlet_id", S),
        ("outlet_name", S),
        ("outlet_country", S),
        ("outlet_country_code", S),
        ("outlet_typology", S),
        ("published", S),
        ("published_source", S),
        ("text", S),
        ("n_captions", N),
        ("n_removed", N),
        ("n_entities", N),
        ("n_attributions", N),
        ("n_events", N),
        ("meta", J),
    ],
    "entities": [
        *_CONTEXT,
        ("id", S),
        ("name", S),
        ("label", S),
        ("role", S),
        ("country", S),
        ("sector", S),
        ("kind", S),
        ("n_mentions", N),
        ("mentions", J),
    ],
    "attributions": [
        *_CONTEXT,
        ("id", S),
        ("speaker_text", S),
        ("speaker_start", N),
        ("speaker_end", N),
        ("speaker_entity", S),
        ("speaker_name", S),
        ("role", S),
        ("cue_start", N),
        ("cue_end", N),
        ("cue_text", S),
        ("content_start", N),
        ("content_end", N),
        ("content_text", S),
        ("kind", S),
        ("mode", S),
        ("stance", S),
        ("stance_evidence", S),
        ("negated", B),
        ("target", S),
        ("via_names", S),
        ("via", J),
        ("channel", S),
        ("quantities", J),
        ("dates", J),
    ],
    "events": [
        *_CONTEXT,
        ("id", S),
        ("type", S),
        ("mode", S),
        ("status", S),
        ("trigger_start", N),
        ("trigger_end", N),
        ("trigger_text", S),
        ("sentence_start", N),
        ("sentence_end", N),
        ("sentence_text", S),
        ("actor_name", S),
        ("actor_entity", S),
        ("actor_country", S),
        ("actor_sector", S),
        ("recipient_name", S),
        ("recipient_entity", S),
        ("recipient_country", S),
        ("recipient_sector", S),
        ("location", S),
        ("location_country", S),
        ("date", S),
        ("date_source", S),
        ("source_url", S),
        ("asserted_by", J),
        ("asserted_by_names", S),
        ("denied_by", J),
        ("confidence", F),
        ("modality", S),
    ],
    "claims": [
        ("claim_id", S),
        ("story_id", S),
        ("polarity", S),
        *_CONTEXT,
        ("attr_id", S),
        ("speaker_name", S),
        ("stance", S),
        ("kind", S),
        ("cue", S),
        ("content", S),
        ("content_start", N),
        ("content_end", N),
        ("chain", S),
        ("score", F),
    ],
    "disputes": [
        ("claim_id", S),
        ("against_id", S),
        ("basis", S),
        ("score", F),
        ("scope", S),
        ("claim_speakers", S),
        ("claim_content", S),
        ("claim_docs", S),
        ("against_speakers", S),
        ("against_content", S),
        ("against_docs", S),
    ],
    "rejected": [
        ("id", S),
        ("origin_kind", S),
        ("source", S),
        ("origin_record", S),
        ("reason", S),
        ("detail", S),
        ("created_at", S),
        ("updated_at", S),
    ],
}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(name, getattr(pa, S if typ == J else typ)()) for name, typ in COLUMNS[table]])


class _Atomic:
    """Write to ``path.tmp`` and move it over ``path`` only when writing succeeded."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.tmp = self.path.with_name(self.path.name + ".tmp")

    def __enter__(self) -> Path:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return self.tmp

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            os.replace(self.tmp, self.path)
        else:
            self.tmp.unlink(missing_ok=True)


def write_jsonl(path: str | os.PathLike[str], lines: Iterable[str]) -> int:
    """Write one JSON text per line; returns the number of lines."""
    n = 0
    with _Atomic(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(line)
            fh.write("\n")
            n += 1
    return n


def write_parquet(
    path: str | os.PathLike[str], table: str, rows: Iterable[dict[str, Any]], batch: int = 2000
) -> int:
    """Write flat rows with the columns of ``table``; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(table)
    json_cols = {name for name, typ in COLUMNS[table] if typ == J}
    n = 0
    buffer: list[dict[str, Any]] = []

    def flush(writer: pq.ParquetWriter) -> None:
        cols = {
            name: [(_dumps(r.get(name)) if name in json_cols else r.get(name)) for r in buffer]
            for name in schema.names
        }
        writer.write_table(pa.Table.from_pydict(cols, schema=schema))
        buffer.clear()

    with _Atomic(path) as tmp, pq.ParquetWriter(tmp, schema) as writer:
        for row in rows:
            buffer.append(row)
            n += 1
            if len(buffer) >= batch:
                flush(writer)
        if buffer or n == 0:
            flush(writer)
    return n


#: Formats every table can be written in.
FORMATS = ("jsonl", "csv", "parquet")


def _cell(value: Any) -> Any:
    if isinstance(value, (dict, list, tuple)):
        return _dumps(value)
    return value


def write_csv(path: str | os.PathLike[str], table: str | None, rows: Iterable[dict[str, Any]]) -> int:
    """Write flat rows as CSV with a header (the columns of ``table``, or of the first row);
    nested values are JSON text. Returns the number of rows."""
    n = 0
    with _Atomic(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
        writer: csv.DictWriter[str] | None = None
        if table is not None:
            writer = csv.DictWriter(fh, [name for name, _ in COLUMNS[table]], extrasaction="ignore")
            writer.writeheader()
        for row in rows:
            if writer is None:
                writer = csv.DictWriter(fh, list(row), extrasaction="ignore")
                writer.writeheader()
            writer.writerow({k: _cell(v) for k, v in row.items()})
            n += 1
    return n


def render(rows: list[dict[str, Any]], format: str) -> tuple[bytes, str]:
    """Rows as the bytes of a JSONL, CSV or Parquet file, and its media type (API lists)."""
    if format == "jsonl":
        body = "".join(_dumps(r) + "\n" for r in rows).encode("utf-8")
        return body, "application/x-ndjson"
    if format == "csv":
        buf = io.StringIO()
        if rows:
            writer = csv.DictWriter(buf, list(rows[0]), extrasaction="ignore")
            writer.writeheader()
            writer.writerows({k: _cell(v) for k, v in r.items()} for r in rows)
        return buf.getvalue().encode("utf-8"), "text/csv; charset=utf-8"
    if format == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        names = list(rows[0]) if rows else ["empty"]
        cols = {n: [_cell(r.get(n)) for r in rows] for n in names}
        out = io.BytesIO()
        pq.write_table(pa.Table.from_pydict(cols), out)
        return out.getvalue(), "application/vnd.apache.parquet"
    raise ValueError(f"unknown format {format!r}: use one of {', '.join(FORMATS)}")
