"""The segment manager page at / driven in headless Chromium against a live server."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, Request, Route, expect

from tests.e2e.conftest import LiveServer, open_page, screenshot

PREVIEW = """
query ($groups: [ConditionGroupInput!]!) {
  previewSegment(conditionGroups: $groups, first: 0) {
    totalCount groupCounts userErrors { message }
  }
}"""
FIND_SEGMENTS = """
query ($search: String) {
  segments(search: $search, first: 50) {
    edges {
      node {
        id name version customerCount
        conditionGroups { conditions { field operator value { text texts number } } }
      }
    }
  }
}"""
SEGMENT_RULE = """
query ($id: ID!) {
  segment(id: $id) {
    version
    conditionGroups {
      conditions {
        field operator calendar
        value {
          text texts number numberRange { min max } date dateRange { from to }
          period { amount unit } month boolean segmentId
        }
      }
    }
  }
}"""
LIST_ALL = "{ segments(first: 50) { edges { node { id name customerCount isDefault } } } }"
CREATE = """
mutation ($input: CreateSegmentInput!) {
  createSegment(input: $input) { segment { id version } userErrors { field message } }
}"""
RENAME = """
mutation ($id: ID!, $name: String!, $version: Int!) {
  updateSegment(id: $id, input: {name: $name}, expectedVersion: $version) {
    segment { version } userErrors { message }
  }
}"""
UNLABELLED_CONTROLS = """
() => [...document.querySelectorAll("input, select, textarea, button")]
  .filter((el) => !(el.labels?.length
                    || el.getAttribute("aria-label")
                    || el.getAttribute("aria-labelledby")
                    || (el.tagName === "BUTTON" && el.textContent.trim())))
  .map((el) => el.id || el.outerHTML)
