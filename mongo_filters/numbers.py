"""NUMBER operators, compared on the stored value.

MongoDB compares numbers across int, long, double and decimal, and a range
operator only matches values of the same type bracket, so a comparison
never matches an empty field (missing, null, `""` or `[]`). IS_NOT uses
`$ne`, which does match them, as a negative operator should.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mongo_filters import logic
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, Operator
from mongo_filters.scope import Filter, OperatorCompiler, Scope
from mongo_filters.values import number_of, number_range_of


def is_(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match the number.

    `{field: "orderCount", operator: IS, value: {number: 3}}` -> `{"orderCount": 3}`

    https://www.mongodb.com/docs/manual/reference/operator/query/eq/
    """
    return {spec.path: number_of(spec, condition)}


def is_not(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match any other number, and empty fields.

    `{field: "orderCount", operator: IS_NOT, value: {number: 0}}` -> `{"orderCount": {"$ne": 0}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/ne/
    """
    return {spec.path: {"$ne": number_of(spec, condition)}}


def greater_than(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers above the value.

    `{field: "totalSpent", operator: GREATER_THAN, value: {number: 1000000}}` ->
    `{"totalSpent": {"$gt": 1000000}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/gt/
    """
    return {spec.path: {"$gt": number_of(spec, condition)}}


def greater_than_or_equal(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers at or above the value.

    `{field: "orderCount", operator: GREATER_THAN_OR_EQUAL, value: {number: 2}}` ->
    `{"orderCount": {"$gte": 2}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/gte/
    """
    return {spec.path: {"$gte": number_of(spec, condition)}}


def less_than(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers below the value.

    `{field: "orderCount", operator: LESS_THAN, value: {number: 2}}` -> `{"orderCount": {"$lt": 2}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/lt/
    """
    return {spec.path: {"$lt": number_of(spec, condition)}}


def less_than_or_equal(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers at or below the value.

    `{field: "totalSpent", operator: LESS_THAN_OR_EQUAL, value: {number: 500000}}` ->
    `{"totalSpent": {"$lte": 500000}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/lte/
    """
    return {spec.path: {"$lte": number_of(spec, condition)}}


def between(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match numbers in the range, both ends included.

    `{field: "orderCount", operator: BETWEEN, value: {numberRange: {min: 2, max: 5}}}` ->
    `{"orderCount": {"$gte": 2, "$lte": 5}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/gte/
    https://www.mongodb.com/docs/manual/reference/operator/query/lte/
    """
    bounds = number_range_of(spec, condition)
    return {spec.path: {"$gte": bounds.min, "$lte": bounds.max}}


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {
        Operator.IS: is_,
        Operator.IS_NOT: is_not,
        Operator.GREATER_THAN: greater_than,
        Operator.GREATER_THAN_OR_EQUAL: greater_than_or_equal,
        Operator.LESS_THAN: less_than,
        Operator.LESS_THAN_OR_EQUAL: less_than_or_equal,
        Operator.BETWEEN: between,
        Operator.IS_EMPTY: logic.is_empty,
        Operator.IS_NOT_EMPTY: logic.is_not_empty,
    }
)
