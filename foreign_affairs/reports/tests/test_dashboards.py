"""Dashboards: trends by the rule of figures() (reported where published, else computed, and
which), delegations by country, pillar and level, the map, the calendar, expiring agreements,
plan fulfilment; the pages for every role, unit scope, CSV of exactly each table, and a fixed
number of queries."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from foreign_affairs.core.bundle.importer import import_bundle
from foreign_affairs.core.bundle.io import parse_bundle_text
from foreign_affairs.core.models import Unit
from foreign_affairs.core.tests.factories import AgreementFactory, DelegationFactory, EventFactory, UnitFactory
from foreign_affairs.plans.tests.factories import PlanFactory, TaskFactory, TaskGroupFactory
from foreign_affairs.reports import dashboards
from foreign_affairs.reports.indicators import Scope
from foreign_affairs.reports.periods import Period

from .bundle import REPORT_BUNDLE

pytestmark = pytest.mark.django_db
YEAR_2024 = Period(date(2024, 1, 1), date(2024, 12, 31))


@pytest.fixture
def province():
    result = import_bundle(parse_bundle_text(REPORT_BUNDLE))
    assert not result.errors, result.errors


def _points(trends, code):
    trend = next(t for t in trends if t.code == code)
    return [(p.year, p.value, p.source) for p in trend.points]


def test_trends_take_the_published_figure_where_there_is_one(province):
    trends = dashboards.indicator_trends(scope=Scope(), years=[2023, 2024])
    assert _points(trends, "delegations_out") == [(2023, 1, "computed"), (2024, 2, "computed")]
    # Published 5 for 2024 against 1 in the register: the published one, marked so.
    assert _points(trends, "delegations_out_leaders") == [(2023, 0, "computed"), (2024, 5, "reported")]
    assert _points(trends, "export_turnover_usd") == [(2023, 1000000000, "reported"), (2024, 1200000000, "reported")]
    # The January–October figure is not the year's: no value for 2024.
    assert _points(trends, "workers_abroad") == [(2023, None, None), (2024, None, None)]
    # Two sources for 2024: the later publication, as figures() takes it.
    assert _points(trends, "fdi_new_projects")[1] == (2024, 2, "reported")
    point = next(t for t in trends if t.code == "delegations_out").points[1]
    assert point.records_url == "/reports/figures/delegations_out/?start=2024-01-01&end=2024-12-31"


def test_trends_for_one_pillar_are_computed_from_that_pillar(province):
    trends = dashboards.indicator_trends(scope=Scope(), years=[2023, 2024], pillar="state")
    assert _points(trends, "delegations_out") == [(2023, 0, "computed"), (2024, 1, "computed")]
    assert _points(trends, "delegations_out_leaders")[1] == (2024, 1, "computed")
    assert _points(trends, "agreements_signed") == [(2023, None, None), (2024, None, None)]
    assert next(t for t in trends if t.code == "agreements_signed").by_pillar is False


def test_trends_of_a_unit(province):
    scope = Scope.for_unit(Unit.objects.get(ref="u-dept"))
    trends = dashboards.indicator_trends(scope=scope, years=[2023, 2024])
    assert _points(trends, "delegations_out") == [(2023, 1, "computed"), (2024, 1, "computed")]
    assert _points(trends, "delegations_out_leaders")[1] == (2024, 1, "computed")  # no published unit figures
    assert _points(trends, "fdi_new_projects") == [(2023, None, None), (2024, None, None)]


def _counts(rows):
    return {row.key: (row.counts["delegations_out"], row.counts["delegations_in_received"],
                      row.counts["delegations_in_permitted"]) for row in rows}


def test_delegations_by_country_pillar_and_level(province):
    with translation.override("en"):
        by_country = dashboards.delegations_by(scope=Scope(), period=YEAR_2024, by="country")
    assert [(r.key, r.label) for r in by_country] == [("LA", "Laos"), ("JP", "Japan"), ("", "Country not recorded")]
    assert _counts(by_country) == {"LA": (1, 1, 0), "JP": (1, 0, 0), "": (0, 1, 1)}
    by_pillar = dashboards.delegations_by(scope=Scope(), period=YEAR_2024, by="pillar")
    assert [r.key for r in by_pillar] == ["party", "state", "people"]
    assert _counts(by_pillar) == {"party": (1, 0, 0), "state": (1, 2, 1), "people": (0, 0, 0)}
    by_level = dashboards.delegations_by(scope=Scope(), period=YEAR_2024, by="level")
    assert _counts(by_level) == {"provincial_leader": (1, 0, 0), "unit": (1, 2, 1)}
    dept = Scope.for_unit(Unit.objects.get(ref="u-dept"))
    assert _counts(dashboards.delegations_by(scope=dept, period=YEAR_2024, by="pillar")) == {
        "party": (0, 0, 0), "state": (1, 0, 0), "people": (0, 0, 0)}
    assert _counts(dashboards.delegations_by(scope=Scope(), period=YEAR_2024, by="pillar", pillar="party")) == {
        "party": (1, 0, 0), "state": (0, 0, 0), "people": (0, 0, 0)}


def test_map_counts_and_colour_classes(province):
    rows = {r.code: (r.partners, r.delegations_out, r.delegations_in)
            for r in dashboards.map_counts(scope=Scope(), period=YEAR_2024)}
    assert rows == {"LA": (1, 1, 1), "JP": (1, 1, 0)}
    assert dashboards.map_buckets([1, 2, 40]) == [1, 3, 7, 15, 40]
    assert [dashboards.bucket_of(n, [1, 3, 7, 15, 40]) for n in (0, 1, 2, 8, 40)] == [0, 1, 2, 4, 5]
    assert [dashboards.shade_of(b, 2) for b in (1, 2)] == [1, 5]
    view_box, shapes = dashboards.world_map()
    codes = {s.code for s in shapes}
    assert view_box.startswith("0 0 1000 ")
    assert {"VN", "LA", "KR", "JP", "RU", "US", "SG"} <= codes
    assert next(s for s in shapes if s.code == "SG").dot is not None  # too small for 1:110m: a dot


def test_calendar_and_expiring_agreements(officer):
    today = date(2025, 6, 15)
    DelegationFactory(title="Going to Laos", start_on=today + timedelta(days=10), end_on=None, status="approved")
    DelegationFactory(title="Cancelled trip", start_on=today + timedelta(days=5), end_on=None, status="cancelled")
    DelegationFactory(title="Too far ahead", start_on=today + timedelta(days=120), end_on=None, status="approved")
    EventFactory(title="Trade fair", start_on=today + timedelta(days=3), end_on=today + timedelta(days=4))
    items = dashboards.calendar_items(scope=Scope(), user=officer, start=today, days=90)
    assert [(i.kind, i.title) for i in items] == [("event", "Trade fair"), ("delegation", "Going to Laos")]
    assert [month for month, _items in dashboards.calendar_months(items)] == [date(2025, 6, 1)]

    for title, status, until in (("Soon", "in_force", 30), ("Later", "signed", 120), ("Lapsed", "in_force", -10),
                                 ("Expired properly", "expired", -5), ("Far", "in_force", 200)):
        AgreementFactory(title_en=title, status=status, valid_until=today + timedelta(days=until))
    expiring = dashboards.agreements_expiring(scope=Scope(), user=officer, today=today)
    assert [a.title_en for a in expiring.within_first] == ["Soon"]
    assert [a.title_en for a in expiring.within_second] == ["Later"]
    assert [a.title_en for a in expiring.expired_in_force] == ["Lapsed"]


def test_plan_fulfilment_from_the_plans_scorecard(officer):
    plan = PlanFactory(title="Economic diplomacy plan", issued_on=date(2024, 1, 10))
    group = TaskGroupFactory(plan=plan)
    for status in ("done", "in_progress", "dropped"):
        TaskFactory(group=group, status=status)
    rows = dashboards.plan_fulfilment(user=officer, today=date(2024, 6, 1))
    assert [(r.done, r.counted, str(r.percent)) for r in rows] == [(1, 2, "50.00")]


# --- pages ---------------------------------------------------------------------------------------

PAGES = ["/reports/dashboard/", "/reports/dashboard/trends/", "/reports/dashboard/map/",
         "/reports/dashboard/calendar/", "/reports/effectiveness/", "/reports/relationships/"]


def test_every_role_with_the_report_permission_opens_the_dashboards(client, role_users, province):
    for user in role_users.values():
        assert user.has_perm("reports.view_report")
        client.force_login(user)
        for path in PAGES:
            response = client.get(path, {"year": 2024})
            assert response.status_code == 200, (user.username, path, response.status_code)
    client.logout()
    for path in PAGES:
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_unit_officer_sees_its_own_subtree_only(client, make_user, province):
    dept = Unit.objects.get(ref="u-dept")
    user = make_user("dept-officer", "unit_officer", dept)
    client.force_login(user)
    response = client.get("/reports/dashboard/", {"year": 2024}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert response.context["filters"].unit == dept
    totals = {row[0].value: row[-1].value for row in response.context["t"]["pillar"].rows}
    assert totals == {"Party foreign affairs": 0, "State diplomacy": 1, "People's diplomacy": 0}
    assert client.get("/reports/dashboard/", {"year": 2024, "unit": "u-prov"}).status_code == 403
    assert [u.ref for u in response.context["units"]] == ["u-dept"]


def test_bad_filters_are_refused_with_a_message(client, officer):
    client.force_login(officer)
    response = client.get("/reports/dashboard/", {"start": "2024-01-01"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "Give both the start and the end of the period." in response.content.decode()
    response = client.get("/reports/dashboard/", {"unit": "nowhere"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400 and "Unknown unit" in response.content.decode()
    assert client.get("/reports/dashboard/", {"csv": "no-such-table"}).status_code == 404


def _csv(response):
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_each_table_downloads_as_exactly_its_rows(client, officer, province):
    client.force_login(officer)
    rows = _csv(client.get("/reports/dashboard/", {"year": 2024, "csv": "pillar"}, HTTP_ACCEPT_LANGUAGE="en"))
    assert rows == [
        ["Delegations by pillar, the year 2024"],
        ["Pillar", "Outgoing (took place)", "Incoming, received", "Incoming, permitted", "Total"],
        ["Party foreign affairs", "1", "0", "0", "1"],
        ["State diplomacy", "1", "2", "1", "4"],
        ["People's diplomacy", "0", "0", "0", "0"],
        ["Total", "2", "2", "1", "5"],
    ]
    rows = _csv(client.get("/reports/dashboard/trends/", {"year": 2024, "years": 2, "csv": "trends"},
                           HTTP_ACCEPT_LANGUAGE="en"))
    # Indicators by their names, never their codes; units by their names.
    assert rows[1] == ["Indicator", "Unit", "2023", "2023 source", "2024", "2024 source"]
    leaders = next(r for r in rows[1:] if r[0] == "Outgoing delegations of provincial leaders")
    assert leaders[1:] == ["count", "0", "computed", "5", "reported"]
    rows = _csv(client.get("/reports/dashboard/map/", {"year": 2024, "csv": "countries"}, HTTP_ACCEPT_LANGUAGE="en"))
    assert rows[1:] == [["Country", "Partners", "Outgoing", "Incoming"], ["Laos", "1", "1", "1"],
                        ["Japan", "1", "1", "0"]]


def test_hub_numbers_link_to_the_records_behind_them(client, officer, province):
    client.force_login(officer)
    body = client.get("/reports/dashboard/", {"year": 2024}).content.decode()
    assert "/reports/figures/delegations_out/?start=2024-01-01&amp;end=2024-12-31" in body
    # A cell of the breakdown opens the delegations list with the same filters.
    cell = "/delegations/?year=2024&amp;status=completed%2Creported%2Cevaluated&amp;direction=outgoing&amp;pillar=party"
    assert cell in body
    trends = client.get("/reports/dashboard/trends/", {"year": 2024}).content.decode()
    assert "/reports/figures/events_held/?start=2024-01-01&amp;end=2024-12-31" in trends


def test_reports_list_links_the_dashboards(client, officer):
    client.force_login(officer)
    body = client.get("/reports/").content.decode()
    for path in ("/reports/dashboard/", "/reports/effectiveness/", "/reports/relationships/"):
        assert f'href="{path}"' in body


def _add_records(n: int, unit) -> None:
    for index in range(n):
        day = date(2024, 1 + index % 12, 1 + index % 28)
        out = DelegationFactory(host_unit=unit, start_on=day, end_on=day, level="provincial_leader")
        out.countries.set(["LA", "KR"])
        incoming = DelegationFactory(host_unit=unit, start_on=day, end_on=day, direction="incoming",
                                     reception="received", foreign_visitors=2)
        incoming.countries.set(["JP"])
        AgreementFactory(signed_on=day, valid_until=date.today() + timedelta(days=index + 1),
                         status="in_force").units.set([unit])
        EventFactory(unit=unit, start_on=date.today() + timedelta(days=index % 60), end_on=None)
        DelegationFactory(host_unit=unit, start_on=date.today() + timedelta(days=index % 60), end_on=None,
                          status="approved")


@pytest.mark.parametrize("path", ["/reports/dashboard/", "/reports/dashboard/trends/", "/reports/dashboard/map/",
                                  "/reports/dashboard/calendar/"])
def test_dashboard_pages_cost_the_same_queries_for_few_and_many_records(client, officer, path):
    unit = UnitFactory()
    client.force_login(officer)

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {"year": 2024})
        assert response.status_code == 200
        return len(queries)

    _add_records(2, unit)
    count()
    few = count()
    _add_records(25, unit)
    assert count() == few


def test_svg_coordinates_are_not_localised_in_vietnamese(client, officer, province):
    """Vietnamese writes 40,5 for 40.5; SVG coordinates must keep the dot."""
    import re

    client.force_login(officer)
    for path in ("/reports/dashboard/", "/reports/dashboard/trends/", "/reports/dashboard/map/"):
        body = client.get(path, {"year": 2024}, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
        assert 'lang="vi"' in body
        assert re.search(r'\b(x|y|x1|x2|y1|y2|cx|cy|width|height)="-?\d+,\d', body) is None, path


def test_the_dashboard_opens_on_the_latest_year_with_data_and_runs_this_year_to_today(client, officer, province):
    from django.utils import timezone

    today = timezone.localdate()
    client.force_login(officer)
    # The bundle's records and figures end before this year: the dashboard opens on their latest
    # year, not on an empty one.
    latest = dashboards.data_years(officer, today=today)[0]
    assert 2024 <= latest < today.year
    body = client.get("/reports/dashboard/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"01/01/{latest}–31/12/{latest}" in body and f'<option value="{latest}" selected>' in body
    assert f'<option value="{today.year}">' in body  # this year is one choice away
    # Asked for, the year in progress runs to today: compared with the same days of last year.
    body = client.get("/reports/dashboard/", {"year": today.year}, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert f"01/01/{today.year}–{today:%d/%m/%Y}" in body
    # Once this year has activity, it is the one the dashboard opens on.
    DelegationFactory(direction="outgoing", status="completed", start_on=today.replace(month=1, day=1), end_on=None)
    assert dashboards.opening_year(officer, today=today) == today.year
    # A unit officer's years are those of the unit's records.
    other = UnitFactory(ref="elsewhere")
    unit_officer = officer.__class__.objects.create(username="u-elsewhere", role="unit_officer", unit=other)
    assert today.year not in dashboards.data_years(unit_officer, today=today)