"""

# The rule the creation test enters:
# (orders >= 20 AND has an email) OR (tag "Khách mới" AND female).
TWO_GROUPS: list[dict[str, Any]] = [
    {
        "conditions": [
            {"field": "orderCount", "operator": "GREATER_THAN_OR_EQUAL", "value": {"number": 20}},
            {"field": "email", "operator": "IS_NOT_EMPTY"},
        ]
    },
    {
        "conditions": [
            {"field": "tags", "operator": "HAS_ANY_OF", "value": {"texts": ["Khách mới"]}},
            {"field": "gender", "operator": "IS", "value": {"text": "FEMALE"}},
        ]
    },
]


def create_segment(server: LiveServer, name: str, groups: list[dict[str, Any]]) -> str:
    payload = server.graphql(CREATE, {"input": {"name": name, "conditionGroups": groups}})[
        "createSegment"
    ]
    assert payload["userErrors"] == []
    segment_id: str = payload["segment"]["id"]
    return segment_id


def find_segment(server: LiveServer, name: str) -> dict[str, Any] | None:
    edges = server.graphql(FIND_SEGMENTS, {"search": name})["segments"]["edges"]
    matches = [edge["node"] for edge in edges if edge["node"]["name"] == name]
    return matches[0] if matches else None


def stored_groups(segment: dict[str, Any]) -> list[list[tuple[str, str, Any]]]:
    """Return each condition as (field, operator, value members that are set)."""
    return [
        [
            (
                condition["field"],
                condition["operator"],
                {
                    key: value
                    for key, value in (condition["value"] or {}).items()
                    if value is not None
                },
            )
            for condition in group["conditions"]
        ]
        for group in segment["conditionGroups"]
    ]


def test_list_shows_default_segments_with_sizes(
    live_server: LiveServer, page: Page, tmp_path: Path
) -> None:
    edges = live_server.graphql(LIST_ALL)["segments"]["edges"]
    expected = {edge["node"]["name"]: edge["node"] for edge in edges}

    page.goto(f"{live_server.url}/")
    rows = page.locator("table.segments tbody tr")
    expect(rows).to_have_count(6)

    for index in range(6):
        row = rows.nth(index)
        name = row.locator(".segment-name").inner_text()
        assert name in expected
        size = row.locator(".segment-size").get_attribute("data-count")
        assert size == str(expected[name]["customerCount"])
        expect(row.locator(".badge")).to_have_text("Default")
    expect(page.locator("#list-summary")).to_have_text("6 segments")

    page.get_by_label("Search by name").fill("email")
    expect(rows).to_have_count(2)

    page.get_by_label("Search by name").fill("")
    expect(rows).to_have_count(6)
    assert screenshot(page, "segment-list", tmp_path).stat().st_size > 0


def test_new_segment_with_two_groups_previews_api_count(
    live_server: LiveServer, page: Page, tmp_path: Path
) -> None:
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="New segment").click()
    page.get_by_label("Segment name").fill("Loyal buyers or new women")

    page.select_option("#g0-c0-field", "orderCount")
    page.select_option("#g0-c0-operator", "GREATER_THAN_OR_EQUAL")
    page.fill("#g0-c0-value", "20")
    page.click("#g0-add")
    page.select_option("#g0-c1-field", "email")
    page.select_option("#g0-c1-operator", "IS_NOT_EMPTY")

    # Keyboard: Enter on "Add a group" adds one and moves focus to its field picker.
    page.focus("#add-group")
    page.keyboard.press("Enter")
    expect(page.locator("#g1-c0-field")).to_be_focused()
    page.select_option("#g1-c0-field", "tags")
    page.select_option("#g1-c0-operator", "HAS_ANY_OF")
    page.fill("#g1-c0-value", "Khách mới")
    page.click("#g1-add")
    page.select_option("#g1-c1-field", "gender")
    page.select_option("#g1-c1-operator", "IS")
    page.select_option("#g1-c1-value", "FEMALE")

    expect(page.locator(".joiner-or")).to_have_count(1)
    expect(page.locator(".joiner-or")).to_have_text("OR")
    expect(page.locator(".joiner-and")).to_have_count(2)
    assert page.evaluate(UNLABELLED_CONTROLS) == []

    api_preview = live_server.graphql(PREVIEW, {"groups": TWO_GROUPS})["previewSegment"]
    assert api_preview["userErrors"] == []
    assert api_preview["totalCount"] > 0
    total = page.locator(".preview-total")
    expect(total).to_have_attribute("data-count", str(api_preview["totalCount"]))
    group_counts = page.locator(".preview-groups li")
    expect(group_counts).to_have_count(2)
    shown = [int(group_counts.nth(i).get_attribute("data-count") or -1) for i in range(2)]
    assert shown == api_preview["groupCounts"]
    screenshot(page, "segment-editor", tmp_path)

    page.click("#save")
    expect(page).to_have_url(re.compile(r"#/segments/[0-9a-f]{24}$"))
    expect(page.locator("#status")).to_have_text("Created Loyal buyers or new women.")
    saved = find_segment(live_server, "Loyal buyers or new women")
    assert saved is not None
    assert saved["customerCount"] == api_preview["totalCount"]
    assert stored_groups(saved) == [
        [("orderCount", "GREATER_THAN_OR_EQUAL", {"number": 20.0}), ("email", "IS_NOT_EMPTY", {})],
        [("tags", "HAS_ANY_OF", {"texts": ["Khách mới"]}), ("gender", "IS", {"text": "FEMALE"})],
    ]


def test_edit_saves_and_offers_reload_on_conflict(live_server: LiveServer, page: Page) -> None:
    segment_id = create_segment(
        live_server,
        "E2E Huế",
        [{"conditions": [{"field": "city", "operator": "IS", "value": {"text": "Huế"}}]}],
    )

    page.goto(f"{live_server.url}/#/segments/{segment_id}")
    name = page.get_by_label("Segment name")
    expect(name).to_have_value("E2E Huế")
    expect(page.locator("#g0-c0-value")).to_have_value("Huế")
    name.fill("E2E Huế or big buyers")
    page.click("#add-group")
    page.select_option("#g1-c0-field", "orderCount")
    page.select_option("#g1-c0-operator", "GREATER_THAN")
    page.fill("#g1-c0-value", "30")
    expect(page.locator(".preview-groups li")).to_have_count(2)
    page.click("#save")
    expect(page.locator("#status")).to_have_text("Saved E2E Huế or big buyers.")
    expect(page.locator("#segment-version")).to_have_text("Version 2")

    saved = find_segment(live_server, "E2E Huế or big buyers")
    assert saved is not None
    assert saved["version"] == 2
    assert stored_groups(saved) == [
        [("city", "IS", {"text": "Huế"})],
        [("orderCount", "GREATER_THAN", {"number": 30.0})],
    ]

    rename = {"id": segment_id, "name": "E2E renamed elsewhere", "version": 2}
    renamed = live_server.graphql(RENAME, rename)
    assert renamed["updateSegment"]["userErrors"] == []
    page.get_by_label("Segment name").fill("E2E my late change")
    page.click("#save")
    conflict = page.locator(".conflict")
    expect(conflict).to_be_visible()
    expect(page.locator("#reload-segment")).to_be_focused()
    page.click("#reload-segment")
    expect(page.get_by_label("Segment name")).to_have_value("E2E renamed elsewhere")
    expect(page.locator("#segment-version")).to_have_text("Version 3")
    assert find_segment(live_server, "E2E my late change") is None


def test_batch_delete_confirms_and_reports_each_id(live_server: LiveServer, page: Page) -> None:
    plain = [{"conditions": [{"field": "email", "operator": "IS_NOT_EMPTY"}]}]
    used_id = create_segment(live_server, "E2E used", plain)
    create_segment(live_server, "E2E first", plain)
    create_segment(live_server, "E2E second", plain)
    create_segment(
        live_server,
        "E2E user",
        [
            {
                "conditions": [
                    {"field": "segment", "operator": "IN_SEGMENT", "value": {"segmentId": used_id}}
                ]
            }
        ],
    )

    page.goto(f"{live_server.url}/")
    page.get_by_label("Search by name").fill("E2E")
    expect(page.locator("table.segments tbody tr")).to_have_count(4)
    for name in ("E2E first", "E2E second", "E2E used"):
        page.get_by_label(f"Select {name}").check()
    page.get_by_role("button", name="Delete selected (3)").click()

    dialog = page.locator("#dialog")
    expect(dialog.get_by_role("heading")).to_have_text("Delete 3 segments?")
    expect(dialog.locator(".dialog-names li")).to_have_text(["E2E first", "E2E second", "E2E used"])
    dialog.get_by_role("button", name="Delete").click()

    expect(dialog.get_by_role("heading")).to_have_text("Result of the delete")
    results = dialog.locator(".delete-results li")
    expect(results).to_have_count(3)
    statuses = {}
    for index in range(3):
        result = results.nth(index)
        statuses[result.locator("strong").inner_text()] = result.get_attribute("data-status")
    assert statuses == {"E2E first": "DELETED", "E2E second": "DELETED", "E2E used": "REFUSED"}
    expect(dialog.locator(".result-refused")).to_contain_text("Used by: E2E user")
    dialog.get_by_role("button", name="Close").click()

    expect(page.locator("table.segments tbody tr")).to_have_count(2)
    assert find_segment(live_server, "E2E first") is None
    assert find_segment(live_server, "E2E second") is None
    assert find_segment(live_server, "E2E used") is not None


def test_language_switch_translates_page_and_api(
    live_server: LiveServer, page: Page, browser: Browser, tmp_path: Path
) -> None:
    segment_id = create_segment(live_server, "Khách thân thiết", TWO_GROUPS)
    languages: list[str | None] = []

    def record_language(request: Request) -> None:
        if request.url.endswith("/graphql"):
            languages.append(request.headers.get("accept-language"))

    page.on("request", record_language)

    page.goto(f"{live_server.url}/")
    expect(page.get_by_role("heading", level=2)).to_have_text("Segments")
    assert set(languages) == {"en"}

    languages.clear()
    page.get_by_label("Language").select_option("vi")
    expect(page.get_by_role("heading", level=2)).to_have_text("Phân khúc")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    expect(page.locator("#list-summary")).to_have_text("7 phân khúc")
    screenshot(page, "segment-list-vi", tmp_path)

    page.goto(f"{live_server.url}/#/segments/{segment_id}")
    expect(page.get_by_role("heading", level=2)).to_have_text("Sửa phân khúc")
    expect(page.locator(".joiner-or")).to_have_text("HOẶC")
    expect(page.locator(".preview-total")).to_contain_text("khách hàng khớp")
    assert languages and set(languages) == {"vi"}
    screenshot(page, "segment-editor-vi", tmp_path)

    page.get_by_label("Ngôn ngữ").select_option("en")
    expect(page.get_by_role("heading", level=2)).to_have_text("Edit segment")
    expect(page.locator(".joiner-or")).to_have_text("OR")

    fresh, problems = open_page(browser, "vi-VN")
    fresh.goto(f"{live_server.url}/")
    expect(fresh.get_by_role("heading", level=2)).to_have_text("Phân khúc")
    fresh.context.close()
    assert problems == []


def test_user_errors_appear_next_to_inputs(live_server: LiveServer, page: Page) -> None:
    page.goto(f"{live_server.url}/#/new")
    page.select_option("#g0-c0-field", "orderCount")
    page.select_option("#g0-c0-operator", "BETWEEN")
    page.fill("#g0-c0-value-min", "10")
    page.fill("#g0-c0-value-max", "2")

    value_error = page.locator("#error-conditionGroups-0-conditions-0-value")
    expect(value_error).to_contain_text("min 10.0 is greater than max 2.0")
    expect(page.locator("#g0-c0-value-min")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#preview")).to_have_text("Fix the marked inputs to see the count.")

    page.click("#save")
    name_error = page.locator("#error-name")
    expect(name_error).to_have_text("The segment name is empty; enter a name.")
    expect(page.get_by_label("Segment name")).to_be_focused()
    expect(page.get_by_label("Segment name")).to_have_attribute("aria-describedby", "error-name")
    expect(value_error).to_contain_text("min 10.0 is greater than max 2.0")

    page.fill("#g0-c0-value-max", "20")
    expect(value_error).to_be_hidden()
    expect(name_error).to_be_visible()
    expect(page.locator(".preview-total")).to_be_visible()


def test_saved_values_round_trip_through_editor(live_server: LiveServer, page: Page) -> None:
    plain = [{"conditions": [{"field": "phone", "operator": "IS_NOT_EMPTY"}]}]
    other_id = create_segment(live_server, "E2E phone", plain)
    groups = [
        {
            "conditions": [
                {
                    "field": "birthday",
                    "operator": "BETWEEN",
                    "value": {"dateRange": {"from": "1980-01-01", "to": "1999-12-31"}},
                },
                {
                    "field": "createdAt",
                    "operator": "IN_LAST",
                    "value": {"period": {"amount": 3, "unit": "MONTHS"}},
                },
                {
                    "field": "orderCount",
                    "operator": "BETWEEN",
                    "value": {"numberRange": {"min": 2, "max": 9}},
                },
            ]
        },
        {
            "conditions": [
                {
                    "field": "birthday",
                    "operator": "ANNIVERSARY_IN_MONTH",
                    "value": {"month": 5},
                    "calendar": "LUNAR",
                },
                {"field": "segment", "operator": "IN_SEGMENT", "value": {"segmentId": other_id}},
                {
                    "field": "gender",
                    "operator": "IS_ANY_OF",
                    "value": {"texts": ["FEMALE", "OTHER"]},
                },
            ]
        },
    ]
    segment_id = create_segment(live_server, "E2E every kind", groups)
    before = live_server.graphql(SEGMENT_RULE, {"id": segment_id})["segment"]

    page.goto(f"{live_server.url}/#/segments/{segment_id}")
    expect(page.locator("#g0-c0-value-from")).to_have_value("1980-01-01")
    expect(page.locator("#g0-c0-value-to")).to_have_value("1999-12-31")
    expect(page.locator("#g0-c1-value-amount")).to_have_value("3")
    expect(page.locator("#g0-c1-value-unit")).to_have_value("MONTHS")
    expect(page.locator("#g0-c2-value-min")).to_have_value("2")
    expect(page.locator("#g0-c2-value-max")).to_have_value("9")
    expect(page.locator("#g1-c0-value")).to_have_value("5")
    expect(page.locator("#g1-c0-calendar")).to_have_value("LUNAR")
    expect(page.locator("#g1-c1-value")).to_have_value(other_id)
    expect(page.locator("#g1-c2-value-1")).to_be_checked()
    expect(page.locator("#g1-c2-value-2")).to_be_checked()
    expect(page.locator("#g1-c2-value-0")).not_to_be_checked()
    expect(page.locator(".preview-total")).to_be_visible()

    page.click("#save")
    expect(page.locator("#segment-version")).to_have_text("Version 2")
    after = live_server.graphql(SEGMENT_RULE, {"id": segment_id})["segment"]
    assert after["version"] == 2
    assert after["conditionGroups"] == before["conditionGroups"]


def test_row_delete_removes_one_segment(live_server: LiveServer, page: Page) -> None:
    create_segment(
        live_server, "E2E lonely", [{"conditions": [{"field": "city", "operator": "IS_EMPTY"}]}]
    )

    page.goto(f"{live_server.url}/")
    expect(page.locator("table.segments tbody tr")).to_have_count(7)
    page.get_by_role("button", name="Delete E2E lonely").click()
    dialog = page.locator("#dialog")
    expect(dialog.locator(".dialog-names li")).to_have_text(["E2E lonely"])
    dialog.get_by_role("button", name="Delete").click()

    expect(page.locator("#status")).to_have_text("Deleted E2E lonely.")
    expect(page.locator("table.segments tbody tr")).to_have_count(6)
    assert find_segment(live_server, "E2E lonely") is None


def test_api_key_prompt_after_unauthorized(live_server: LiveServer, page: Page) -> None:
    # The embedded store serves requests without a key. The route below plays a
    # server that requires one: no key gets 401, "accepted-key" is let through
    # without it, and any other key reaches the real server, which rejects it.
    sent_keys: list[str | None] = []

    def require_key(route: Route) -> None:
        key = route.request.headers.get("authorization")
        sent_keys.append(key)
        if key is None:
            error = {"message": "Missing API key", "extensions": {"code": "UNAUTHENTICATED"}}
            route.fulfill(status=401, json={"errors": [error]})
        elif key == "Bearer accepted-key":
            headers = {
                name: value
                for name, value in route.request.headers.items()
                if name != "authorization"
            }
            route.continue_(headers=headers)
        else:
            route.continue_()

    page.route("**/graphql", require_key)
    page.goto(f"{live_server.url}/")
    key_input = page.get_by_label("API key")
    expect(key_input).to_be_focused()

    key_input.fill("wrong-key")
    page.get_by_role("button", name="Use this key").click()
    expect(page.locator("#api-key-error")).to_contain_text("The server rejected this API key")

    page.get_by_label("API key").fill("accepted-key")
    page.get_by_role("button", name="Use this key").click()
    expect(page.locator("table.segments tbody tr")).to_have_count(6)
    assert sent_keys == [None, "Bearer wrong-key", "Bearer accepted-key"]
