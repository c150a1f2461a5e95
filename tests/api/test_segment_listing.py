"""Listing segments: search, order, cursors and counts."""

from __future__ import annotations

from tests.api.documents import CREATE_SEGMENT, condition, group
from tests.conftest import Api, Clock

LIST = """query($first: Int, $after: String, $search: String, $order: SegmentOrder) {
  segments(first: $first, after: $after, search: $search, orderBy: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { name customerCount countedAt } }
  }
}"""


async def create(api: Api, name: str) -> None:
    groups = [group(condition("fullName", "CONTAINS", text="an"))]
    await api(CREATE_SEGMENT, {"name": name, "groups": groups})


async def test_search_ignores_case_and_diacritics(api: Api) -> None:
    for name in ("Khách hàng Đà Nẵng", "Khách Hà Nội", "Other"):
        await create(api, name)
    data = await api(LIST, {"search": "da nang"})
    assert [e["node"]["name"] for e in data["segments"]["edges"]] == ["Khách hàng Đà Nẵng"]
    assert data["segments"]["totalCount"] == 1


async def test_search_treats_pattern_characters_literally(api: Api) -> None:
    await create(api, "Deal (50%)")
    data = await api(LIST, {"search": ".*"})
    assert data["segments"]["totalCount"] == 0
    data = await api(LIST, {"search": "(50%"})
    assert data["segments"]["totalCount"] == 1


async def test_pages_cover_all_without_repeats(api: Api) -> None:
    for index in range(7):
        await create(api, f"Segment {index:02d}")
    seen: list[str] = []
    after = None
    while True:
        data = await api(LIST, {"first": 4, "after": after})
        seen += [e["node"]["name"] for e in data["segments"]["edges"]]
        if not data["segments"]["pageInfo"]["hasNextPage"]:
            break
        after = data["segments"]["pageInfo"]["endCursor"]
    assert len(seen) == 13
    assert len(set(seen)) == 13
    assert seen == sorted(seen, key=str.casefold)


async def test_order_by_creation_descending(api: Api, clock: Clock) -> None:
    import datetime as dt

    for index in range(3):
        clock.now += dt.timedelta(minutes=1)
        await create(api, f"Made {index}")
    data = await api(LIST, {"first": 3, "order": {"field": "CREATED_AT", "direction": "DESC"}})
    assert [e["node"]["name"] for e in data["segments"]["edges"]] == ["Made 2", "Made 1", "Made 0"]


async def test_page_size_over_maximum_is_an_error(api: Api) -> None:
    response = await api.post(LIST, {"first": 1000})
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "LIMIT_EXCEEDED"
    assert "MAX_PAGE_SIZE" in error["message"]


async def test_foreign_cursor_is_an_error(api: Api) -> None:
    response = await api.post(LIST, {"after": "bm90LWEtY3Vyc29y"})
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_VALUE"


async def test_deeply_nested_cursor_is_an_error(api: Api) -> None:
    import base64

    cursor = base64.urlsafe_b64encode(("[" * 5000 + "]" * 5000).encode()).decode()
    response = await api.post(LIST, {"after": cursor})
    assert response.json()["errors"][0]["extensions"]["code"] == "INVALID_VALUE"


async def test_upper_case_id_is_not_found(api: Api) -> None:
    await create(api, "Kept")
    data = await api('{ segments(first: 10, search: "Kept") { edges { node { id } } } }')
    segment_id = data["segments"]["edges"][0]["node"]["id"]
    query = "mutation($ids: [ID!]!) { deleteSegments(ids: $ids) { deletedIds results { status } } }"
    result = (await api(query, {"ids": [segment_id.upper()]}))["deleteSegments"]
    assert result["deletedIds"] == []
    assert result["results"][0]["status"] == "NOT_FOUND"
    assert (await api(LIST, {"search": "Kept"}))["segments"]["totalCount"] == 1
