"""The economy record types in the web app: USD amounts, links to the delegation or event a
project came from, the Economy menu and spreadsheet exports."""

import pytest

pytestmark = pytest.mark.django_db


def test_fdi_capital_shows_in_usd_not_vnd(login, officer, records):
    page = login(officer).get("/fdi-projects/").content.decode()
    assert "USD 1,000,000.00" in page and "VND 1,000,000" not in page
    page_vi = login(officer, "vi").get(f"/fdi-projects/{records['fdi-projects'].pk}/").content.decode()
    assert "1.000.000,00 US$" in page_vi


def test_fdi_project_shows_its_origin_and_adjustments(login, officer, records):
    project, delegation, event = records["fdi-projects"], records["delegations"], records["events"]
    client = login(officer)
    page = client.get(f"/fdi-projects/{project.pk}/").content.decode()
    assert f'href="/delegations/{delegation.pk}/"' in page and f'href="/events/{event.pk}/"' in page
    assert "USD 250,000.00" in page  # the capital adjustment
    assert f'href="/fdi-projects/{project.pk}/"' in client.get(f"/delegations/{delegation.pk}/").content.decode()
    assert f'href="/fdi-projects/{project.pk}/"' in client.get(f"/events/{event.pk}/").content.decode()


def test_economy_menu_holds_the_three_lists(login, officer, viewer, records):
    for user in (officer, viewer):
        page = login(user).get("/").content.decode()
        assert "dropdown-toggle" in page and "Economy" in page
        for url in ("/fdi-projects/", "/oda-programmes/", "/statistics/"):
            assert f'href="{url}"' in page


def test_statistics_export_spreads_the_source_over_columns(login, officer, records):
    response = login(officer).get("/statistics/export/", {"fmt": "csv"})
    header = response.content.decode("utf-8-sig").splitlines()[0].split(",")
    assert "source.title" in header and "value" in header


def test_oda_disbursement_in_vnd(login, officer, records):
    page = login(officer).get(f"/oda-programmes/{records['oda-programmes'].pk}/").content.decode()
    assert "VND 100,000,000" in page and "ADB, JICA" in page
