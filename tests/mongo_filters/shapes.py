"""Classify compiled fragments by whether an index on their field can bound them.

A fragment is index-shaped when MongoDB can turn it into index bounds on
its field: equality, a range, `$in`, `$all`, an `$exists` or null check,
or a regular expression anchored with `^` (and without alternation) on a
`norm.*` shadow. An `$or` is index-shaped when every branch is, and an
`$and` when at least one branch is, because the planner bounds the scan
with that branch and filters the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from mongo_filters.catalog import FieldSpec

FORBIDDEN_OPERATORS = frozenset({"$where", "$function", "$accumulator", "$expr"})
_BOUNDED_OPERATORS = frozenset({"$eq", "$in", "$all", "$gt", "$gte", "$lt", "$lte", "$exists"})


def operator_keys(node: Any) -> Iterator[str]:
    """Yield every `$` key at any depth of a filter."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key.startswith("$"):
                yield key
            yield from operator_keys(value)
    elif isinstance(node, list):
        for item in node:
            yield from operator_keys(item)


def _anchored(pattern: Any) -> bool:
    return isinstance(pattern, str) and pattern.startswith("^") and "|" not in pattern


def _predicate_is_index_shaped(path: str, predicate: Any) -> bool:
    if not isinstance(predicate, dict):
        return True  # equality, or `None` for the null check
    if predicate == {"$ne": None}:
        return True
    if set(predicate) == {"$regex"}:
        return path.startswith("norm.") and _anchored(predicate["$regex"])
    return set(predicate) <= _BOUNDED_OPERATORS


def is_index_shaped(fragment: dict[str, Any]) -> bool:
    if set(fragment) == {"$or"}:
        return all(is_index_shaped(branch) for branch in fragment["$or"])
    if set(fragment) == {"$and"}:
        return any(is_index_shaped(branch) for branch in fragment["$and"])
    if any(key.startswith("$") for key in fragment):
        return False
    return all(_predicate_is_index_shaped(path, value) for path, value in fragment.items())


def field_kind(spec: FieldSpec) -> str:
    """Return the name that docs/indexes.md uses for the field's kind: its type, or PHONE."""
    return "PHONE" if spec.is_phone else spec.type.value
