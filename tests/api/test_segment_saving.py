"""Creating and editing segments through the HTTP API."""

from __future__ import annotations

import asyncio

from tests.api.documents import (
    CREATE_SEGMENT,
    SEGMENT_NAMES,
    UPDATE_SEGMENT,
    condition,
    group,
)
from tests.conftest import Api

VIP = [group(condition("tags", "HAS_ANY_OF", texts=["VIP"]))]


async def create(
    api: Api, name: str, groups: list[dict[str, object]] | None = None, **headers: str
) -> dict:
    data = await api(CREATE_SEGMENT, {"name": name, "groups": groups or VIP}, **headers)
    return data["createSegment"]


async def segment_names(api: Api) -> list[str]:
    data = await api(SEGMENT_NAMES)
    return sorted(edge["node"]["name"] for edge in data["segments"]["edges"])


async def test_create_segment_returns_version_one(api: Api) -> None:
    payload = await create(api, "  Khách   VIP ")
    assert payload["userErrors"] == []
    assert payload["segment"]["name"] == "Khách VIP"
    assert payload["segment"]["version"] == 1


async def test_name_taken_after_folding(api: Api) -> None:
    first = await create(api, "Khách VIP")
    second = await create(api, "  KHÁCH   vip")
    assert second["segment"] is None
    assert [e["code"] for e in second["userErrors"]] == ["NAME_TAKEN"]
    assert first["segment"]["id"] in second["userErrors"][0]["message"]
    assert second["userErrors"][0]["field"] == "input.name"


async def test_names_differing_in_diacritics_coexist(api: Api) -> None:
    await create(api, "Khách VIP")
    payload = await create(api, "Khach VIP")
    assert payload["userErrors"] == []


async def test_concurrent_creates_give_one_segment(api: Api) -> None:
    payloads = await asyncio.gather(*(create(api, "Đồng thời") for _ in range(8)))
    created = [p for p in payloads if p["segment"] is not None]
    refused = [p for p in payloads if p["segment"] is None]
    assert len(created) == 1
    assert all(p["userErrors"][0]["code"] == "NAME_TAKEN" for p in refused)
    assert (await segment_names(api)).count("Đồng thời") == 1


async def test_invalid_rules_store_nothing(api: Api) -> None:
    before = await segment_names(api)
    cases = {
        "UNKNOWN_FIELD": [group(condition("favouriteColour", "IS", text="red"))],
        "OPERATOR_NOT_ALLOWED": [group(condition("orderCount", "CONTAINS", text="1"))],
        "INVALID_VALUE": [group(condition("orderCount", "GREATER_THAN", text="many"))],
    }
    for code, groups in cases.items():
        payload = await create(api, f"Bad {code}", groups)
        assert payload["segment"] is None, code
        assert code in [e["code"] for e in payload["userErrors"]], payload
        assert payload["userErrors"][0]["field"].startswith("input.conditionGroups.0.conditions.0")
    assert await segment_names(api) == before


async def test_overlong_and_empty_names_rejected(api: Api) -> None:
    long_payload = await create(api, "x" * 101)
    empty_payload = await create(api, "   ")
    assert [e["code"] for e in long_payload["userErrors"]] == ["LIMIT_EXCEEDED"]
    assert [e["code"] for e in empty_payload["userErrors"]] == ["INVALID_VALUE"]
    assert len(await segment_names(api)) == 6


async def test_too_many_groups_rejected(api: Api) -> None:
    groups = [group(condition("orderCount", "GREATER_THAN", number=float(i))) for i in range(21)]
    payload = await create(api, "Huge", groups)
    assert payload["segment"] is None
    assert "LIMIT_EXCEEDED" in [e["code"] for e in payload["userErrors"]]


async def test_messages_follow_accept_language(api: Api) -> None:
    await create(api, "Trùng tên")
    english = await create(api, "Trùng tên", **{"accept-language": "en-US,en;q=0.9"})
    vietnamese = await create(api, "Trùng tên", **{"accept-language": "vi-VN,vi;q=0.9,en;q=0.5"})
    assert english["userErrors"][0]["code"] == vietnamese["userErrors"][0]["code"] == "NAME_TAKEN"
    assert "already exists" in english["userErrors"][0]["message"]
    assert "Đã có phân khúc" in vietnamese["userErrors"][0]["message"]


async def test_update_increments_version(api: Api) -> None:
    segment = (await create(api, "Editable"))["segment"]
    variables = {"id": segment["id"], "input": {"name": "Edited"}, "version": 1}
    payload = (await api(UPDATE_SEGMENT, variables))["updateSegment"]
    assert payload["userErrors"] == []
    assert payload["segment"]["version"] == 2
    assert payload["segment"]["name"] == "Edited"


