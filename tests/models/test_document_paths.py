from __future__ import annotations

import datetime as dt

from models.document_paths import anniversary_key, anniversary_write, nest


def test_anniversary_key_is_one_path_segment() -> None:
    assert anniversary_key("custom.vip_since") == "custom_vip_since"
    assert anniversary_key("birthday") == "birthday"


def test_anniversary_write_gives_gregorian_and_lunar_keys() -> None:
    assert anniversary_write("custom.since", dt.date(2026, 2, 17)) == {
        "monthDay.custom_since": 217,
        "lunarMonthDay.custom_since": 101,
    }


def test_anniversary_write_without_a_day_removes_both() -> None:
    assert anniversary_write("birthday", None) == {
        "monthDay.birthday": None,
        "lunarMonthDay.birthday": None,
    }


def test_nest_builds_sub_documents_and_drops_removals() -> None:
    write = {
        "city": "Huế",
        "norm.city": "hue",
        "norm.custom.tier": "vang",
        "norm.phoneDigits": None,
        "custom.score": 0,
        "custom.vip": False,
    }

    assert nest(write) == {
        "city": "Huế",
        "norm": {"city": "hue", "custom": {"tier": "vang"}},
        "custom": {"score": 0, "vip": False},
    }
