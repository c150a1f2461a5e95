"""Previewing rules, and one customer's segments with the explanation."""

from __future__ import annotations

from tests.api.documents import CREATE_CUSTOMER, CREATE_SEGMENT, PREVIEW, condition, group
from tests.conftest import Api


async def add_customer(api: Api, **fields: object) -> str:
    data = await api(CREATE_CUSTOMER, {"input": fields})
    assert data["createCustomer"]["userErrors"] == []
    customer_id: str = data["createCustomer"]["customer"]["id"]
    return customer_id


async def test_preview_counts_each_group(api: Api) -> None:
    await add_customer(api, fullName="Nguyễn Thị Đào", city="Hà Nội", orderCount=12)
    await add_customer(api, fullName="Trần Văn An", city="Đà Nẵng", orderCount=1)
    await add_customer(api, fullName="Lê Văn Dũng", city="Hà Nội", orderCount=2)
    groups = [
        group(
            condition("city", "IS", text="ha noi"),
            condition("orderCount", "GREATER_THAN", number=10),
        ),
        group(condition("fullName", "CONTAINS", text="VAN")),
    ]
    preview = (await api(PREVIEW, {"groups": groups}))["previewSegment"]
    assert preview["groupCounts"] == [1, 2]
    assert preview["totalCount"] == 3
    assert {c["fullName"] for c in preview["customers"]} == {
        "Nguyễn Thị Đào",
        "Trần Văn An",
        "Lê Văn Dũng",
    }
    assert preview["warnings"] == []
    assert preview["userErrors"] == []


async def test_preview_warns_about_impossible_and_duplicate_groups(api: Api) -> None:
    impossible = group(condition("email", "IS_EMPTY"), condition("email", "CONTAINS", text="@"))
    repeated = group(condition("city", "IS", text="Huế"), condition("city", "IS", text="Huế"))
    preview = (await api(PREVIEW, {"groups": [impossible, repeated, repeated]}))["previewSegment"]
    codes = sorted(w["code"] for w in preview["warnings"])
    assert "GROUP_NEVER_MATCHES" in codes
    assert "DUPLICATE_GROUP" in codes
    assert "REPEATED_CONDITION" in codes


async def test_preview_of_invalid_rule_returns_user_errors(api: Api) -> None:
    groups = [group(condition("nope", "IS", text="x"))]
    preview = (await api(PREVIEW, {"groups": groups}))["previewSegment"]
    assert [e["code"] for e in preview["userErrors"]] == ["UNKNOWN_FIELD"]
    assert preview["totalCount"] == 0


async def test_customer_segments_lists_matching_ones(api: Api) -> None:
    customer = await add_customer(api, fullName="Phạm Minh", phone="0912 345 678", tags=["VIP"])
    vip = [group(condition("tags", "HAS_ANY_OF", texts=["vip"]))]
    await api(CREATE_SEGMENT, {"name": "VIP", "groups": vip})
    query = "query($id: ID!) { customer(id: $id) { segments { name defaultKey } } }"
    data = await api(query, {"id": customer})
    names = sorted(s["name"] for s in data["customer"]["segments"])
    assert names == ["New subscribers", "SMS subscribers", "VIP"]


async def test_explanation_shows_matched_and_failed_groups(api: Api) -> None:
    customer = await add_customer(
        api, fullName="Võ Thị Hoa", city="Huế", orderCount=2, tags=["Khách lẻ"]
    )
    groups = [
        group(
            condition("city", "IS", text="hue"), condition("orderCount", "GREATER_THAN", number=5)
        ),
        group(condition("tags", "HAS_ANY_OF", texts=["khách lẻ"])),
    ]
    segment = (await api(CREATE_SEGMENT, {"name": "Explained", "groups": groups}))["createSegment"][
        "segment"
    ]
    query = """query($id: ID!, $segment: ID!) { customer(id: $id) { segmentMatch(segmentId: $segment) {
        matched groups { index matched conditions { field operator held customerValue } } } } }"""
    match = (await api(query, {"id": customer, "segment": segment["id"]}))["customer"][
        "segmentMatch"
    ]

    assert match["matched"] is True
    first, second = match["groups"]
    assert first["matched"] is False
    assert [c["held"] for c in first["conditions"]] == [True, False]
    assert first["conditions"][0]["customerValue"] == "Huế"
    assert first["conditions"][1]["customerValue"] == 2
    assert second["matched"] is True
    assert second["conditions"][0]["customerValue"] == ["Khách lẻ"]


async def test_explanation_for_unknown_segment_is_null(api: Api) -> None:
    customer = await add_customer(api, fullName="Ai Đó")
    query = 'query($id: ID!) { customer(id: $id) { segmentMatch(segmentId: "5f0000000000000000000000") { matched } } }'
    assert (await api(query, {"id": customer}))["customer"]["segmentMatch"] is None


async def test_page_of_customers_reads_segments_once(api: Api) -> None:
    for index in range(5):
        await add_customer(api, fullName=f"Khách {index}", tags=["VIP"] if index % 2 else [])
    vip = [group(condition("tags", "HAS_ANY_OF", texts=["vip"]))]
    await api(CREATE_SEGMENT, {"name": "VIP", "groups": vip})
    database = api.client._transport.app.state.database  # type: ignore[attr-defined]

    database.counter.enabled = True
    database.counter.reset()
    data = await api("{ customers(first: 10) { edges { node { fullName segments { name } } } } }")
    calls = list(database.counter.calls)
    database.counter.enabled = False

    in_vip = sorted(
        e["node"]["fullName"]
        for e in data["customers"]["edges"]
        if {"name": "VIP"} in e["node"]["segments"]
    )
    assert in_vip == ["Khách 1", "Khách 3"]
    assert calls.count(("customers", "aggregate")) == 1
    assert calls.count(("segments", "find")) == 1
