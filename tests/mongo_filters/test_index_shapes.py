"""Every compiled shape avoids server-side code, and index-hostile shapes are documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mongo_filters import compile_segment
from mongo_filters.catalog import find_field
from mongo_filters.conditions import Condition
from mongo_filters.index_plan import CUSTOMER_INDEXES
from tests.mongo_filters.samples import CUSTOM_FIELDS, compile_one, make_context, sample_conditions
from tests.mongo_filters.shapes import (
    FORBIDDEN_OPERATORS,
    field_kind,
    is_index_shaped,
    operator_keys,
)

INDEX_DOC = Path(__file__).resolve().parents[2] / "docs" / "indexes.md"
EXCEPTIONS_HEADING = "## Shapes that no index bounds"
REQUIRED_INDEXES = [
    [("workspaceId", 1), ("_id", 1)],
    [("workspaceId", 1), ("email", 1)],
    [("workspaceId", 1), ("phone", 1)],
    [("workspaceId", 1), ("createdAt", 1)],
    [("workspaceId", 1), ("norm.tags", 1)],
    [("workspaceId", 1), ("monthDay.birthday", 1)],
]
SAMPLES = list(sample_conditions())


def documented_exceptions() -> set[tuple[str, str]]:
    """Return the (field kind, operator) pairs of the exceptions table in docs/indexes.md."""
    text = INDEX_DOC.read_text(encoding="utf-8")
    section = text.split(EXCEPTIONS_HEADING, 1)[1]
    pairs: set[tuple[str, str]] = set()
    for line in section.splitlines():
        if not line.startswith("|") or line.startswith("|---") or "field kind" in line:
            continue
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line)[1:-1]]
        kinds, operators = cells[0].split(", "), cells[1].split(", ")
        pairs |= {(kind, operator) for kind in kinds for operator in operators}
    return pairs


def sample_kind(condition: Condition) -> tuple[str, str]:
    spec = find_field(condition.field, CUSTOM_FIELDS)
    assert spec is not None
    return field_kind(spec), condition.operator.value


@pytest.mark.parametrize("condition", SAMPLES, ids=str)
def test_compiled_filter_has_no_server_code(condition: Condition) -> None:
    compiled = compile_segment([[condition]], make_context())

    assert FORBIDDEN_OPERATORS.isdisjoint(operator_keys(compiled))


def test_non_index_shapes_are_documented() -> None:
    undocumented = {
        sample_kind(condition)
        for condition in SAMPLES
        if not is_index_shaped(compile_one(condition))
    } - documented_exceptions()

    assert undocumented == set()


def test_documented_exceptions_are_needed() -> None:
    non_index = {
        sample_kind(condition)
        for condition in SAMPLES
        if not is_index_shaped(compile_one(condition))
    }

    assert documented_exceptions() - non_index == set()


def test_index_plan_keeps_required_indexes() -> None:
    keys = [keys for _, keys in CUSTOMER_INDEXES]

    for required in REQUIRED_INDEXES:
        assert required in keys


def test_index_plan_starts_with_workspace() -> None:
    for name, keys in CUSTOMER_INDEXES:
        assert keys[0] == ("workspaceId", 1), name


def test_index_plan_names_unique() -> None:
    names = [name for name, _ in CUSTOMER_INDEXES]

    assert len(names) == len(set(names))


def test_index_doc_lists_every_index() -> None:
    text = INDEX_DOC.read_text(encoding="utf-8")

    for name, keys in CUSTOMER_INDEXES:
        fields = ", ".join(field for field, _ in keys)
        assert f"| `{name}` | `{fields}` |" in text
