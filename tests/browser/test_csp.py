"""Under the Content Security Policy (scripts and styles of the app's own only) the interactive
parts still work — htmx's live filters, Bootstrap's menus — without a single policy violation,
and the notifications bell leads to the notifications and marks them read."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _watch(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def test_htmx_filters_and_bootstrap_menus_work_under_the_policy(login, live_server, demo_data):
    page = login("officer", lang="en-US")
    errors = _watch(page)
    page.goto(live_server.url + "/partners/")
    policy = page.evaluate("fetch(location.href).then(r => r.headers.get('content-security-policy'))")
    assert "default-src 'self'" in policy
    page.evaluate("window.__notReloaded = true")
    page.fill("#filter-search", "houaphanh")
    page.wait_for_url(lambda url: "search=houaphanh" in url)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__notReloaded") is True  # swapped in by htmx, not a new page
    assert "Houaphanh" in page.locator("#results").inner_text()
    page.get_by_role("button", name="Economy").or_(page.get_by_role("link", name="Economy")).first.click()
    assert page.locator(".dropdown-menu.show").first.is_visible()
    assert not errors, errors


def test_the_bell_shows_unread_notifications_and_marks_them_read(login, live_server, demo_data):
    from foreign_affairs.core.models import User
    from foreign_affairs.notifications.models import Notification

    page = login("officer", lang="en-US")
    errors = _watch(page)
    user = User.objects.get(username="officer-0")
    Notification.objects.create(recipient=user, verb="submitted", record_label="Trip to Vientiane",
                                url="/delegations/", params={"actor": "lan"})
    page.goto(live_server.url + "/")
    bell = page.locator("[data-testid=notifications-link]")
    assert page.locator(".app-notify-badge").inner_text().startswith("1")
    bell.click()
    page.wait_for_load_state("networkidle")
    assert "lan submitted “Trip to Vientiane” for appraisal." in page.locator("main").inner_text()
    page.get_by_role("button", name="Mark all as read").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".app-notify-badge").count() == 0
    assert not errors, errors
