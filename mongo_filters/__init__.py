"""Segment rules to MongoDB filters: the field catalog, validation and the compiler.

Pure functions with no I/O: `field_catalog` lists the fields a condition
can name, `validate_rule` reports what is wrong with a rule before it is
saved, and `compile_segment` turns a valid rule into a filter.
"""

from __future__ import annotations

from mongo_filters.catalog import FieldSpec, field_catalog, find_field
from mongo_filters.compiler import compile_segment
from mongo_filters.errors import CompileError
from mongo_filters.validation import RuleLimits, validate_rule

__all__ = [
    "CompileError",
    "FieldSpec",
    "RuleLimits",
    "compile_segment",
    "field_catalog",
    "find_field",
    "validate_rule",
]
