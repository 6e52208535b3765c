"""The whole Nghệ An demo (issue 16): the sourced bundle and its illustrative part, loaded by
``demo_setup`` as ``make run`` does. The figures the sources publish for 2022–2025 are what the
records give; every page and every role has something to show; illustrative records carry the
mark and sourced ones do not (docs/demo.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from foreign_affairs.core.bundle import import_bundle, load_bundle_file
from foreign_affairs.core.bundle.sections import section_specs
from foreign_affairs.core.models import User
from foreign_affairs.economy.models import Statistic
from foreign_affairs.reports.figures import figures
from foreign_affairs.reports.indicators import RULES, Scope
from foreign_affairs.reports.periods import Period, period_for

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[3]
SOURCED = REPO / "demo" / "nghe-an.yaml"
ILLUSTRATIVE = REPO / "demo" / "nghe-an-illustrative.json"
DEMO_TODAY = date(2025, 12, 19)  # demo/generate.py
# Published figures the records cannot both give, because two published sources count differently
# (docs/demo.md): the FIA's 2024 total includes USD 0.04 m of capital contributions that are no
# FDI project, while the same year's published new and adjusted capital (which the records give)
# leave them out.
DISAGREEMENTS = {("fdi_total_capital_usd", date(2024, 1, 1), date(2024, 12, 31))}
COMPUTED = set(RULES) | {"fdi_adjusted_projects", "fdi_adjusted_capital_usd", "fdi_total_capital_usd"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        out = StringIO()
        call_command("demo_setup", stdout=out)
    yield out.getvalue()
    with django_db_blocker.unblock():
        call_command("flush", "--noinput", verbosity=0)


def _user(name: str) -> User:
    return User.objects.get(username=name)


def test_the_demo_imports_cleanly_and_importing_it_again_changes_nothing(demo):
    from simple_history.models import registered_models

    assert "nghe-an.yaml" in demo and "nghe-an-illustrative.json" in demo
    history = {model: model.history.model.objects.count() for model in registered_models.values()
               if hasattr(model, "history")}
    for path in (SOURCED, ILLUSTRATIVE):
        result = import_bundle(load_bundle_file(path))
        assert result.ok, [str(e) for e in result.errors]
        assert not any(result.created.values()), result.created
        assert result.updated == result.unchanged, path
    assert {model: model.history.model.objects.count() for model in history} == history


def _published_periods():
    """Every period with a published figure of an indicator the register computes, 2022–2025."""
    rows = Statistic.objects.filter(indicator__code__in=COMPUTED, start__year__gte=2022, end__year__lte=2025)
    return sorted({(s.start, s.end) for s in rows})


def test_every_published_figure_of_2022_2025_is_what_the_records_give(demo):
    periods = _published_periods()
    # The four years and the January–October 2025 figures of seeds/001 are among them.
    for year in (2022, 2023, 2024, 2025):
        assert (date(year, 1, 1), date(year, 12, 31)) in periods, year
    assert (date(2025, 1, 1), date(2025, 10, 31)) in periods
    checked = 0
    for start, end in periods:
        period = Period(start=start, end=end, kind="range")
        for code, figure in figures(period=period, scope=Scope.for_unit(None)).items():
            if figure.reported is None or code not in COMPUTED:
                continue
            checked += 1
            if (code, start, end) in DISAGREEMENTS:
                assert figure.mismatch, f"{code} {start}–{end}: the documented disagreement is gone"
            else:
                assert figure.computed == figure.reported, f"{code} {start}–{end}: {figure.computed}, {figure.reported}"
    assert checked >= 20
    # 2023: the FIA's whole-year total is kept beside the provincial one the records give.
    fdi_2023 = figures(period=period_for("annual", year=2023), scope=Scope.for_unit(None))["fdi_total_capital_usd"]
    assert fdi_2023.computed == fdi_2023.reported == 1_298_000_000
    assert [alt["value"] for alt in fdi_2023.alternatives] == [1_603_000_000]


def test_the_published_ngo_and_aid_figures_are_what_the_records_give(demo):
    from foreign_affairs.aid.selectors import aid_figures, ngo_registered_list

    mid_2024 = Statistic.objects.get(indicator__code="ngo_registered", start=date(2024, 1, 1))
    assert ngo_registered_list(on=mid_2024.end).count() == mid_2024.value == 64
    aid = aid_figures(start=date(2023, 1, 1), end=date(2023, 12, 31))
    published = {s.indicator.code: s.value for s in Statistic.objects.filter(start=date(2023, 1, 1),
                                                                               indicator__code__startswith="aid_")}
    assert (aid["aid_approved_projects"], aid["aid_approved_non_projects"]) == (
        published["aid_approved_projects"], published["aid_approved_non_projects"]) == (6, 5)


def test_illustrative_records_carry_the_mark_and_sourced_ones_do_not(demo):
    specs = section_specs()
    for path, default in ((SOURCED, False), (ILLUSTRATIVE, True)):
        data = load_bundle_file(path)
        for name, records in data.items():
            if name in ("format", "province") or name == "statistics":
                continue
            model = specs[name].model
            for record in records:
                stored = model.objects.get(ref=record["ref"])
                # Sourced parents of illustrative rows (Plan 134-KH/TU, the 2026 programme) are
                # written without the mark; every other record of the illustrative file has it.
                assert stored.illustrative == record.get("illustrative", False), (name, record["ref"])
                if default:
                    assert record.get("illustrative") or name in ("plans", "programmes"), (name, record["ref"])
                else:
                    assert not stored.illustrative, (name, record["ref"])
    from foreign_affairs.plans.models import ProgrammeItem, Task

    assert not Task.objects.filter(illustrative=False).exists()
    assert set(ProgrammeItem.objects.filter(illustrative=False).values_list("ref", flat=True)) == set()


def test_every_list_page_has_rows_for_an_officer_and_can_be_filtered_by_the_mark(demo, client):
    from foreign_affairs.web import registry

    client.force_login(_user("officer"))
    for rt in registry.REGISTRY.values():
        response = client.get(rt.list_url())
        assert response.status_code == 200, rt.slug
        assert response.context["page_obj"].paginator.count > 0, f"{rt.slug}: no rows"
        names = [control.name for control in response.context["controls"]]
        assert "illustrative" in names, rt.slug
    delegations = registry.REGISTRY["delegations"]
    marked = client.get(delegations.list_url(), {"illustrative": "true"}).context["page_obj"].paginator.count
    sourced = client.get(delegations.list_url(), {"illustrative": "false"}).context["page_obj"].paginator.count
    assert marked > 500 and 0 < sourced < 20
    page = client.get(delegations.list_url(), {"illustrative": "true"}).content.decode()
    assert "app-illustrative" in page


def _rows(response) -> dict[str, int]:
    return {table.key: len(table.rows) for table in response.context["tables"]}


def test_every_dashboard_has_rows_for_an_officer(demo, client):
    from django.urls import reverse

    client.force_login(_user("officer"))
    home = client.get("/", {"year": 2025})
    totals = home.context["figures"].totals
    assert min(totals.delegations_out, totals.delegations_in_received, totals.delegations_in_permitted,
               totals.events_held, home.context["figures"].agreements_signed) > 0
    pages = {
        "reports:dashboard": {"year": 2025},
        "reports:dashboard_trends": {"year": 2025},
        "reports:dashboard_map": {"year": 2025},
        "reports:dashboard_calendar": {"from": DEMO_TODAY.isoformat()},
        "reports:effectiveness": {},
        "reports:relationships": {},
    }
    for name, query in pages.items():
        response = client.get(reverse(name), query)
        assert response.status_code == 200, name
        rows = _rows(response)
        assert rows and max(rows.values()) > 0, (name, rows)
    # The effectiveness page ranks trips by their cost and what followed them.
    ranked = client.get(reverse("reports:effectiveness")).context["ranked"]
    assert len(ranked.with_cost) > 100
    assert sum(1 for e in ranked.with_cost if e.fdi_linked or e.agreements_linked) > 10


def test_the_2025_cards_are_filled_for_every_demo_role(demo):
    from foreign_affairs.web.selectors import year_figures

    for user in User.objects.all():
        year = year_figures(year=2025, user=user)
        totals = year.totals
        cards = (totals.delegations_out, totals.delegations_in_received, totals.delegations_in_permitted,
                 totals.events_held, year.agreements_signed)
        assert min(cards) > 0, (user.username, cards)


@pytest.mark.parametrize("today", [DEMO_TODAY, None])
def test_each_demo_role_has_work_waiting(demo, today):
    from foreign_affairs.notifications.selectors import worklist

    today = today or timezone.localdate()
    actions = {}
    for user in User.objects.all():
        work = worklist(user=user, today=today)
        assert work.needs_action.count or work.overdue.count, user.username
        actions[user.username] = {name for item in work.needs_action.items for name, _label in item.actions}
    # The Department of Industry and Trade submits its drafts, marks a trip back home, files a
    # report; the office appraises; the leaders decide.
    assert {"submit", "complete", "report"} <= actions["unit"]
    assert "appraise" in actions["officer"]
    assert "approve" in actions["leader"]
    assert _user("unit").unit.ref == "so-cong-thuong"


def test_plan_134_and_the_programmes_hold_their_sources_and_illustrative_rows(demo):
    from decimal import Decimal

    from foreign_affairs.plans.models import Plan, Programme, Task
    from foreign_affairs.plans.selectors import plan_scorecard, programme_fulfilment

    # Plan 134-KH/TU: seven groups, 1 and 2 confirmed by seeds/002, the others say they are not
    # published; every task illustrative, with progress reported by its lead unit.
    plan = Plan.objects.get(number="134-KH/TU")
    assert not plan.illustrative and plan.notes.startswith("Source: seeds/002")
    groups = list(plan.groups.order_by("ordinal"))
    assert [g.ordinal for g in groups] == [1, 2, 3, 4, 5, 6, 7]
    assert all(g.notes.startswith("Confirmed by seeds/002") for g in groups[:2])
    assert all(g.notes.startswith("Not published") for g in groups[2:])
    tasks = Task.objects.filter(group__plan=plan)
    assert all(t.illustrative and t.notes.startswith("Illustrative") for t in tasks)
    assert all(g.tasks.exists() for g in groups)
    assert tasks.filter(progress__isnull=False).distinct().count() >= tasks.count() - 1
    assert plan_scorecard(plan)["total"]["total"] == tasks.count()
    # The 2025 programme, approved, its items linked to what took place; the 2026 draft (seeds/001).
    programme_2025 = Programme.objects.get(year=2025)
    assert programme_2025.status == "approved" and programme_2025.illustrative
    assert Decimal("50") < programme_fulfilment(programme_2025)["fulfilment_pct"] < Decimal("100")
    programme_2026 = Programme.objects.get(year=2026)
    assert programme_2026.status == "draft" and not programme_2026.illustrative
    assert programme_2026.items.count() > 10 and not programme_2026.items.filter(illustrative=False).exists()


def test_the_saved_annual_reports_have_no_empty_section(demo):
    from foreign_affairs.reports.models import Report
    from foreign_affairs.reports.selectors import report_build

    def empty_sections(section):
        rows = sum(len(table.get("rows") or []) for table in section.get("tables") or [] if table)
        if not (section.get("paragraphs") or section.get("figures") or rows or section.get("subsections")):
            yield section.get("key")
        for sub in section.get("subsections") or []:
            yield from empty_sections(sub)

    for year in (2023, 2024, 2025):
        report = Report.objects.get(kind="annual", start=date(year, 1, 1), end=date(year, 12, 31))
        built = report_build(period=period_for("annual", year=year), lang="vi", report=report)
        assert [key for section in built["sections"] for key in empty_sections(section)] == [], year


def test_the_committed_illustrative_bundle_is_what_the_generator_writes():
    done = subprocess.run([sys.executable, str(REPO / "demo" / "generate.py"), "--check"], cwd=REPO,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr or done.stdout
    data = json.loads(ILLUSTRATIVE.read_text("utf-8"))
    assert data["format"] == "fa-bundle/1"
