"""BOOLEAN conditions: IS_TRUE matches true only, IS_FALSE anything else."""

from __future__ import annotations

from mongo_filters.conditions import Condition, Operator
from tests.mongo_filters.samples import compile_one


def test_is_true_matches_true() -> None:
    assert compile_one(Condition("emailVerified", Operator.IS_TRUE)) == {"emailVerified": True}


def test_is_false_matches_all_but_true() -> None:
    assert compile_one(Condition("emailVerified", Operator.IS_FALSE)) == {
        "emailVerified": {"$ne": True}
    }


def test_custom_boolean_reads_custom_path() -> None:
    assert compile_one(Condition("custom.vip", Operator.IS_TRUE)) == {"custom.vip": True}
