"""Segment rules for benchmarks, as the API takes them (and as they are stored).

The conditions cover each field type and most operator families, with
values that match part of the generated demo customers, so counts do
real work instead of stopping at an empty result.
"""

from __future__ import annotations

from typing import Any

from storage.demo_data import CITIES, SOURCES, TAGS

Condition = dict[str, Any]
Rule = list[dict[str, list[Condition]]]


def _condition(field: str, operator: str, value: dict[str, Any] | None = None) -> Condition:
    condition: Condition = {"field": field, "operator": operator}
    if value is not None:
        condition["value"] = value
    return condition


def sample_condition(index: int) -> Condition:
    """Return the condition number `index`; consecutive indexes vary field and value."""
    city = CITIES[index % len(CITIES)]
    choices: list[Condition] = [
        _condition("city", "IS", {"text": city}),
        _condition("tags", "HAS_ANY_OF", {"texts": [TAGS[index % len(TAGS)]]}),
        _condition("totalSpent", "GREATER_THAN", {"number": 100_000 * (index % 7 + 1)}),
        _condition(
            "orderCount", "BETWEEN", {"numberRange": {"min": index % 3, "max": index % 3 + 5}}
        ),
        _condition("birthday", "ANNIVERSARY_IN_MONTH", {"month": index % 12 + 1}),
        _condition(
            "lastOrderAt", "IN_LAST", {"period": {"amount": index % 6 + 1, "unit": "MONTHS"}}
        ),
        _condition("fullName", "CONTAINS", {"text": ("Nguyễn", "Trần", "Lê", "Phạm")[index % 4]}),
        _condition(
            "email", "ENDS_WITH", {"text": ("gmail.com", "fpt.vn", "outlook.com")[index % 3]}
        ),
        _condition("gender", "IS", {"text": ("MALE", "FEMALE")[index % 2]}),
        _condition("source", "IS_ANY_OF", {"texts": [SOURCES[index % len(SOURCES)], SOURCES[0]]}),
        _condition("phone", "CONTAINS", {"text": f"09{index % 10}"}),
        _condition("emailVerified", "IS_TRUE"),
        _condition("zaloInteractedAt", "IS_NOT_EMPTY"),
        _condition(
            "createdAt", "MORE_THAN_AGO", {"period": {"amount": index % 4 + 1, "unit": "WEEKS"}}
        ),
    ]
    return choices[index % len(choices)]


def sample_rule(index: int) -> Rule:
    """Return a rule of one to three groups of one to three conditions each."""
    group_count = index % 3 + 1
    rule: Rule = []
    for group in range(group_count):
        size = (index + group) % 3 + 1
        start = index * 5 + group * 3
        rule.append({"conditions": [sample_condition(start + i) for i in range(size)]})
    return rule


def wide_rule(groups: int, conditions: int) -> Rule:
    """Return a rule of `groups` groups of `conditions` conditions, all different."""
    return [
        {"conditions": [sample_condition(group * conditions + i) for i in range(conditions)]}
        for group in range(groups)
    ]


PREVIEW_RULE: Rule = [
    {"conditions": [sample_condition(0), sample_condition(2)]},
    {"conditions": [sample_condition(1), sample_condition(12)]},
]
