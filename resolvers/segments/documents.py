"""The stored form of a segment, built in one place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mongo_filters.conditions import Rule
from mongo_filters.references import referenced_segment_ids, used_custom_field_keys
from resolvers.segments.names import name_key, name_search_key
from resolvers.segments.rules import rule_to_document


def rule_fields(rule: Rule) -> dict[str, Any]:
    """Return the stored fields derived from a rule."""
    return {
        "conditionGroups": rule_to_document([list(group) for group in rule]),
        "references": sorted(referenced_segment_ids(rule)),
        "customFieldKeys": used_custom_field_keys(rule),
    }


def name_fields(name: str) -> dict[str, Any]:
    return {"name": name, "nameKey": name_key(name), "nameSearch": name_search_key(name)}


def new_segment_document(
    name: str, rule: Rule, now: dt.datetime, default_key: str | None = None
) -> dict[str, Any]:
    document: dict[str, Any] = {
        **name_fields(name),
        **rule_fields(rule),
        "version": 1,
        "createdAt": now,
        "updatedAt": now,
    }
    if default_key is not None:
        document["defaultKey"] = default_key
    return document
