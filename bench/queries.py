"""GraphQL documents of the requests the segment manager screen sends.

The benchmarks, the load test and the operation-count test all send these,
so the figures in docs/benchmarks.md and the asserted call counts describe
the same requests.
"""

from __future__ import annotations

SEGMENT_FIELDS_SELECTION = """
    id name defaultKey version createdAt updatedAt
    conditionGroups {
      conditions {
        field operator calendar
        value {
          text texts number month boolean segmentId date
          numberRange { min max }
          dateRange { from to }
          period { amount unit }
        }
      }
    }
"""

SEGMENT = f"query Segment($id: ID!) {{ segment(id: $id) {{ {SEGMENT_FIELDS_SELECTION} }} }}"

SEGMENTS_PAGE = """
query SegmentsPage($first: Int!) {
  segments(first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name defaultKey customerCount countedAt } }
  }
}
"""

CUSTOMER_FIELDS_SELECTION = """
    id fullName email emailVerified phone phoneValid gender birthday city
    source tags createdAt lastOrderAt orderCount totalSpent
"""

CUSTOMERS_PAGE = f"""
query CustomersPage($first: Int!) {{
  customers(first: $first) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    edges {{ cursor node {{ {CUSTOMER_FIELDS_SELECTION} }} }}
  }}
}}
"""

CUSTOMER_WITH_SEGMENTS = f"""
query CustomerWithSegments($id: ID!) {{
  customer(id: $id) {{ {CUSTOMER_FIELDS_SELECTION} segments {{ id name }} }}
}}
"""

PREVIEW = """
query Preview($groups: [ConditionGroupInput!]!, $first: Int!) {
  previewSegment(conditionGroups: $groups, first: $first) {
    totalCount groupCounts
    customers { id fullName email phone }
    warnings { code message }
    userErrors { field code message }
  }
}
"""

SEGMENT_FIELDS = """
query SegmentFields {
  segmentFields { key type label options operators { operator valueKind takesCalendar } }
}
"""

CREATE_SEGMENT = """
mutation CreateSegment($input: CreateSegmentInput!) {
  createSegment(input: $input) { segment { id } userErrors { field code message } }
}
"""

IMPORT_CUSTOMERS = """
mutation Import($customers: [CustomerInput!]!) {
  importCustomers(customers: $customers) {
    createdCount updatedCount rejectedCount
    userErrors { field code message }
  }
}
"""