async def test_stale_version_conflicts(api: Api) -> None:
    segment = (await create(api, "Shared"))["segment"]
    first = {"id": segment["id"], "input": {"name": "Mine"}, "version": 1}
    await api(UPDATE_SEGMENT, first)
    second = {"id": segment["id"], "input": {"name": "Theirs"}, "version": 1}
    payload = (await api(UPDATE_SEGMENT, second))["updateSegment"]
    assert payload["segment"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["VERSION_CONFLICT"]
    assert "Mine" in await segment_names(api)
    assert "Theirs" not in await segment_names(api)


async def test_update_unknown_id_not_found(api: Api) -> None:
    variables = {"id": "5f0000000000000000000000", "input": {"name": "Ghost"}}
    payload = (await api(UPDATE_SEGMENT, variables))["updateSegment"]
    assert [e["code"] for e in payload["userErrors"]] == ["NOT_FOUND"]


async def test_update_rejects_reference_cycle(api: Api) -> None:
    base = (await create(api, "Base"))["segment"]
    outer_groups = [group(condition("segment", "IN_SEGMENT", segmentId=base["id"]))]
    outer = (await create(api, "Outer", outer_groups))["segment"]
    cycle = [group(condition("segment", "IN_SEGMENT", segmentId=outer["id"]))]
    payload = (await api(UPDATE_SEGMENT, {"id": base["id"], "input": {"conditionGroups": cycle}}))[
        "updateSegment"
    ]
    assert [e["code"] for e in payload["userErrors"]] == ["REFERENCE_CYCLE"]


async def test_nesting_deeper_than_three_rejected(api: Api) -> None:
    previous = (await create(api, "Level 0"))["segment"]
    for level in range(1, 4):
        groups = [group(condition("segment", "IN_SEGMENT", segmentId=previous["id"]))]
        payload = await create(api, f"Level {level}", groups)
        assert payload["userErrors"] == [], level
        previous = payload["segment"]
    groups = [group(condition("segment", "IN_SEGMENT", segmentId=previous["id"]))]
    payload = await create(api, "Level 4", groups)
    assert [e["code"] for e in payload["userErrors"]] == ["LIMIT_EXCEEDED"]


async def test_duplicate_segment_copies_rule(api: Api) -> None:
    original = (await create(api, "Original"))["segment"]
    query = """mutation($id: ID!) { duplicateSegment(id: $id, name: "Copy") {
        segment { name conditionGroups { conditions { field operator value { texts } } } } userErrors { code } } }"""
    payload = (await api(query, {"id": original["id"]}))["duplicateSegment"]
    assert payload["segment"]["name"] == "Copy"
    conditions = payload["segment"]["conditionGroups"][0]["conditions"]
    assert conditions == [{"field": "tags", "operator": "HAS_ANY_OF", "value": {"texts": ["VIP"]}}]


async def test_saved_rule_reads_back_unchanged(api: Api) -> None:
    groups = [
        group(
            condition("createdAt", "IN_LAST", period={"amount": 30, "unit": "DAYS"}),
            condition("birthday", "ANNIVERSARY_IN_MONTH", month=2),
        ),
        group(condition("totalSpent", "BETWEEN", numberRange={"min": 100, "max": 500})),
    ]
    segment = (await create(api, "Round trip", groups))["segment"]
    query = """query($id: ID!) { segment(id: $id) { conditionGroups { conditions { field operator calendar
        value { period { amount unit } month numberRange { min max } } } } } }"""
    data = await api(query, {"id": segment["id"]})
    saved = data["segment"]["conditionGroups"]
    assert saved[0]["conditions"][0]["value"]["period"] == {"amount": 30, "unit": "DAYS"}
    assert saved[0]["conditions"][1]["value"]["month"] == 2
    assert saved[0]["conditions"][1]["calendar"] == "GREGORIAN"
    assert saved[1]["conditions"][0]["value"]["numberRange"] == {"min": 100.0, "max": 500.0}


async def test_warnings_do_not_block_save(api: Api) -> None:
    groups = [
        group(
            condition("orderCount", "GREATER_THAN", number=10),
            condition("orderCount", "LESS_THAN", number=5),
        )
    ]
    payload = await create(api, "Impossible", groups)
    assert payload["userErrors"] == []
    assert payload["segment"] is not None
    assert [w["code"] for w in payload["warnings"]] == ["GROUP_NEVER_MATCHES"]


async def test_inlined_size_is_bounded(api: Api) -> None:
    wide = [
        group(*(condition("orderCount", "GREATER_THAN", number=float(c)) for c in range(20)))
        for _ in range(20)
    ]
    base = (await create(api, "Wide", wide))["segment"]
    fan_out = [
        group(*(condition("segment", "IN_SEGMENT", segmentId=base["id"]) for _ in range(20)))
    ]
    payload = await create(api, "Fan out", fan_out)
    assert payload["segment"] is None
    assert [e["code"] for e in payload["userErrors"]] == ["LIMIT_EXCEEDED"]
    assert "MAX_INLINED_CONDITIONS" in payload["userErrors"][0]["message"]
