// GraphQL documents of the segment manager. Each requests only the fields the page shows.

const SEGMENT_FIELDS = `
  id name version isDefault customerCount countedAt
  conditionGroups {
    conditions {
      field operator calendar
      value {
        text texts number numberRange { min max } date dateRange { from to }
        period { amount unit } month boolean segmentId
      }
    }
  }`;

export const LIST_SEGMENTS = `
  query ListSegments($first: Int, $after: String, $search: String) {
    segments(first: $first, after: $after, search: $search, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name customerCount countedAt isDefault } }
    }
  }`;

export const SEGMENT = `
  query Segment($id: ID!) { segment(id: $id) { ${SEGMENT_FIELDS} } }`;

export const SEGMENT_FIELDS_QUERY = `
  query SegmentFields {
    segmentFields {
      key type label labelVi labelEn options isCustom
      operators { operator valueKind takesCalendar }
    }
  }`;

export const PREVIEW = `
  query Preview($groups: [ConditionGroupInput!]!) {
    previewSegment(conditionGroups: $groups, first: 0) {
      totalCount groupCounts
      warnings { field code message }
      userErrors { field code message }
    }
  }`;

const SAVE_RESULT = `
  segment { ${SEGMENT_FIELDS} }
  userErrors { field code message }
  warnings { field code message }`;

export const CREATE_SEGMENT = `
  mutation CreateSegment($input: CreateSegmentInput!) {
    createSegment(input: $input) { ${SAVE_RESULT} }
  }`;

export const UPDATE_SEGMENT = `
  mutation UpdateSegment($id: ID!, $input: UpdateSegmentInput!, $expectedVersion: Int) {
    updateSegment(id: $id, input: $input, expectedVersion: $expectedVersion) { ${SAVE_RESULT} }
  }`;

const DELETE_RESULT = `
  deletedIds
  results { id status name dependents { id name } userErrors { field code message } }
  userErrors { field code message }`;

export const DELETE_SEGMENT = `
  mutation DeleteSegment($id: ID!) { deleteSegment(id: $id) { ${DELETE_RESULT} } }`;

export const DELETE_SEGMENTS = `
  mutation DeleteSegments($ids: [ID!]!) { deleteSegments(ids: $ids) { ${DELETE_RESULT} } }`;
