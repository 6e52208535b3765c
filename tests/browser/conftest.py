"""Headless Chromium (Debian's package, driven by Playwright) against the live test server."""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("FA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    skip = pytest.mark.skip(reason=f"{CHROMIUM} not installed (make system-deps)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    from playwright.sync_api import sync_playwright

    home = tmp_path_factory.mktemp("chromium-home")
    os.environ["HOME"] = str(home)  # Chromium writes its caches under $HOME
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def demo_data(transactional_db):
    """The Nghe An demo bundle, loaded into the live server's database."""
    from foreign_affairs.core.bundle import import_bundle, load_bundle_file

    result = import_bundle(load_bundle_file(Path(__file__).resolve().parents[2] / "demo" / "nghe-an.yaml"))
    assert result.ok, [str(e) for e in result.errors]
    return result


@pytest.fixture
def demo_full_data(demo_data):
    """The whole demo: the sourced bundle, then its illustrative part (Plan 134-KH/TU's tasks, the
    programmes, every register's records), as ``demo_setup`` loads them."""
    from foreign_affairs.core.bundle import import_bundle, load_bundle_file

    path = Path(__file__).resolve().parents[2] / "demo" / "nghe-an-illustrative.json"
    result = import_bundle(load_bundle_file(path))
    assert result.ok, [str(e) for e in result.errors]
    return result


@pytest.fixture
def login(browser, live_server):
    """Returns a function that opens a new page signed in as a new user of the given role."""
    from foreign_affairs.core.services import user_create

    contexts = []

    def open_page(role="officer", *, width=1366, height=900, lang="vi-VN"):
        username = f"{role}-{len(contexts)}"
        user_create(username=username, password="browser-test-password", role=role,
                    unit=_any_unit() if role == "unit_officer" else None)
        context = browser.new_context(viewport={"width": width, "height": height}, locale=lang)
        contexts.append(context)
        page = context.new_page()
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", "browser-test-password")
        page.locator("form [type=submit]").first.click()
        page.wait_for_load_state("networkidle")
        return page

    yield open_page
    for context in contexts:
        context.close()


def _any_unit():
    from foreign_affairs.core.models import Unit

    return Unit.objects.order_by("pk").first()
