"""Compile a segment rule into a MongoDB filter.

The rule is a list of condition groups: a customer matches when any group
matches, and a group matches when all of its conditions match. Each
condition goes to the operator function for its field type and operator,
looked up in `_OPERATORS_BY_TYPE`. The result always starts with the
workspace id:

    {"workspaceId": "w1", "$or": [{"$and": [<condition>, ...]}, ...]}

Compilation is pure: no I/O, and the clock is `context.now`. Rules should
pass `validate_rule` first; a rule that would not raises a `CompileError`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from types import MappingProxyType

from mongo_filters import booleans, dates, lists, numbers, phones, segments, text
from mongo_filters.catalog import FieldSpec, find_field
from mongo_filters.conditions import CompileContext, Condition, FieldType, Operator, Rule
from mongo_filters.errors import InvalidValueError, OperatorNotAllowedError, UnknownFieldError
from mongo_filters.logic import match_all, match_any
from mongo_filters.scope import Filter, OperatorCompiler, Scope

logger = logging.getLogger(__name__)

_OPERATORS_BY_TYPE: Mapping[FieldType, Mapping[Operator, OperatorCompiler]] = MappingProxyType(
    {
        FieldType.TEXT: text.OPERATORS,
        FieldType.SELECT: text.OPERATORS,
        FieldType.NUMBER: numbers.OPERATORS,
        FieldType.DATE: dates.OPERATORS,
        FieldType.DATETIME: dates.OPERATORS,
        FieldType.BOOLEAN: booleans.OPERATORS,
        FieldType.TAGS: lists.OPERATORS,
        FieldType.MULTI_SELECT: lists.OPERATORS,
        FieldType.SEGMENT: segments.OPERATORS,
    }
)


def operator_function(spec: FieldSpec, operator: Operator) -> OperatorCompiler:
    """Return the function that compiles `operator` on the field.

    Raises OperatorNotAllowedError when the field's type does not allow it.
    """
    # SELECT shares the text functions but allows fewer operators, so the
    # field's own list decides what is allowed.
    if operator not in spec.operators:
        raise OperatorNotAllowedError(spec.key, operator)
    table = phones.OPERATORS if spec.is_phone else _OPERATORS_BY_TYPE[spec.type]
    return table[operator]


def compile_condition(condition: Condition, scope: Scope) -> Filter:
    """Compile one condition into its filter fragment, without the workspace id."""
    spec = find_field(condition.field, scope.context.custom_fields)
    if spec is None:
        raise UnknownFieldError(condition.field)

    function = operator_function(spec, condition.operator)
    expected = spec.value_kind(condition.operator)
    if condition.value.kind is not expected:
        raise InvalidValueError(spec.key, condition.operator, condition.value, expected)
    return function(spec, condition, scope)


def compile_rule(rule: Rule, scope: Scope) -> Filter:
    """Compile condition groups into `{"$or": [{"$and": [...]}, ...]}`, without the workspace id.

    A rule with no groups matches nothing and a group with no conditions
    matches everyone; validation rejects both before a rule is saved.
    """
    groups = [match_all([compile_condition(c, scope) for c in group]) for group in rule]
    return match_any(groups)


def compile_segment(rule: Rule, context: CompileContext) -> Filter:
    """Compile a validated rule into the MongoDB filter of its customers in the workspace."""
    scope = Scope(context=context, compile_rule=compile_rule)
    compiled = {"workspaceId": context.workspace_id, **compile_rule(rule, scope)}
    logger.debug("compiled rule for workspace %s: %r", context.workspace_id, compiled)
    return compiled
