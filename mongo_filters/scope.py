"""The arguments that every operator function receives besides its condition.

An operator function takes the catalog entry of the condition's field, the
condition and a `Scope`, and returns a filter fragment. The compiler picks
the function from a table keyed by field type and operator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mongo_filters.catalog import FieldSpec
from mongo_filters.conditions import CompileContext, Condition, Rule

Filter = dict[str, Any]

# Inlined segments may nest this deep (IN_SEGMENT of a segment that itself
# uses IN_SEGMENT...); deeper rules, and cycles, raise SegmentDepthError.
MAX_SEGMENT_DEPTH = 3


@dataclass(frozen=True)
class Scope:
    """The compile context and how many segments deep the current condition sits.

    `compile_rule` compiles a referenced segment's rule one level deeper;
    the compiler passes it in so that `segments` need not import the
    compiler back.
    """

    context: CompileContext
    compile_rule: Callable[[Rule, Scope], Filter]
    depth: int = 0

    def deeper(self) -> Scope:
        return Scope(self.context, self.compile_rule, self.depth + 1)


OperatorCompiler = Callable[[FieldSpec, Condition, Scope], Filter]
