"""Sample Vietnamese customers for the embedded demo workspace.

`generate_demo_customers` returns the input values of each customer, typed
the way `models.customer_document.build_customer_document` takes them
(`datetime.date` birthdays, aware UTC datetimes, lists of tags). The same
`seed` and `now` give the same customers with one Faker version, because
every random choice comes from one seeded `random.Random` and one seeded
Faker instance.

The first six customers each carry the trait of one default segment (new,
SMS, verified email, Zalo, Facebook, email complaint), so every default
segment has members whenever `count` is at least 6.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any
from zoneinfo import ZoneInfo

from faker import Faker

from models.phones import normalize_phone
from models.text import fold_text

# The default workspace zone; "this month" for birthdays is read in it.
DEMO_ZONE = ZoneInfo("Asia/Ho_Chi_Minh")

CITIES = (
    "Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế", "Nha Trang",
    "Biên Hòa", "Vũng Tàu", "Quy Nhơn", "Đà Lạt", "Hạ Long", "Buôn Ma Thuột", "Vinh",
    "Thái Nguyên", "Nam Định",
)  # fmt: skip
SOURCES = ("Facebook", "Zalo", "Website", "Cửa hàng", "Shopee", "Giới thiệu")
TAGS = ("VIP", "khách sỉ", "Khách lẻ", "Thân thiết", "Khách mới")
EMAIL_DOMAINS = ("gmail.com", "yahoo.com.vn", "outlook.com", "icloud.com", "fpt.vn")
MIDDLE_NAMES = {
    "MALE": ("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh", "Xuân"),
    "FEMALE": ("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mai", "Bảo", "Hồng"),
}
# Mobile prefixes of Viettel, Vinaphone, MobiFone, Vietnamobile and Gmobile
# after the 2018 renumbering, without the leading 0.
MOBILE_PREFIXES = (
    "32", "33", "34", "35", "36", "37", "38", "39", "56", "58", "59", "70", "76", "77",
    "78", "79", "81", "82", "83", "84", "85", "86", "88", "89", "90", "91", "92", "93",
    "94", "96", "97", "98", "99",
)  # fmt: skip

RECENT_DAYS = 14
HISTORY_DAYS = 3 * 365

# Index of the customer that is sure to carry each default segment's trait.
_FORCED_TRAITS = ("recent", "phone", "verified", "zalo", "facebook", "complaint")


def generate_demo_customers(count: int, now: dt.datetime, seed: int = 2024) -> list[dict[str, Any]]:
    """Return `count` customers created before `now`, deterministically for `seed`.

    A naive `now` is read as UTC.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    # Whole seconds, because MongoDB keeps only milliseconds.
    now = now.astimezone(dt.UTC).replace(microsecond=0)

    rng = random.Random(seed)  # noqa: S311 - sample data, not a secret
    faker = Faker("vi_VN")
    faker.seed_instance(seed)

    customers = []
    for index in range(count):
        trait = _FORCED_TRAITS[index] if index < len(_FORCED_TRAITS) else None
        customers.append(_customer(index, trait, rng, faker, now))
    return customers


def _customer(
    index: int, trait: str | None, rng: random.Random, faker: Faker, now: dt.datetime
) -> dict[str, Any]:
    gender = "MALE" if rng.random() < 0.48 else "FEMALE"
    family_name = faker.last_name()
    given_name = faker.first_name_male() if gender == "MALE" else faker.first_name_female()
    middle_name = rng.choice(MIDDLE_NAMES[gender])

    created_at = _created_at(rng, now, recent=trait == "recent")
    customer: dict[str, Any] = {
        "fullName": f"{family_name} {middle_name} {given_name}",
        "gender": _gender_as_typed(gender, rng),
        "city": rng.choice(CITIES),
        "address": f"{rng.randint(1, 250)} {faker.street_name()}",
        "source": rng.choice(SOURCES),
        "tags": rng.sample(TAGS, k=rng.choice((0, 1, 1, 2))),
        "createdAt": created_at,
    }

    has_email = trait in ("verified", "complaint") or rng.random() < 0.85
    if has_email:
        customer["email"] = _email(index, family_name, given_name, rng)
        customer["emailVerified"] = trait == "verified" or rng.random() < 0.7
        if trait == "complaint" or rng.random() < 0.05:
            customer["emailComplainedAt"] = _instant_between(rng, created_at, now)

    has_phone = trait in ("phone", "zalo") or rng.random() < 0.9
    if has_phone:
        customer["phone"] = _mobile_number(rng)
        if trait == "zalo" or rng.random() < 0.4:
            customer["zaloInteractedAt"] = _instant_between(rng, created_at, now)
    if trait == "facebook" or rng.random() < 0.35:
        customer["facebookInteractedAt"] = _instant_between(rng, created_at, now)

    if rng.random() < 0.8:
        customer["birthday"] = _birthday(rng, now)

    order_count = rng.choice((0, 0, 1, 1, 2, 3, 5, 8, 13, 21, 40))
    customer["orderCount"] = order_count
    customer["totalSpent"] = float(order_count * rng.randint(15, 250) * 10_000)
    if order_count:
        customer["lastOrderAt"] = _instant_between(rng, created_at, now)
    return customer


def _gender_as_typed(gender: str, rng: random.Random) -> str:
    # Some customers carry the Vietnamese word, as a CRM export would.
    if rng.random() < 0.3:
        return "Nam" if gender == "MALE" else "Nữ"
    return gender


def _email(index: int, family_name: str, given_name: str, rng: random.Random) -> str:
    # The index keeps addresses unique, since the names repeat.
    local = f"{fold_text(given_name)}.{fold_text(family_name)}{index}".replace(" ", "")
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def _mobile_number(rng: random.Random) -> str:
    # Some sub-ranges of a prefix are not allocated (0890 to 0895 for one), so
    # a number is drawn again until libphonenumber reads it as valid.
    while True:
        prefix = rng.choice(MOBILE_PREFIXES)
        rest = f"{rng.randrange(10_000_000):07d}"
        national = f"0{prefix}{rest}"
        if normalize_phone(national).valid:
            break
    forms = (
        f"{national[:4]} {national[4:7]} {national[7:]}",
        f"+84 {prefix}{rest[0]} {rest[1:4]} {rest[4:]}",
        national,
        f"84{prefix}{rest}",
        f"{national[:4]}.{national[4:7]}.{national[7:]}",
    )
    return rng.choice(forms)


def _created_at(rng: random.Random, now: dt.datetime, *, recent: bool) -> dt.datetime:
    if recent or rng.random() < 0.1:
        seconds = rng.randrange(RECENT_DAYS * 86_400)
    else:
        seconds = rng.randrange(RECENT_DAYS * 86_400, HISTORY_DAYS * 86_400)
    return now - dt.timedelta(seconds=seconds)


def _instant_between(rng: random.Random, start: dt.datetime, end: dt.datetime) -> dt.datetime:
    span = max(int((end - start).total_seconds()), 1)
    return start + dt.timedelta(seconds=rng.randrange(span))


def _birthday(rng: random.Random, now: dt.datetime) -> dt.date:
    year = now.year - rng.randint(18, 65)
    roll = rng.random()
    if roll < 0.04:
        leap_year = year - year % 4  # every year divisible by 4 from 1901 to 2099 is a leap year
        return dt.date(leap_year, 2, 29)
    month = now.astimezone(DEMO_ZONE).month if roll < 0.15 else rng.randint(1, 12)
    # Day 28 at most, so that every month has it.
    return dt.date(year, month, rng.randint(1, 28))
