"""Each condition of a rule compiled on its own, to explain a match.

`compile_segment` joins the fragments of a group with `$and` and the groups
with `$or`. Running the fragments one by one for a single customer shows
which conditions of each group that customer meets:

    filters = condition_filters(rule, context)
    query = {"$and": [{"workspaceId": context.workspace_id, "_id": customer_id}, filters[0][1]]}

A count of 1 for that query means the customer meets condition 2 of group 1.
"""

from __future__ import annotations

from mongo_filters.compiler import compile_condition, compile_rule
from mongo_filters.conditions import CompileContext, Rule
from mongo_filters.scope import Filter, Scope


def condition_filters(rule: Rule, context: CompileContext) -> list[list[Filter]]:
    """Compile every condition of `rule` to its filter fragment, group by group.

    The fragments are the ones `compile_segment` places in each group's
    `$and`, so they carry no workspace id: the caller adds it. Like
    `compile_segment`, this raises `CompileError` on a rule that
    `validate_rule` would reject.
    """
    scope = Scope(context=context, compile_rule=compile_rule)
    return [[compile_condition(condition, scope) for condition in group] for group in rule]
