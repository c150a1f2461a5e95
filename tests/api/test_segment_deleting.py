"""Deleting segments one at a time and in batches."""

from __future__ import annotations

from tests.api.documents import CREATE_SEGMENT, DELETE_SEGMENTS, SEGMENT_NAMES, condition, group
from tests.conftest import Api

MISSING_ID = "5f0000000000000000000000"


async def create(api: Api, name: str, reference: str | None = None) -> str:
    conditions = [condition("orderCount", "GREATER_THAN", number=1)]
    if reference:
        conditions.append(condition("segment", "IN_SEGMENT", segmentId=reference))
    data = await api(CREATE_SEGMENT, {"name": name, "groups": [group(*conditions)]})
    segment_id: str = data["createSegment"]["segment"]["id"]
    return segment_id


async def names(api: Api) -> set[str]:
    return {e["node"]["name"] for e in (await api(SEGMENT_NAMES))["segments"]["edges"]}


async def test_batch_mixes_deleted_missing_and_in_use(api: Api) -> None:
    base = await create(api, "Base")
    user = await create(api, "Uses base", reference=base)
    plain = await create(api, "Plain")

    data = await api(DELETE_SEGMENTS, {"ids": [plain, MISSING_ID, base, "not-an-id"]})
    results = {r["id"]: r for r in data["deleteSegments"]["results"]}

    assert data["deleteSegments"]["deletedIds"] == [plain]
    assert results[plain]["status"] == "DELETED"
    assert results[MISSING_ID]["status"] == "NOT_FOUND"
    assert results["not-an-id"]["status"] == "NOT_FOUND"
    assert results[base]["status"] == "REFUSED"
    assert [d["id"] for d in results[base]["dependents"]] == [user]
    assert results[base]["userErrors"][0]["code"] == "SEGMENT_IN_USE"
    assert "Uses base" in results[base]["userErrors"][0]["message"]
    assert await names(api) >= {"Base", "Uses base"}
    assert "Plain" not in await names(api)


async def test_referenced_segment_deleted_with_its_dependent(api: Api) -> None:
    base = await create(api, "Base")
    user = await create(api, "Uses base", reference=base)
    data = await api(DELETE_SEGMENTS, {"ids": [base, user]})
    assert sorted(data["deleteSegments"]["deletedIds"]) == sorted([base, user])
    assert not {"Base", "Uses base"} & await names(api)


async def test_chain_refused_when_top_stays(api: Api) -> None:
    bottom = await create(api, "Bottom")
    middle = await create(api, "Middle", reference=bottom)
    await create(api, "Top", reference=middle)
    data = await api(DELETE_SEGMENTS, {"ids": [bottom, middle]})
    statuses = {r["id"]: r["status"] for r in data["deleteSegments"]["results"]}
    assert statuses == {bottom: "REFUSED", middle: "REFUSED"}
    assert data["deleteSegments"]["deletedIds"] == []


async def test_batch_over_limit_deletes_nothing(api: Api) -> None:
    plain = await create(api, "Plain")
    data = await api(DELETE_SEGMENTS, {"ids": [plain] * 101})
    assert [e["code"] for e in data["deleteSegments"]["userErrors"]] == ["LIMIT_EXCEEDED"]
    assert "Plain" in await names(api)


async def test_delete_one_segment(api: Api) -> None:
    plain = await create(api, "Plain")
    query = "mutation($id: ID!) { deleteSegment(id: $id) { deletedIds results { status } } }"
    data = await api(query, {"id": plain})
    assert data["deleteSegment"]["deletedIds"] == [plain]
    again = await api(query, {"id": plain})
    assert again["deleteSegment"]["results"][0]["status"] == "NOT_FOUND"


async def test_restore_defaults_reports_restored(api: Api) -> None:
    listing = await api("{ segments(first: 50) { edges { node { id defaultKey } } } }")
    defaults = {e["node"]["defaultKey"]: e["node"]["id"] for e in listing["segments"]["edges"]}
    await api(DELETE_SEGMENTS, {"ids": [defaults["sms_subscribers"], defaults["zalo_subscribers"]]})

    query = "mutation { restoreDefaultSegments { restored { defaultKey name isDefault } userErrors { code } } }"
    restored = (await api(query))["restoreDefaultSegments"]
    assert sorted(s["defaultKey"] for s in restored["restored"]) == [
        "sms_subscribers",
        "zalo_subscribers",
    ]
    assert all(s["isDefault"] for s in restored["restored"])
    again = (await api(query))["restoreDefaultSegments"]
    assert again["restored"] == []


async def test_repeated_id_reported_once(api: Api) -> None:
    plain = await create(api, "Plain")
    data = await api(DELETE_SEGMENTS, {"ids": [plain, MISSING_ID, plain]})
    assert data["deleteSegments"]["deletedIds"] == [plain]
    assert [r["id"] for r in data["deleteSegments"]["results"]] == [plain, MISSING_ID]
