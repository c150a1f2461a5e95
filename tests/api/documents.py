"""GraphQL documents shared by the API tests."""

from __future__ import annotations

from typing import Any

USER_ERRORS = "userErrors { field code message }"

CREATE_SEGMENT = f"""
mutation Create($name: String!, $groups: [ConditionGroupInput!]!) {{
  createSegment(input: {{name: $name, conditionGroups: $groups}}) {{
    segment {{ id name version customerCount }}
    warnings {{ field code message }}
    {USER_ERRORS}
  }}
}}
"""

UPDATE_SEGMENT = f"""
mutation Update($id: ID!, $input: UpdateSegmentInput!, $version: Int) {{
  updateSegment(id: $id, input: $input, expectedVersion: $version) {{
    segment {{ id name version customerCount }}
    warnings {{ field code message }}
    {USER_ERRORS}
  }}
}}
"""

DELETE_SEGMENTS = f"""
mutation Delete($ids: [ID!]!) {{
  deleteSegments(ids: $ids) {{
    deletedIds
    results {{ id status name dependents {{ id name }} {USER_ERRORS} }}
    {USER_ERRORS}
  }}
}}
"""

CREATE_CUSTOMER = f"""
mutation Create($input: CustomerInput!) {{
  createCustomer(input: $input) {{
    customer {{ id fullName email phone phoneValid tags birthday createdAt customFields }}
    {USER_ERRORS}
  }}
}}
"""

IMPORT_CUSTOMERS = f"""
mutation Import($rows: [CustomerInput!]!) {{
  importCustomers(customers: $rows) {{
    createdCount updatedCount rejectedCount
    results {{ index status customer {{ id email phone fullName }} }}
    {USER_ERRORS}
  }}
}}
"""

PREVIEW = f"""
query Preview($groups: [ConditionGroupInput!]!) {{
  previewSegment(conditionGroups: $groups, first: 50) {{
    totalCount groupCounts
    customers {{ id fullName }}
    warnings {{ field code message }}
    {USER_ERRORS}
  }}
}}
"""

SEGMENT_NAMES = "{ segments(first: 100) { totalCount edges { node { id name } } } }"


def condition(field: str, operator: str, **value: Any) -> dict[str, Any]:
    result: dict[str, Any] = {"field": field, "operator": operator}
    if value:
        result["value"] = value
    return result


def group(*conditions: dict[str, Any]) -> dict[str, Any]:
    return {"conditions": list(conditions)}
