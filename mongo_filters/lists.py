"""TAGS and MULTI_SELECT operators, compared on the `norm.*` list of folded values.

Tags compare case-insensitively after trimming (`models.text.fold_tag`),
but diacritics stay significant, so `Khách VIP` and `khach vip` are different
tags. MongoDB applies these operators to each element of the stored list.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from mongo_filters import logic
from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import Condition, Operator
from mongo_filters.scope import Filter, OperatorCompiler, Scope
from mongo_filters.values import tag_keys


def has_any_of(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match lists that contain at least one of the values.

    `{field: "tags", operator: HAS_ANY_OF, value: {texts: ["VIP", "Sỉ"]}}` ->
    `{"norm.tags": {"$in": ["vip", "sỉ"]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/in/
    """
    return {spec.norm_path: {"$in": tag_keys(spec, condition)}}


def has_all_of(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match lists that contain every one of the values.

    `{field: "tags", operator: HAS_ALL_OF, value: {texts: ["vip", "hà nội"]}}` ->
    `{"norm.tags": {"$all": ["vip", "hà nội"]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/all/
    """
    return {spec.norm_path: {"$all": tag_keys(spec, condition)}}


def has_none_of(spec: FieldSpec, condition: Condition, scope: Scope) -> Filter:
    """Match lists that contain none of the values, and empty fields.

    `{field: "tags", operator: HAS_NONE_OF, value: {texts: ["spam"]}}` ->
    `{"norm.tags": {"$nin": ["spam"]}}`

    https://www.mongodb.com/docs/manual/reference/operator/query/nin/
    """
    return {spec.norm_path: {"$nin": tag_keys(spec, condition)}}


OPERATORS: Mapping[Operator, OperatorCompiler] = MappingProxyType(
    {
        Operator.HAS_ANY_OF: has_any_of,
        Operator.HAS_ALL_OF: has_all_of,
        Operator.HAS_NONE_OF: has_none_of,
        Operator.IS_EMPTY: logic.is_empty,
        Operator.IS_NOT_EMPTY: logic.is_not_empty,
    }
)
