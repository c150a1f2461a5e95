"""Header matching and user mappings of the CSV importer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.importer.mapping import MappingError, load_mapping_file, parse_map_option, resolve_mapping


def targets_of(
    headers: list[str], user_mapping: dict[str, str] | None = None
) -> dict[str, str | None]:
    mapping = resolve_mapping(headers, user_mapping or {})
    return {column.header: column.target for column in mapping.columns}


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("Email", "email"),
        ("E-mail", "email"),
        ("EMAIL ADDRESS", "email"),
        ("Phone", "phone"),
        ("Phone 1", "phone"),
        ("Mobile", "phone"),
        ("Full Name", "fullName"),
        ("Name", "fullName"),
        ("First Name", "givenName"),
        ("Last Name", "familyName"),
        ("Subscription Date", "createdAt"),
        ("Signup Date", "createdAt"),
        ("Created At", "createdAt"),
        ("City", "city"),
        ("Address", "address"),
        ("Birthday", "birthday"),
        ("Date of Birth", "birthday"),
        ("Tags", "tags"),
        ("Gender", "gender"),
        ("Source", "source"),
        ("Họ và tên", "fullName"),
        ("Họ tên", "fullName"),
        ("Họ", "familyName"),
        ("Tên", "givenName"),
        ("Số điện thoại", "phone"),
        ("SĐT", "phone"),
        ("Điện thoại", "phone"),
        ("Ngày sinh", "birthday"),
        ("Giới tính", "gender"),
        ("Thành phố", "city"),
        ("Tỉnh/Thành phố", "city"),
        ("Địa chỉ", "address"),
        ("Nguồn", "source"),
        ("Nhãn", "tags"),
        ("Thẻ", "tags"),
        ("Ngày đăng ký", "createdAt"),
        ("orderCount", "orderCount"),
        ("totalSpent", "totalSpent"),
    ],
)
def test_default_header_maps_to_field(header: str, target: str) -> None:
    assert targets_of([header]) == {header: target}


def test_header_match_ignores_case_and_diacritics() -> None:
    headers = ["so dien thoai", "NGAY SINH", "  email  "]

    targets = targets_of(headers)

    assert targets["so dien thoai"] == "phone"
    assert targets["NGAY SINH"] == "birthday"
    assert targets["  email  "] == "email"


def test_unknown_headers_are_ignored() -> None:
    mapping = resolve_mapping(["Email", "Company", "Website"], {})

    assert [column.header for column in mapping.ignored] == ["Company", "Website"]


def test_user_mapping_overrides_default() -> None:
    targets = targets_of(["Phone 1", "Phone 2", "Company"], {"Phone 2": "phone", "Phone 1": "-"})

    assert targets["Phone 1"] is None
    assert targets["Phone 2"] == "phone"
    assert targets["Company"] is None


def test_user_mapping_matches_header_by_key() -> None:
    targets = targets_of(["Mã KH"], {"ma kh": "custom.customer_code"})

    assert targets["Mã KH"] == "custom.customer_code"


def test_user_mapping_for_missing_column_is_rejected() -> None:
    with pytest.raises(MappingError) as caught:
        resolve_mapping(["Email"], {"Phone 9": "phone"})

    assert "'Phone 9'" in caught.value.en
    assert "'Email'" in caught.value.en
    assert "'Phone 9'" in caught.value.vi


def test_map_option_splits_at_last_equals_sign() -> None:
    assert parse_map_option("Score = A=B=custom.score") == ("Score = A=B", "custom.score")


@pytest.mark.parametrize("option", ["phone", "=phone", "Phone=mobileNumber", "Code=custom.Bad-Key"])
def test_map_option_invalid_is_rejected(option: str) -> None:
    with pytest.raises(MappingError):
        parse_map_option(option)


def test_mapping_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(
        json.dumps({"Mobile No": "phone", "Company": "custom.company"}), encoding="utf-8"
    )

    assert load_mapping_file(path) == {"Mobile No": "phone", "Company": "custom.company"}


@pytest.mark.parametrize("content", ['["phone"]', '{"Mobile": 3}', "{not json"])
def test_mapping_file_invalid_is_rejected(tmp_path: Path, content: str) -> None:
    path = tmp_path / "mapping.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(MappingError) as caught:
        load_mapping_file(path)

    assert str(path) in caught.value.en
