"""Sample customers of the demo workspace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from models.customer_document import build_customer_document
from models.phones import normalize_phone
from storage.demo_data import CITIES, DEMO_ZONE, RECENT_DAYS, generate_demo_customers

NOW = dt.datetime(2026, 3, 10, 5, 30, tzinfo=dt.UTC)
COUNT = 300

Customer = dict[str, Any]

# The rules of the six default segments, evaluated on the input values.
DEFAULT_RULES: dict[str, Callable[[Customer], bool]] = {
    "new_subscribers": lambda c: c["createdAt"] >= NOW - dt.timedelta(days=RECENT_DAYS),
    "sms_subscribers": lambda c: bool(c.get("phone")),
    "email_subscribers": lambda c: bool(c.get("email")) and c.get("emailVerified") is True,
    "zalo_subscribers": lambda c: "zaloInteractedAt" in c,
    "facebook_subscribers": lambda c: "facebookInteractedAt" in c,
    "email_complaint_subscribers": lambda c: "emailComplainedAt" in c,
}


@pytest.fixture(scope="module")
def customers() -> list[Customer]:
    return generate_demo_customers(COUNT, NOW)


def test_demo_customers_are_deterministic_for_seed(customers: list[Customer]) -> None:
    assert generate_demo_customers(COUNT, NOW) == customers


def test_demo_customers_differ_between_seeds(customers: list[Customer]) -> None:
    assert generate_demo_customers(COUNT, NOW, seed=7) != customers


def test_demo_customers_build_without_problems(customers: list[Customer]) -> None:
    for customer in customers:
        _, problems = build_customer_document(customer, custom_fields={}, zone=DEMO_ZONE)
        assert problems == [], customer


@pytest.mark.parametrize("default_key", sorted(DEFAULT_RULES))
def test_default_segment_has_members(customers: list[Customer], default_key: str) -> None:
    members = [c for c in customers if DEFAULT_RULES[default_key](c)]

    assert members
    assert len(members) < len(customers)


@pytest.mark.parametrize("default_key", sorted(DEFAULT_RULES))
def test_default_segment_has_members_in_six_customers(default_key: str) -> None:
    customers = generate_demo_customers(6, NOW)

    assert any(DEFAULT_RULES[default_key](c) for c in customers)


def test_demo_phones_are_valid_vietnamese_mobiles(customers: list[Customer]) -> None:
    phones = [c["phone"] for c in customers if "phone" in c]

    for phone in phones:
        number = normalize_phone(phone)
        assert number.valid, phone
        assert number.value.startswith("+84"), phone


def test_demo_phones_come_in_mixed_forms(customers: list[Customer]) -> None:
    phones = [c["phone"] for c in customers if "phone" in c]

    assert any(phone.startswith("+84 ") for phone in phones)
    assert any(phone.startswith("0") and " " in phone for phone in phones)
    assert any(phone.isdigit() and phone.startswith("84") for phone in phones)


def test_demo_names_are_family_middle_given(customers: list[Customer]) -> None:
    for customer in customers:
        assert len(customer["fullName"].split()) >= 3, customer["fullName"]

    assert any(not c["fullName"].isascii() for c in customers)


def test_demo_emails_are_unique_ascii(customers: list[Customer]) -> None:
    emails = [c["email"] for c in customers if "email" in c]

    assert len(set(emails)) == len(emails)
    assert all(email.isascii() for email in emails)


def test_demo_cities_are_known(customers: list[Customer]) -> None:
    assert {c["city"] for c in customers} <= set(CITIES)


def test_demo_birthdays_include_leap_day_and_this_month(customers: list[Customer]) -> None:
    birthdays = [c["birthday"] for c in customers if "birthday" in c]
    this_month = NOW.astimezone(DEMO_ZONE).month

    assert any((b.month, b.day) == (2, 29) for b in birthdays)
    assert any(b.month == this_month for b in birthdays)


def test_demo_created_at_spreads_over_three_years(customers: list[Customer]) -> None:
    created = [c["createdAt"] for c in customers]

    assert max(created) <= NOW
    assert min(created) >= NOW - dt.timedelta(days=3 * 365)
    assert min(created) < NOW - dt.timedelta(days=2 * 365)


def test_demo_instants_follow_created_at(customers: list[Customer]) -> None:
    for customer in customers:
        for key in ("lastOrderAt", "zaloInteractedAt", "facebookInteractedAt", "emailComplainedAt"):
            if key in customer:
                assert customer["createdAt"] <= customer[key] <= NOW


def test_demo_totals_follow_order_counts(customers: list[Customer]) -> None:
    for customer in customers:
        assert (customer["totalSpent"] > 0) == (customer["orderCount"] > 0)
        assert ("lastOrderAt" in customer) == (customer["orderCount"] > 0)


def test_demo_tags_include_vietnamese_labels(customers: list[Customer]) -> None:
    tags = {tag for c in customers for tag in c["tags"]}

    assert {"VIP", "khách sỉ", "Khách lẻ"} <= tags
