from __future__ import annotations

from pathlib import Path

from api.schema import build_schema

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_file_matches_code() -> None:
    exported = build_schema().as_str().strip()
    committed = SCHEMA_FILE.read_text(encoding="utf-8").strip()
    assert committed == exported, "schema.graphql is stale: run `make schema` and commit it"
