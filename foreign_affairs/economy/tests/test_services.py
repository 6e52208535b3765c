"""Rules of the economy records, as services and selectors apply them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import translation

from foreign_affairs.economy.data import INDICATORS
from foreign_affairs.economy.models import FDIProject, Indicator, ODAProgramme
from foreign_affairs.economy.selectors import fdi_figures, oda_figures, statistic_list
from foreign_affairs.economy.services import fdi_project_save, indicators_load

from .factories import CapitalAdjustmentFactory, FDIProjectFactory, ODAProgrammeFactory, StatisticFactory

pytestmark = pytest.mark.django_db
YEAR_2024 = {"start": date(2024, 1, 1), "end": date(2024, 12, 31)}


def test_indicator_catalogue_is_seeded_and_reload_keeps_admin_edits():
    assert Indicator.objects.count() == len(INDICATORS) == 24
    Indicator.objects.filter(code="workers_abroad").update(name_en="Edited")
    Indicator.objects.create(code="tourists", name_vi="Khách", name_en="Tourists", unit="persons")
    indicators_load()
    assert Indicator.objects.get(code="workers_abroad").name_en == "Edited"
    assert Indicator.objects.count() == 25


def test_negative_capital_is_refused_by_service_and_database(officer):
    with translation.override("en"):
        with pytest.raises(ValidationError) as exc:
            fdi_project_save(project=FDIProject(name="X", capital_usd=Decimal("-1")), actor=officer)
        assert exc.value.message_dict == {"capital_usd": ["Registered capital cannot be negative."]}
    with pytest.raises(IntegrityError):
        FDIProject.objects.create(name="Y", capital_usd=Decimal("-1"))


def test_oda_years_refused_by_database():
    with pytest.raises(IntegrityError):
        ODAProgramme.objects.create(name="P", start_year=2025, end_year=2020)


def test_adjustment_rows_are_replaced_and_checked(officer):
    project = fdi_project_save(project=FDIProject(name="P", capital_usd=Decimal(10)), actor=officer,
                               adjustments=[{"date": date(2024, 5, 1), "delta_usd": Decimal("-3.50")}])
    assert [a.delta_usd for a in project.adjustments.all()] == [Decimal("-3.50")]
    with pytest.raises(ValidationError):
        fdi_project_save(project=project, actor=officer, adjustments=[{"date": None, "delta_usd": Decimal(1)}])
    assert project.adjustments.count() == 1  # the failed change was rolled back


def test_fdi_figures_count_new_and_adjusted_capital():
    new = FDIProjectFactory(registered_on=date(2024, 3, 1), capital_usd=Decimal("100.50"))
    old = FDIProjectFactory(registered_on=date(2023, 3, 1), capital_usd=Decimal("999"))
    CapitalAdjustmentFactory(project=old, date=date(2024, 6, 1), delta_usd=Decimal("50"))
    CapitalAdjustmentFactory(project=old, date=date(2024, 7, 1), delta_usd=Decimal("-20"))
    CapitalAdjustmentFactory(project=new, date=date(2025, 1, 1), delta_usd=Decimal("7"))
    assert fdi_figures(**YEAR_2024) == {
        "fdi_new_projects": 1,
        "fdi_new_capital_usd": Decimal("100.50"),
        "fdi_adjusted_projects": 1,
        "fdi_adjusted_capital_usd": Decimal("30"),
        "fdi_total_capital_usd": Decimal("130.50"),
    }


def test_oda_active_programmes_overlap_and_not_cancelled():
    ODAProgrammeFactory(start_year=2020, end_year=2024, total_vnd=10)
    ODAProgrammeFactory(start_year=2024, end_year=None, total_vnd=5)
    ODAProgrammeFactory(start_year=2020, end_year=2023, total_vnd=100)
    ODAProgrammeFactory(start_year=2022, end_year=2026, total_vnd=1000, status="cancelled")
    assert oda_figures(**YEAR_2024) == {"oda_active_programmes": 2, "oda_total_investment_vnd": 15}


def test_two_sources_for_the_same_figure_are_both_kept():
    a = StatisticFactory(source_title="Báo Nghệ An", value=Decimal("1298000000"))
    b = StatisticFactory(source_title="Cổng thông tin", value=Decimal("1603000000"))
    assert list(statistic_list(indicator="export_turnover_usd", start=date(2023, 1, 1), end=date(2023, 12, 31))) == [
        a, b
    ]
    a.plan = Decimal("14501")
    a.value = Decimal("18639")
    assert a.fulfilment_pct == Decimal("128.54")
