"""Regular-expression metacharacters in condition text match literally, never as a pattern."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from models.text import fold_text
from tests.conftest import Clock
from tests.security.conftest import (
    ALPHA,
    SecureService,
    running_service,
    security_settings,
    workspace_snapshot,
)

NAMES = [
    "Trần a.*b",
    "Lê (Beo)",
    "Phạm \\ Gạch",
    "Ngô [vip]",
    "Đỗ ^mũ$",
    "Vũ a|b",
    "Hồ plus+",
    "Bình thường",
    "Ông Ba",
]
VALUES = [".*", ".", "(", ")", "\\", "[vip]", "[a-z]", "^", "$", "a|b", "+", "(?i)", "\\d", "^Đỗ"]
PREVIEW = (
    "query($groups: [ConditionGroupInput!]!) { previewSegment(conditionGroups: $groups) "
    "{ totalCount userErrors { code message } } }"
)


def expected_count(operator: str, value: str) -> int:
    """Count the names that match `value` as plain text, as the specification defines it."""
    needle = fold_text(value)
    matches = {
        "CONTAINS": lambda name: needle in name,
        "STARTS_WITH": lambda name: name.startswith(needle),
        "ENDS_WITH": lambda name: name.endswith(needle),
        "IS": lambda name: name == needle,
    }[operator]
    return sum(1 for name in NAMES if matches(fold_text(name)))


@pytest.fixture
async def seeded(clock: Clock) -> AsyncIterator[SecureService]:
    async with running_service(security_settings(), clock) as running:
        rows = [{"fullName": name} for name in NAMES]
        imported = await running.alpha_write.data(
            "mutation($rows: [CustomerInput!]!) { "
            "importCustomers(customers: $rows) { createdCount } }",
            {"rows": rows},
        )
        assert imported["importCustomers"]["createdCount"] == len(NAMES)
        yield running


@pytest.mark.parametrize("operator", ["CONTAINS", "STARTS_WITH", "ENDS_WITH", "IS"])
async def test_metacharacters_match_literally(seeded: SecureService, operator: str) -> None:
    before = await workspace_snapshot(seeded.database, ALPHA)

    for value in VALUES:
        groups = [
            {"conditions": [{"field": "fullName", "operator": operator, "value": {"text": value}}]}
        ]
        data = await seeded.alpha_read.data(PREVIEW, {"groups": groups})

        assert data["previewSegment"]["userErrors"] == [], value
        assert data["previewSegment"]["totalCount"] == expected_count(operator, value), value

    assert await workspace_snapshot(seeded.database, ALPHA) == before


async def test_metacharacters_in_any_of_match_literally(seeded: SecureService) -> None:
    groups = [
        {
            "conditions": [
                {
                    "field": "fullName",
                    "operator": "IS_ANY_OF",
                    "value": {"texts": [".*", "Lê (Beo)"]},
                }
            ]
        }
    ]

    data = await seeded.alpha_read.data(PREVIEW, {"groups": groups})

    assert data["previewSegment"]["totalCount"] == 1


async def test_saved_segment_keeps_text_literal(seeded: SecureService) -> None:
    created = await seeded.alpha_write.data(
        "mutation($groups: [ConditionGroupInput!]!) { createSegment(input: "
        '{name: "Regex literal", conditionGroups: $groups}) '
        "{ segment { customerCount conditionGroups { conditions { value { text } } } } "
        "userErrors { code } } }",
        {
            "groups": [
                {
                    "conditions": [
                        {"field": "fullName", "operator": "CONTAINS", "value": {"text": ".*"}}
                    ]
                }
            ]
        },
    )

    segment = created["createSegment"]["segment"]
    assert created["createSegment"]["userErrors"] == []
    assert segment["customerCount"] == 1
    assert segment["conditionGroups"][0]["conditions"][0]["value"]["text"] == ".*"
