"""Pure analysis of segment rules: warnings about groups that cannot match.

`find_warnings` returns `RuleWarning`s that the GraphQL layer shows next to
`previewSegment`, `createSegment` and `updateSegment` results, and
`condition_filters` compiles each condition alone so that the layer can
show which conditions one customer meets.
"""

from __future__ import annotations

from mongo_filters.analysis.describe import FieldLabel, describe_condition
from mongo_filters.analysis.explain import condition_filters
from mongo_filters.analysis.rule_warnings import (
    DUPLICATE_GROUP,
    GROUP_NEVER_MATCHES,
    REPEATED_CONDITION,
    RuleWarning,
    field_labels,
    find_warnings,
)

__all__ = [
    "DUPLICATE_GROUP",
    "GROUP_NEVER_MATCHES",
    "REPEATED_CONDITION",
    "FieldLabel",
    "RuleWarning",
    "condition_filters",
    "describe_condition",
    "field_labels",
    "find_warnings",
]
