"""Combination helpers and the shared emptiness shapes."""

from __future__ import annotations

from mongo_filters import logic

TAGS = {"norm.tags": {"$in": ["vip"]}}
CITY = {"norm.city": "hue"}


def test_match_all_wraps_fragments() -> None:
    assert logic.match_all([TAGS, CITY]) == {"$and": [TAGS, CITY]}


def test_match_all_of_nothing_matches_everything() -> None:
    assert logic.match_all([]) == {}


def test_match_any_wraps_fragments() -> None:
    assert logic.match_any([TAGS, CITY]) == {"$or": [TAGS, CITY]}


def test_match_any_of_nothing_matches_nothing() -> None:
    # MongoDB rejects `{"$or": []}`.
    assert logic.match_any([]) == {"_id": {"$in": []}}


def test_negate_wraps_in_nor() -> None:
    assert logic.negate(TAGS) == {"$nor": [TAGS]}


def test_empty_checks_cover_null_blank_and_empty_list() -> None:
    assert logic.empty_checks("city") == [
        {"city": None},
        {"city": {"$regex": r"^\s*$"}},
        {"city": {"$size": 0}},
    ]
