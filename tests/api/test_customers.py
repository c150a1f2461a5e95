"""Writing and reading customers through the HTTP API."""

from __future__ import annotations

from tests.api.documents import CREATE_CUSTOMER, IMPORT_CUSTOMERS
from tests.conftest import Api

CUSTOMERS = "{ customers(first: 100) { totalCount edges { node { id email phone fullName } } } }"


async def total(api: Api) -> int:
    count: int = (await api(CUSTOMERS))["customers"]["totalCount"]
    return count


async def test_create_normalises_contact_fields(api: Api) -> None:
    data = await api(
        CREATE_CUSTOMER,
        {
            "input": {
                "fullName": "  Nguyễn   Thị Đào ",
                "email": " Dao.Nguyen@Example.COM ",
                "phone": "0912 345 678",
            }
        },
    )
    customer = data["createCustomer"]["customer"]
    assert customer["fullName"] == "Nguyễn Thị Đào"
    assert customer["email"] == "dao.nguyen@example.com"
    assert customer["phone"] == "+84912345678"
    assert customer["phoneValid"] is True


async def test_unreadable_phone_kept_and_flagged(api: Api) -> None:
    data = await api(
        CREATE_CUSTOMER, {"input": {"fullName": "Foreign", "phone": "846-790-4623x4715"}}
    )
    customer = data["createCustomer"]["customer"]
    assert data["createCustomer"]["userErrors"] == []
    assert customer["phone"] == "846-790-4623x4715"
    assert customer["phoneValid"] is False


async def test_invalid_email_rejected_and_nothing_stored(api: Api) -> None:
    data = await api(CREATE_CUSTOMER, {"input": {"fullName": "X", "email": "not an email"}})
    assert data["createCustomer"]["customer"] is None
    assert data["createCustomer"]["userErrors"][0]["code"] == "INVALID_VALUE"
    assert data["createCustomer"]["userErrors"][0]["field"] == "input.email"
    assert await total(api) == 0


async def test_wrong_scalar_type_is_a_graphql_error(api: Api) -> None:
    response = await api.post(CREATE_CUSTOMER, {"input": {"orderCount": "many"}})
    assert response.json()["errors"]
    assert await total(api) == 0


async def test_import_upserts_on_email_then_phone(api: Api) -> None:
    first = [
        {"fullName": "An", "email": "an@example.com"},
        {"fullName": "Bình", "phone": "+84 912 345 678"},
    ]
    created = (await api(IMPORT_CUSTOMERS, {"rows": first}))["importCustomers"]
    assert (created["createdCount"], created["updatedCount"]) == (2, 0)

    second = [
        {"fullName": "An Nguyễn", "email": "AN@example.com"},
        {"fullName": "Bình Trần", "phone": "84912345678"},
        {"fullName": "Chi", "email": "chi@example.com"},
    ]
    upserted = (await api(IMPORT_CUSTOMERS, {"rows": second}))["importCustomers"]
    assert [r["status"] for r in upserted["results"]] == ["UPDATED", "UPDATED", "CREATED"]
    assert upserted["results"][0]["customer"]["fullName"] == "An Nguyễn"
    assert upserted["results"][1]["customer"]["fullName"] == "Bình Trần"
    assert await total(api) == 3


async def test_import_repeated_row_updates_earlier_one(api: Api) -> None:
    rows = [
        {"fullName": "Dup", "email": "dup@example.com"},
        {"fullName": "Dup 2", "email": "dup@example.com"},
    ]
    result = (await api(IMPORT_CUSTOMERS, {"rows": rows}))["importCustomers"]
    assert [r["status"] for r in result["results"]] == ["CREATED", "UPDATED"]
    assert await total(api) == 1


async def test_import_stores_valid_rows_and_reports_others(api: Api) -> None:
    rows = [
        {"fullName": "Good", "email": "good@example.com"},
        {"fullName": "Bad email", "email": "no-at-sign"},
        {"fullName": "Bad custom", "customFields": {"$where": "1"}},
    ]
    result = (await api(IMPORT_CUSTOMERS, {"rows": rows}))["importCustomers"]
    assert (result["createdCount"], result["rejectedCount"]) == (1, 2)
    fields = sorted(e["field"] for e in result["userErrors"])
    assert fields[0].startswith("customers.1")
    assert fields[1].startswith("customers.2")
    assert await total(api) == 1


