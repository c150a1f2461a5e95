"""Workspace isolation: every query and mutation, called with another workspace's ids.

The operations are read from the schema, so a new query or mutation fails
`test_every_operation_has_a_probe` until it gets a probe here. Each probe
sends the ids of workspace beta with a key of workspace alpha and checks
that the result is exactly what an id that does not exist gives: null, an
empty match or a NOT_FOUND user error. Every probe also checks that beta's
stored documents did not change.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from api.schema import build_schema
from tests.security.conftest import ALPHA, BETA, Caller, SecureService, workspace_snapshot

_SCHEMA = build_schema()._schema
QUERIES = sorted(_SCHEMA.query_type.fields) if _SCHEMA.query_type else []
MUTATIONS = sorted(_SCHEMA.mutation_type.fields) if _SCHEMA.mutation_type else []


@dataclass(frozen=True)
class BetaIds:
    """Ids of workspace beta's documents, which alpha's keys must not reach."""

    segment: str
    default_segment: str
    customer: str
    email: str
    custom_field: str
    campaign: str | None


Check = Callable[[dict[str, Any], BetaIds], None]


@dataclass(frozen=True)
class Probe:
    document: str
    variables: Callable[[BetaIds], dict[str, Any]]
    check: Check


def no_variables(ids: BetaIds) -> dict[str, Any]:
    return {}


def codes(user_errors: list[dict[str, Any]]) -> list[str]:
    return [error["code"] for error in user_errors]


def edge_ids(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["id"] for edge in connection["edges"]]


def check_segments(data: dict[str, Any], ids: BetaIds) -> None:
    listed = edge_ids(data["segments"])
    assert ids.segment not in listed
    assert ids.default_segment not in listed


def check_preview(data: dict[str, Any], ids: BetaIds) -> None:
    assert codes(data["previewSegment"]["userErrors"]) == ["NOT_FOUND"]
    assert data["previewSegment"]["customers"] == []


def check_segment_fields(data: dict[str, Any], ids: BetaIds) -> None:
    assert f"custom.{ids.custom_field}" not in [f["key"] for f in data["segmentFields"]]


def check_custom_fields(data: dict[str, Any], ids: BetaIds) -> None:
    assert ids.custom_field not in [f["key"] for f in data["customFields"]]


def check_customers(data: dict[str, Any], ids: BetaIds) -> None:
    assert ids.customer not in edge_ids(data["customers"])


def check_campaigns(data: dict[str, Any], ids: BetaIds) -> None:
    assert ids.campaign not in edge_ids(data["campaigns"])


def check_null(field: str) -> Check:
    def check(data: dict[str, Any], ids: BetaIds) -> None:
        assert data[field] is None

    return check


def check_not_found(field: str, result: str) -> Check:
    def check(data: dict[str, Any], ids: BetaIds) -> None:
        assert data[field][result] is None
        assert "NOT_FOUND" in codes(data[field]["userErrors"])

    return check


def check_delete_segments(field: str) -> Check:
    def check(data: dict[str, Any], ids: BetaIds) -> None:
        assert data[field]["deletedIds"] == []
        assert {r["status"] for r in data[field]["results"]} == {"NOT_FOUND"}

    return check


def check_restore(data: dict[str, Any], ids: BetaIds) -> None:
    restored = [s["id"] for s in data["restoreDefaultSegments"]["restored"]]
    assert ids.default_segment not in restored


def check_refresh(data: dict[str, Any], ids: BetaIds) -> None:
    assert data["refreshSegmentCounts"]["segments"] == []
    assert codes(data["refreshSegmentCounts"]["userErrors"]) == ["NOT_FOUND"]


def check_create_customer(data: dict[str, Any], ids: BetaIds) -> None:
    # Alpha defines no custom field of beta's key, so the key is unknown there.
    assert data["createCustomer"]["customer"] is None
    assert codes(data["createCustomer"]["userErrors"]) == ["UNKNOWN_FIELD"]


def check_delete_customers(data: dict[str, Any], ids: BetaIds) -> None:
    assert data["deleteCustomers"]["deletedIds"] == []
    assert data["deleteCustomers"]["notFoundIds"] == [ids.customer]


def check_import(data: dict[str, Any], ids: BetaIds) -> None:
    # Beta's customer of the same email is not matched: alpha gets a new one.
    result = data["importCustomers"]["results"][0]
    assert result["status"] == "CREATED"
    assert result["customer"]["id"] != ids.customer


def check_create_custom_field(data: dict[str, Any], ids: BetaIds) -> None:
    # Keys are unique per workspace, so beta's key is free in alpha.
    assert data["createCustomField"]["userErrors"] == []
    assert data["createCustomField"]["customField"]["key"] == ids.custom_field


SEGMENT_REFERENCE = (
    '[{conditions: [{field: "segment", operator: IN_SEGMENT, value: {segmentId: $id}}]}]'
)
PAGE = "{ edges { node { id } } }"

PROBES: dict[str, Probe] = {
    "segments": Probe(f"{{ segments(first: 100) {PAGE} }}", no_variables, check_segments),
    "segment": Probe(
        "query($id: ID!) { segment(id: $id) { id name } }",
        lambda ids: {"id": ids.segment},
        check_null("segment"),
    ),
    "previewSegment": Probe(
        f"query($id: ID!) {{ previewSegment(conditionGroups: {SEGMENT_REFERENCE}) "
        "{ totalCount customers { id } userErrors { code field } } }",
        lambda ids: {"id": ids.segment},
        check_preview,
    ),
    "segmentFields": Probe("{ segmentFields { key } }", no_variables, check_segment_fields),
    "customer": Probe(
        "query($id: ID!) { customer(id: $id) { id email } }",
        lambda ids: {"id": ids.customer},
        check_null("customer"),
    ),
    "customers": Probe(f"{{ customers(first: 100) {PAGE} }}", no_variables, check_customers),
    "customFields": Probe("{ customFields { key } }", no_variables, check_custom_fields),
    "campaigns": Probe(f"{{ campaigns(first: 100) {PAGE} }}", no_variables, check_campaigns),
    "campaign": Probe(
        "query($id: ID!) { campaign(id: $id) { id name } }",
        lambda ids: {"id": ids.campaign},
        check_null("campaign"),
    ),
    "createSegment": Probe(
        'mutation($id: ID!) { createSegment(input: {name: "Copy of beta", '
        f"conditionGroups: {SEGMENT_REFERENCE}}}) "
        "{ segment { id } userErrors { code } } }",
        lambda ids: {"id": ids.segment},
        check_not_found("createSegment", "segment"),
    ),
    "updateSegment": Probe(
        'mutation($id: ID!) { updateSegment(id: $id, input: {name: "Hijacked"}) '
        "{ segment { id } userErrors { code } } }",
        lambda ids: {"id": ids.segment},
        check_not_found("updateSegment", "segment"),
    ),
    "duplicateSegment": Probe(
        'mutation($id: ID!) { duplicateSegment(id: $id, name: "Stolen copy") '
        "{ segment { id } userErrors { code } } }",
        lambda ids: {"id": ids.segment},
        check_not_found("duplicateSegment", "segment"),
    ),
    "deleteSegment": Probe(
        "mutation($id: ID!) { deleteSegment(id: $id) { deletedIds results { status } } }",
        lambda ids: {"id": ids.segment},
        check_delete_segments("deleteSegment"),
    ),
    "deleteSegments": Probe(
        "mutation($ids: [ID!]!) { deleteSegments(ids: $ids) { deletedIds results { status } } }",
        lambda ids: {"ids": [ids.segment, ids.default_segment]},
        check_delete_segments("deleteSegments"),
    ),
    "restoreDefaultSegments": Probe(
        "mutation { restoreDefaultSegments { restored { id } userErrors { code } } }",
        no_variables,
        check_restore,
    ),
    "refreshSegmentCounts": Probe(
        "mutation($ids: [ID!]!) { refreshSegmentCounts(ids: $ids) "
        "{ segments { id } userErrors { code } } }",
        lambda ids: {"ids": [ids.segment]},
        check_refresh,
    ),
    "createCustomer": Probe(
        "mutation($fields: JSON) { "
        'createCustomer(input: {fullName: "Khách mới", customFields: $fields}) '
        "{ customer { id } userErrors { code } } }",
        lambda ids: {"fields": {ids.custom_field: "vip"}},
        check_create_customer,
    ),
    "updateCustomer": Probe(
        'mutation($id: ID!) { updateCustomer(id: $id, input: {fullName: "Hijacked"}) '
        "{ customer { id } userErrors { code } } }",
        lambda ids: {"id": ids.customer},
        check_not_found("updateCustomer", "customer"),
    ),
    "deleteCustomers": Probe(
        "mutation($ids: [ID!]!) { deleteCustomers(ids: $ids) { deletedIds notFoundIds } }",
        lambda ids: {"ids": [ids.customer]},
        check_delete_customers,
    ),
    "importCustomers": Probe(
        "mutation($email: String!) { "
        'importCustomers(customers: [{email: $email, fullName: "Hijacked"}]) '
        "{ results { status customer { id } } userErrors { code } } }",
        lambda ids: {"email": ids.email},
        check_import,
    ),
    "createCustomField": Probe(
        "mutation($key: String!) { "
        'createCustomField(input: {key: $key, label: "Alpha field", type: TEXT}) '
        "{ customField { key } userErrors { code } } }",
        lambda ids: {"key": ids.custom_field},
        check_create_custom_field,
    ),
    "updateCustomField": Probe(
        'mutation($key: String!) { updateCustomField(key: $key, input: {label: "Hijacked"}) '
        "{ customField { key } userErrors { code } } }",
        lambda ids: {"key": ids.custom_field},
        check_not_found("updateCustomField", "customField"),
    ),
    "deleteCustomField": Probe(
        "mutation($key: String!) { deleteCustomField(key: $key) "
        "{ deletedKey userErrors { code } } }",
        lambda ids: {"key": ids.custom_field},
        check_not_found("deleteCustomField", "deletedKey"),
    ),
    "createCampaign": Probe(
        "mutation($id: ID!) { "
        'createCampaign(input: {name: "Stolen", segmentId: $id, channel: EMAIL}) '
        "{ campaign { id } userErrors { code } } }",
        lambda ids: {"id": ids.segment},
        check_not_found("createCampaign", "campaign"),
    ),
    "runCampaign": Probe(
        "mutation($id: ID!) { runCampaign(id: $id) { campaign { id } userErrors { code } } }",
        lambda ids: {"id": ids.campaign},
        check_not_found("runCampaign", "campaign"),
    ),
}


async def seed_beta(beta: Caller) -> BetaIds:
    """Create in workspace beta one document of each kind that an operation can name."""
    field = await beta.data(
        'mutation { createCustomField(input: {key: "beta_only", label: "Beta only", type: TEXT}) '
        "{ customField { key } userErrors { code } } }"
    )
    assert field["createCustomField"]["userErrors"] == []
    segment = await beta.data(
        'mutation { createSegment(input: {name: "Beta Huế", conditionGroups: [{conditions: '
        '[{field: "city", operator: IS, value: {text: "Huế"}}]}]}) '
        "{ segment { id } userErrors { code } } }"
    )
    customer = await beta.data(
        'mutation { createCustomer(input: {fullName: "Khách của beta", '
        'email: "khach@beta.example", city: "Huế", customFields: {beta_only: "x"}}) '
        "{ customer { id } userErrors { code } } }"
    )
    defaults = await beta.data("{ segments(first: 100) { edges { node { id defaultKey } } } }")
    default_segment = next(
        edge["node"]["id"] for edge in defaults["segments"]["edges"] if edge["node"]["defaultKey"]
    )
    campaign_id = None
    if "createCampaign" in MUTATIONS:
        campaign = await beta.data(
            'mutation($id: ID!) { createCampaign(input: {name: "Beta campaign", segmentId: $id, '
            "channel: EMAIL}) { campaign { id } userErrors { code } } }",
            {"id": segment["createSegment"]["segment"]["id"]},
        )
        campaign_id = campaign["createCampaign"]["campaign"]["id"]
        ran = await beta.data(
            "mutation($id: ID!) { runCampaign(id: $id) { userErrors { code } } }",
            {"id": campaign_id},
        )
        assert ran["runCampaign"]["userErrors"] == []
    return BetaIds(
        segment=segment["createSegment"]["segment"]["id"],
        default_segment=default_segment,
        customer=customer["createCustomer"]["customer"]["id"],
        email="khach@beta.example",
        custom_field="beta_only",
        campaign=campaign_id,
    )


def test_every_operation_has_a_probe() -> None:
    missing = [name for name in QUERIES + MUTATIONS if name not in PROBES]

    assert missing == [], f"add an isolation probe for {missing}"


@pytest.mark.parametrize("operation", QUERIES)
@pytest.mark.parametrize("scope", ["read", "write"])
async def test_query_cannot_reach_other_workspace(
    service: SecureService, scope: str, operation: str
) -> None:
    ids = await seed_beta(service.beta_write)
    await service.alpha_write.data("{ segments { totalCount } }")  # creates alpha's defaults first
    before = await workspace_snapshot(service.database, BETA)
    caller = service.alpha_read if scope == "read" else service.alpha_write
    probe = PROBES[operation]

    data = await caller.data(probe.document, probe.variables(ids))

    probe.check(data, ids)
    assert await workspace_snapshot(service.database, BETA) == before


@pytest.mark.parametrize("operation", MUTATIONS)
async def test_mutation_cannot_reach_other_workspace(
    service: SecureService, operation: str
) -> None:
    ids = await seed_beta(service.beta_write)
    await service.alpha_write.data("{ segments { totalCount } }")
    before = await workspace_snapshot(service.database, BETA)
    probe = PROBES[operation]

    data = await service.alpha_write.data(probe.document, probe.variables(ids))

    probe.check(data, ids)
    assert await workspace_snapshot(service.database, BETA) == before


@pytest.mark.parametrize("operation", MUTATIONS)
async def test_read_key_cannot_run_mutation(service: SecureService, operation: str) -> None:
    ids = await seed_beta(service.beta_write)
    await service.alpha_write.data("{ segments { totalCount } }")
    before = {
        workspace: await workspace_snapshot(service.database, workspace)
        for workspace in (ALPHA, BETA)
    }
    probe = PROBES[operation]

    response = await service.alpha_read.post(probe.document, probe.variables(ids))

    assert response.status_code == 403
    assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    for workspace, snapshot in before.items():
        assert await workspace_snapshot(service.database, workspace) == snapshot


async def test_segment_match_ignores_other_workspace(service: SecureService) -> None:
    ids = await seed_beta(service.beta_write)
    created = await service.alpha_write.data(
        'mutation { createCustomer(input: {fullName: "Khách alpha", city: "Huế"}) '
        "{ customer { id } } }"
    )
    alpha_customer = created["createCustomer"]["customer"]["id"]

    data = await service.alpha_read.data(
        "query($c: ID!, $s: ID!) { customer(id: $c) { segmentMatch(segmentId: $s) { matched } } }",
        {"c": alpha_customer, "s": ids.segment},
    )

    assert data["customer"]["segmentMatch"] is None


async def test_beta_sees_its_own_documents(service: SecureService) -> None:
    ids = await seed_beta(service.beta_write)

    data = await service.beta_read.data(
        "query($s: ID!, $c: ID!) { segment(id: $s) { id } customer(id: $c) { id } }",
        {"s": ids.segment, "c": ids.customer},
    )

    # The probes above would pass vacuously if beta's ids were wrong.
    assert data["segment"] == {"id": ids.segment}
    assert data["customer"] == {"id": ids.customer}
