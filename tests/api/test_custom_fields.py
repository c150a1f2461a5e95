"""Custom fields: definitions, typed values and conditions on them."""

from __future__ import annotations

from tests.api.documents import CREATE_CUSTOMER, CREATE_SEGMENT, PREVIEW, condition, group
from tests.conftest import Api

CREATE_FIELD = """mutation($input: CreateCustomFieldInput!) { createCustomField(input: $input) {
    customField { key type options } userErrors { field code message } } }"""
DELETE_FIELD = """mutation($key: String!) { deleteCustomField(key: $key) {
    deletedKey blockingSegments { name } userErrors { code message } } }"""


async def define(api: Api, key: str, type_: str, options: list[str] | None = None) -> dict:
    payload: dict = (
        await api(
            CREATE_FIELD, {"input": {"key": key, "label": key, "type": type_, "options": options}}
        )
    )["createCustomField"]
    return payload


async def test_number_field_rejects_text(api: Api) -> None:
    await define(api, "age", "NUMBER")
    data = await api(
        CREATE_CUSTOMER, {"input": {"fullName": "X", "customFields": {"age": "forty"}}}
    )
    assert data["createCustomer"]["customer"] is None
    assert data["createCustomer"]["userErrors"][0]["code"] == "INVALID_VALUE"
    assert "age" in data["createCustomer"]["userErrors"][0]["field"]


async def test_date_field_rejects_malformed_date(api: Api) -> None:
    await define(api, "member_since", "DATE")
    data = await api(CREATE_CUSTOMER, {"input": {"customFields": {"member_since": "2024-13-45"}}})
    assert data["createCustomer"]["userErrors"][0]["code"] == "INVALID_VALUE"


async def test_select_value_must_be_an_option(api: Api) -> None:
    await define(api, "tier", "SELECT", ["Vàng", "Bạc"])
    bad = await api(CREATE_CUSTOMER, {"input": {"customFields": {"tier": "Kim cương"}}})
    good = await api(CREATE_CUSTOMER, {"input": {"customFields": {"tier": "Vàng"}}})
    assert bad["createCustomer"]["userErrors"][0]["code"] == "INVALID_VALUE"
    assert good["createCustomer"]["customer"]["customFields"] == {"tier": "Vàng"}


async def test_unknown_custom_field_rejected(api: Api) -> None:
    data = await api(CREATE_CUSTOMER, {"input": {"customFields": {"nope": 1}}})
    assert data["createCustomer"]["userErrors"][0]["code"] == "UNKNOWN_FIELD"


async def test_invalid_key_and_duplicate_key(api: Api) -> None:
    bad = await define(api, "Bad Key", "TEXT")
    assert bad["userErrors"][0]["code"] == "INVALID_VALUE"
    await define(api, "note", "TEXT")
    again = await define(api, "note", "NUMBER")
    assert again["userErrors"][0]["code"] == "KEY_TAKEN"


async def test_condition_on_custom_number(api: Api) -> None:
    await define(api, "age", "NUMBER")
    for age in (20, 35, 50):
        await api(CREATE_CUSTOMER, {"input": {"customFields": {"age": age}}})
    groups = [group(condition("custom.age", "BETWEEN", numberRange={"min": 30, "max": 50}))]
    preview = (await api(PREVIEW, {"groups": groups}))["previewSegment"]
    assert preview["totalCount"] == 2
    wrong = [group(condition("custom.age", "CONTAINS", text="3"))]
    refused = (await api(PREVIEW, {"groups": wrong}))["previewSegment"]
    assert refused["userErrors"][0]["code"] == "OPERATOR_NOT_ALLOWED"


async def test_field_used_by_segment_cannot_be_deleted(api: Api) -> None:
    await define(api, "age", "NUMBER")
    groups = [group(condition("custom.age", "GREATER_THAN", number=18))]
    await api(CREATE_SEGMENT, {"name": "Adults", "groups": groups})
    data = (await api(DELETE_FIELD, {"key": "age"}))["deleteCustomField"]
    assert data["deletedKey"] is None
    assert data["blockingSegments"] == [{"name": "Adults"}]
    assert data["userErrors"][0]["code"] == "FIELD_IN_USE"


async def test_unused_field_deleted_with_values(api: Api) -> None:
    await define(api, "note", "TEXT")
    created = await api(CREATE_CUSTOMER, {"input": {"customFields": {"note": "hi"}}})
    customer_id = created["createCustomer"]["customer"]["id"]
    assert (await api(DELETE_FIELD, {"key": "note"}))["deleteCustomField"]["deletedKey"] == "note"
    data = await api("query($id: ID!) { customer(id: $id) { customFields } }", {"id": customer_id})
    assert data["customer"]["customFields"] == {}


async def test_segment_fields_include_custom_fields(api: Api) -> None:
    await define(api, "tier", "SELECT", ["Vàng", "Bạc"])
    data = await api(
        "{ segmentFields { key type options label operators { operator valueKind } } }",
        **{"accept-language": "vi"},
    )
    fields = {f["key"]: f for f in data["segmentFields"]}
    assert fields["custom.tier"]["options"] == ["Vàng", "Bạc"]
    assert fields["phone"]["label"] == "Số điện thoại"
    assert {"operator": "ANNIVERSARY_IN_NEXT", "valueKind": "PERIOD"} in fields["birthday"][
        "operators"
    ]
