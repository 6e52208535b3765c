"""Every main page, as an officer would see it, at laptop and phone widths: it renders, it has
no console errors, it passes axe-core's accessibility rules (serious and critical), and a
screenshot is kept in docs/screenshots/ when FA_SCREENSHOTS=1."""

import os

import pytest

from .conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    ("home", "/"),
    ("partners", "/partners/"),
    ("partner", "/partners/{partner}/"),
    ("partner-edit", "/partners/{partner}/edit/"),
    ("agreements", "/agreements/"),
    ("agreement", "/agreements/{agreement}/"),
    ("delegations", "/delegations/?year=2023"),
    ("delegation", "/delegations/{delegation}/"),
    ("delegation-add", "/delegations/add/"),
    ("events", "/events/"),
    ("event", "/events/{event}/"),
    ("units", "/units/"),
    ("unit", "/units/{unit}/"),
    ("countries", "/countries/"),
    ("reports", "/reports/"),
    ("report", "/reports/view/?kind=annual&year=2023"),
    ("report-ten-months", "/reports/view/?kind=annual&year=2025&start=2025-01-01&end=2025-10-31&lang=en"),
    ("figure-records", "/reports/figures/delegations_in_received/?start=2023-01-01&end=2023-12-31"),
    ("dashboard", "/reports/dashboard/?year=2023"),
    ("dashboard-trends", "/reports/dashboard/trends/?year=2025"),
    ("dashboard-map", "/reports/dashboard/map/?year=2023"),
    ("dashboard-calendar", "/reports/dashboard/calendar/?from=2025-01-01&days=365"),
    ("effectiveness", "/reports/effectiveness/"),
    ("relationships", "/reports/relationships/"),
    ("search", "/search/?q=lao"),
    ("import", "/partners/import/"),
    ("plans", "/plans/"),
    ("consular-cases", "/consular-cases/"),
    ("fdi-project", "/fdi-projects/{fdi}/"),
    ("investment-leads", "/investment-leads/"),
    ("investment-lead-add", "/investment-leads/add/"),
    ("aftercare-issues", "/aftercare-issues/"),
    ("foreign-ngos", "/foreign-ngos/"),
    ("ngo-certificates", "/ngo-certificates/?expires_within=90"),
    ("aid-items", "/aid-items/"),
    ("aid-item-add", "/aid-items/add/"),
    ("delegation-report", "/delegations/{delegation_done}/workflow/report/"),
    ("agreement-consult", "/agreements/{agreement}/workflow/consult/"),
    ("event-edit", "/events/{event}/edit/"),
    ("worklist", "/worklist/"),
    ("notifications", "/notifications/"),
    ("account", "/account/"),
    ("plan", "/plans/{plan}/"),
    ("plan-tasks", "/plan-tasks/"),
    ("plan-task", "/plan-tasks/{task}/"),
    ("programmes", "/programmes/"),
    ("programme", "/programmes/{programme}/"),
    ("programme-items", "/programme-items/"),
    ("programme-item-add", "/programme-items/add/"),
    ("journalist-visits", "/journalist-visits/"),
    ("honours", "/honours/"),
    ("overseas-community", "/overseas-community/"),
    ("experts", "/experts/"),
    ("border-items", "/border-items/"),
    ("border-item", "/border-items/{border_item}/"),
    ("border-events", "/border-events/"),
    ("border-figures", "/border-figures/"),
]


def _ids():
    from foreign_affairs.agreements.models import Agreement
    from foreign_affairs.core.models import Unit
    from foreign_affairs.delegations.models import Delegation
    from foreign_affairs.economy.models import FDIProject
    from foreign_affairs.events.models import Event
    from foreign_affairs.partners.models import Partner

    return {
        "fdi": FDIProject.objects.get(ref="fdi-vsip-nghe-an-ii").pk,
        "partner": Partner.objects.filter(country_id="LA").order_by("ref").first().pk,
        "agreement": Agreement.objects.order_by("signed_on").first().pk,
        "delegation": Delegation.objects.filter(direction="outgoing").order_by("-start_on").first().pk,
        "event": Event.objects.order_by("start_on").first().pk,
        "unit": Unit.objects.get(ref="so-ngoai-vu").pk,
        "delegation_done": Delegation.objects.filter(direction="outgoing", status="completed").order_by("pk")
        .first().pk,
        **_people_ids(),
    }


def _people_ids():
    from foreign_affairs.people.models import BorderItem
    from foreign_affairs.plans.models import Plan, Programme, Task

    return {
        "plan": Plan.objects.get(number="134-KH/TU").pk,
        "task": Task.objects.order_by("pk").first().pk,
        "programme": Programme.objects.get(year=2026).pk,
        "border_item": BorderItem.objects.get(ref="border-gate-thanh-thuy").pk,
    }


def _serious_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [v for v in results.response["violations"] if v.get("impact") in {"serious", "critical"}]


@pytest.mark.parametrize("width,height,suffix", [(1366, 900, "laptop"), (390, 844, "phone")])
def test_pages_render_accessibly(login, live_server, demo_full_data, width, height, suffix):
    ids = _ids()
    page = login("officer", width=width, height=height)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    problems = []
    for name, path in PAGES:
        response = page.goto(live_server.url + path.format(**ids))
        assert response.status == 200, f"{path}: HTTP {response.status}"
        assert page.locator("html").get_attribute("lang") in {"vi", "en"}
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            problems.append(f"{name} ({suffix}): the page is {overflow}px wider than the window")
        for violation in _serious_violations(page):
            targets = [n["target"] for n in violation["nodes"][:3]]
            problems.append(f"{name} ({suffix}): {violation['id']}: {violation['help']} {targets}")
        if os.environ.get("FA_SCREENSHOTS"):
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOT_DIR / f"{name}-{suffix}.png"), full_page=suffix == "laptop")
    assert not problems, "\n".join(problems)
    assert not errors, errors


def test_language_switch_and_keyboard_navigation(login, live_server, demo_data):
    page = login("officer", lang="vi-VN")
    page.goto(live_server.url + "/partners/")
    assert page.locator("html").get_attribute("lang") == "vi"
    # The first Tab reaches the skip link, which jumps to the main content.
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    page.locator("[data-testid=lang-en], button[value=en]").first.click()
    page.wait_for_load_state("networkidle")
    assert page.locator("html").get_attribute("lang") == "en"


def test_create_partner_through_the_form(login, live_server, demo_data):
    from foreign_affairs.partners.models import Partner

    page = login("officer", lang="en-US")
    page.goto(live_server.url + "/partners/add/")
    page.get_by_label("Name (English)", exact=False).first.fill("Champasak Province")
    page.get_by_label("Kind").select_option("locality")
    page.get_by_label("Country").select_option("LA")
    page.locator("form [type=submit]").last.click()
    page.wait_for_load_state("networkidle")
    partner = Partner.objects.get(name_en="Champasak Province")
    assert page.url.rstrip("/").endswith(f"/partners/{partner.pk}")
    assert page.get_by_text("Champasak Province").first.is_visible()