async def test_import_over_row_limit_stores_nothing(api: Api) -> None:
    rows = [{"email": f"c{i}@example.com"} for i in range(1001)]
    result = (await api(IMPORT_CUSTOMERS, {"rows": rows}))["importCustomers"]
    assert [e["code"] for e in result["userErrors"]] == ["LIMIT_EXCEEDED"]
    assert result["rejectedCount"] == 1001
    assert await total(api) == 0


async def test_update_and_delete_customers(api: Api) -> None:
    created = (await api(CREATE_CUSTOMER, {"input": {"fullName": "Old", "city": "Huế"}}))[
        "createCustomer"
    ]
    customer_id = created["customer"]["id"]
    update = """mutation($id: ID!) { updateCustomer(id: $id, input: {fullName: "New", city: null}) {
        customer { fullName city } userErrors { code } } }"""
    updated = (await api(update, {"id": customer_id}))["updateCustomer"]["customer"]
    assert updated == {"fullName": "New", "city": None}

    delete = "mutation($ids: [ID!]!) { deleteCustomers(ids: $ids) { deletedIds notFoundIds } }"
    result = (await api(delete, {"ids": [customer_id, "5f0000000000000000000000"]}))[
        "deleteCustomers"
    ]
    assert result["deletedIds"] == [customer_id]
    assert result["notFoundIds"] == ["5f0000000000000000000000"]
    assert await total(api) == 0


async def test_customers_pages_are_complete(api: Api) -> None:
    rows = [{"email": f"c{i:03d}@example.com"} for i in range(25)]
    await api(IMPORT_CUSTOMERS, {"rows": rows})
    query = "query($after: String) { customers(first: 10, after: $after) { pageInfo { hasNextPage endCursor } edges { node { email } } } }"
    seen: list[str] = []
    after = None
    while True:
        page = (await api(query, {"after": after}))["customers"]
        seen += [e["node"]["email"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert seen == [r["email"] for r in rows]


async def test_import_shared_phone_keeps_both_people(api: Api) -> None:
    first = [{"fullName": "Nguyễn Thị Đào", "email": "dao@example.com", "phone": "0912 345 678"}]
    await api(IMPORT_CUSTOMERS, {"rows": first})
    second = [
        {"fullName": "Oliver Brennan", "email": "oliver@example.ie", "phone": "0912 345 678"},
        {"fullName": "Đào (no email)", "phone": "+84912345678"},
    ]
    result = (await api(IMPORT_CUSTOMERS, {"rows": second}))["importCustomers"]
    assert [r["status"] for r in result["results"]] == ["CREATED", "UPDATED"]
    assert result["results"][1]["customer"]["email"] == "dao@example.com"
    assert await total(api) == 2


async def test_import_extreme_offsets_rejected_per_row(api: Api) -> None:
    rows = [
        {"fullName": "Too early", "createdAt": "0001-01-01T00:00:00+14:00"},
        {"fullName": "Too late", "createdAt": "9999-12-31T23:59:59-12:00"},
        {"fullName": "Fine"},
    ]
    result = (await api(IMPORT_CUSTOMERS, {"rows": rows}))["importCustomers"]
    assert (result["createdCount"], result["rejectedCount"]) == (1, 2)
    assert [e["field"] for e in result["userErrors"]] == [
        "customers.0.createdAt",
        "customers.1.createdAt",
    ]


async def test_default_created_at_feeds_anniversaries(api: Api) -> None:
    await api(CREATE_CUSTOMER, {"input": {"fullName": "Mới"}})
    await api(IMPORT_CUSTOMERS, {"rows": [{"fullName": "Nhập"}]})
    query = """query { previewSegment(conditionGroups: [{conditions: [
        {field: "createdAt", operator: ANNIVERSARY_IS_TODAY}]}]) { totalCount } }"""
    assert (await api(query))["previewSegment"]["totalCount"] == 2


async def test_create_with_taken_email_conflicts(api: Api) -> None:
    first = await api(CREATE_CUSTOMER, {"input": {"fullName": "An", "email": "an@example.com"}})
    existing_id = first["createCustomer"]["customer"]["id"]
    second = await api(CREATE_CUSTOMER, {"input": {"fullName": "An 2", "email": " AN@example.com "}})
    assert second["createCustomer"]["customer"] is None
    error = second["createCustomer"]["userErrors"][0]
    assert error["code"] == "EMAIL_TAKEN"
    assert error["field"] == "input.email"
    assert existing_id in error["message"]
    assert await total(api) == 1
