"""GraphiQL at /graphql, run in headless Chromium with every other host blocked."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, Route, expect

from api.web import local_assets_installed
from tests.e2e.conftest import LiveServer


def test_graphiql_runs_query_without_internet(live_server: LiveServer, page: Page) -> None:
    if not local_assets_installed():
        pytest.skip("GraphiQL's npm files are not installed in web/node_modules; run 'make web'")
    outside: list[str] = []

    def block_other_hosts(route: Route) -> None:
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", block_other_hosts)
    page.goto(f"{live_server.url}/graphql")
    expect(page.locator("#graphiql")).to_have_attribute("data-assets", "local")
    page.locator(".graphiql-execute-button").click()
    expect(page.locator(".result-window")).to_contain_text("Email subscribers")
    assert outside == []
