"""Boolean combinations and the emptiness checks that every field type shares.

A customer's field is empty when it is missing, null, a blank string or an
empty list. The check reads the stored path, not the `norm.*` shadow,
because documents written by other tools may carry `null`, `""` or `[]`
and no shadow at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition
from mongo_filters.scope import Filter, Scope

# Only whitespace, or nothing: a blank string.
# NOTE: `\s` covers Unicode spaces (such as U+00A0) in Python's `re`, which
# mongomock and montydb use, but only ASCII whitespace in MongoDB's PCRE
# unless UCP is on; the service never stores such blanks, other writers could.
BLANK_PATTERN = r"^\s*$"


def match_all(fragments: Sequence[Filter]) -> Filter:
    """Return `{"$and": fragments}`; with no fragments, the filter `{}` that matches everything.

    https://www.mongodb.com/docs/manual/reference/operator/query/and/
    """
    return {"$and": list(fragments)} if fragments else {}


def match_any(fragments: Sequence[Filter]) -> Filter:
    """Return `{"$or": fragments}`; with no fragments, a filter that matches nothing.

    MongoDB rejects an empty `$or` array, so the empty case becomes
    `{"_id": {"$in": []}}`, which no document can satisfy.

    https://www.mongodb.com/docs/manual/reference/operator/query/or/
    """
    return {"$or": list(fragments)} if fragments else match_none()


def match_none() -> Filter:
    """Return a filter that no document matches: `{"_id": {"$in": []}}`."""
    return {"_id": {"$in": []}}


def negate(fragment: Filter) -> Filter:
    """Return `{"$nor": [fragment]}`, which also matches documents missing the fields.

    https://www.mongodb.com/docs/manual/reference/operator/query/nor/
    """
    return {"$nor": [fragment]}


def empty_checks(path: str) -> list[Filter]:
    """Return the three ways a stored value is empty, as separate filters.

    `{path: None}` matches a missing field and null; the blank pattern
    matches `""` and whitespace; `$size: 0` matches `[]`. A list is tested
    element by element, so a list holding null or a blank string also counts
    as empty: no query without `$expr` can tell an element from the whole.
    NOTE: the service never stores such lists; other writers could.
    """
    return [
        {path: None},
        {path: {"$regex": BLANK_PATTERN}},
        {path: {"$size": 0}},
    ]


def is_empty(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match a missing, null, blank or empty-list value.

    `{field: "city", operator: IS_EMPTY}` ->
    `{"$or": [{"city": None}, {"city": {"$regex": "^\\s*$"}}, {"city": {"$size": 0}}]}`

    https://www.mongodb.com/docs/manual/tutorial/query-for-null-fields/
    https://www.mongodb.com/docs/manual/reference/operator/query/size/
    """
    return {"$or": empty_checks(spec.path)}


def is_not_empty(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match any value that IS_EMPTY does not match.

    Written as three negations instead of a `$nor` so that the `$ne: null`
    part can use an index on the field (as `{workspaceId, phone}` serves
    "phone is not empty").

    `{field: "phone", operator: IS_NOT_EMPTY}` ->
    `{"$and": [{"phone": {"$ne": None}}, {"phone": {"$not": {"$regex": "^\\s*$"}}},
    {"phone": {"$not": {"$size": 0}}}]}`

    https://www.mongodb.com/docs/manual/reference/operator/query/ne/
    https://www.mongodb.com/docs/manual/reference/operator/query/not/
    """
    path = spec.path
    return {
        "$and": [
            {path: {"$ne": None}},
            {path: {"$not": {"$regex": BLANK_PATTERN}}},
            {path: {"$not": {"$size": 0}}},
        ]
    }
