"""BOOLEAN operators: IS_TRUE matches true only, IS_FALSE matches false and empty."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, Operator
from mongo_filters.scope import Filter, OperatorCompiler, Scope


def is_true(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match true.

    `{field: "emailVerified", operator: IS_TRUE}` -> `{"emailVerified": True}`

    https://www.mongodb.com/docs/manual/reference/operator/query/eq/
    """
    return {spec.path: True}


def is_false(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match false and every empty value: anything but true.

    `{field: "emailVerified", operator: IS_FALSE}` -> `{"emailVerified": {"$ne": True}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/ne/
    """
    return {spec.path: {"$ne": True}}


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {Operator.IS_TRUE: is_true, Operator.IS_FALSE: is_false}
)
