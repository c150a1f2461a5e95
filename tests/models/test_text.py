from __future__ import annotations

import unicodedata
from typing import Literal

import pytest

from models.text import clean_text, fold_tag, fold_text


def test_clean_text_trims_collapses_and_composes() -> None:
    decomposed = unicodedata.normalize("NFD", "  Nguyễn \t Thị\n Đào ")

    assert clean_text(decomposed) == "Nguyễn Thị Đào"
    assert unicodedata.is_normalized("NFC", clean_text(decomposed))


def test_fold_text_removes_case_diacritics_and_d_stroke() -> None:
    assert fold_text("Nguyễn Thị Đào") == "nguyen thi dao"
    assert fold_text("ĐẶNG đức") == "dang duc"


@pytest.mark.parametrize("form", ["NFC", "NFD", "NFKC", "NFKD"])
def test_fold_text_ignores_normal_form(
    form: Literal["NFC", "NFD", "NFKC", "NFKD"],
) -> None:
    text = "Trần Hưng Đạo, Quận 1, TP. Hồ Chí Minh"

    assert fold_text(unicodedata.normalize(form, text)) == "tran hung dao, quan 1, tp. ho chi minh"


def test_fold_text_collapses_whitespace_and_compatibility_forms() -> None:
    assert fold_text("  Ｖｉｐ\u00a0 KHÁCH  ") == "vip khach"
    assert fold_text("Straße") == "strasse"


def test_fold_text_is_idempotent() -> None:
    for text in ["Ǆ", "İstanbul", "ﬃ", "Ỹ", "ΐ", "ǰ"]:
        assert fold_text(fold_text(text)) == fold_text(text)


def test_fold_tag_keeps_diacritics() -> None:
    assert fold_tag("  VIP ") == fold_tag("vip")
    assert fold_tag("Khách") != fold_tag("Khach")
    assert fold_tag(unicodedata.normalize("NFD", "Khách")) == fold_tag("KHÁCH")


def test_fold_tag_collapses_inner_whitespace() -> None:
    assert fold_tag(" Khách \t  mới ") == "khách mới"


def test_fold_tag_is_idempotent() -> None:
    for text in ["İstanbul", "ẞ", "ǅ", "Ω", "ﬃ"]:
        assert fold_tag(fold_tag(text)) == fold_tag(text)
