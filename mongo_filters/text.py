"""TEXT and SELECT operators, compared on the folded `norm.*` shadow.

Both sides are folded (no case, no diacritics, trimmed), so `Nguyễn` finds
`nguyen`. User text is escaped with `re.escape` and never read as a
pattern; STARTS_WITH is anchored with `^` so an index on the shadow can
serve it. The positive operators never match an empty field, because a
blank value has no shadow and validation rejects blank user text. The
negative ones use `$ne`, `$nin` and `$not`, which also match a missing
shadow, so they match empty fields as the product requires.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

from mongo_filters import logic
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, Operator
from mongo_filters.scope import Filter, OperatorCompiler, Scope
from mongo_filters.values import folded_text, folded_texts


def is_(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text equal to the value.

    `{field: "city", operator: IS, value: {text: "Hà Nội"}}` -> `{"norm.city": "ha noi"}`

    https://www.mongodb.com/docs/manual/reference/operator/query/eq/
    """
    return {spec.norm_path: folded_text(spec, condition)}


def is_not(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text other than the value, and empty fields.

    `{field: "city", operator: IS_NOT, value: {text: "Hà Nội"}}` ->
    `{"norm.city": {"$ne": "ha noi"}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/ne/
    """
    return {spec.norm_path: {"$ne": folded_text(spec, condition)}}


def contains(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text that contains the value anywhere.

    `{field: "email", operator: CONTAINS, value: {text: ".com"}}` ->
    `{"norm.email": {"$regex": "\\.com"}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/regex/
    """
    return {spec.norm_path: {"$regex": re.escape(folded_text(spec, condition))}}


def not_contains(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text that does not contain the value, and empty fields.

    `{field: "fullName", operator: NOT_CONTAINS, value: {text: "Thị"}}` ->
    `{"norm.fullName": {"$not": {"$regex": "thi"}}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/not/
    """
    return {spec.norm_path: {"$not": {"$regex": re.escape(folded_text(spec, condition))}}}


def starts_with(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text that starts with the value; the anchored pattern can use an index.

    `{field: "fullName", operator: STARTS_WITH, value: {text: "Trần"}}` ->
    `{"norm.fullName": {"$regex": "^tran"}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/regex/#index-use
    """
    return {spec.norm_path: {"$regex": "^" + re.escape(folded_text(spec, condition))}}


def ends_with(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text that ends with the value.

    `{field: "email", operator: ENDS_WITH, value: {text: "@gmail.com"}}` ->
    `{"norm.email": {"$regex": "@gmail\\.com$"}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/regex/
    """
    return {spec.norm_path: {"$regex": re.escape(folded_text(spec, condition)) + "$"}}


def is_any_of(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text equal to one of the values.

    `{field: "city", operator: IS_ANY_OF, value: {texts: ["Huế", "Đà Nẵng"]}}` ->
    `{"norm.city": {"$in": ["hue", "da nang"]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/in/
    """
    return {spec.norm_path: {"$in": folded_texts(spec, condition)}}


def is_none_of(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match text equal to none of the values, and empty fields.

    `{field: "city", operator: IS_NONE_OF, value: {texts: ["Huế"]}}` ->
    `{"norm.city": {"$nin": ["hue"]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/nin/
    """
    return {spec.norm_path: {"$nin": folded_texts(spec, condition)}}


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {
        Operator.IS: is_,
        Operator.IS_NOT: is_not,
        Operator.CONTAINS: contains,
        Operator.NOT_CONTAINS: not_contains,
        Operator.STARTS_WITH: starts_with,
        Operator.ENDS_WITH: ends_with,
        Operator.IS_ANY_OF: is_any_of,
        Operator.IS_NONE_OF: is_none_of,
        Operator.IS_EMPTY: logic.is_empty,
        Operator.IS_NOT_EMPTY: logic.is_not_empty,
    }
)
