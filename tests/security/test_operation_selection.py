"""Documents with several operations, and subscriptions."""

from __future__ import annotations

from tests.conftest import Api

TWO_OPERATIONS = (
    "query A { segments { totalCount } } mutation B { restoreDefaultSegments { restored { id } } }"
)


async def test_several_operations_need_a_name(api: Api) -> None:
    response = await api.client.post("/graphql", json={"query": TWO_OPERATIONS})
    assert response.status_code == 400
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_REQUEST"
    assert "operationName" in response.json()["errors"][0]["message"]


async def test_operation_name_selects_one(api: Api) -> None:
    response = await api.client.post(
        "/graphql", json={"query": TWO_OPERATIONS, "operationName": "A"}
    )
    assert response.status_code == 200
    assert response.json()["data"]["segments"]["totalCount"] == 6


async def test_subscription_is_bad_request(api: Api) -> None:
    response = await api.client.post(
        "/graphql", json={"query": "subscription S { segments { totalCount } }"}
    )
    assert response.status_code == 400
    assert "subscription" in response.json()["errors"][0]["message"]
