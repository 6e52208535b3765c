"""factory_boy factories for the economy records."""

import datetime
from decimal import Decimal

import factory

from foreign_affairs.economy.models import (
    AftercareIssue,
    AftercareVisit,
    CapitalAdjustment,
    FDIProject,
    Indicator,
    InvestmentLead,
    LeadContact,
    ODADisbursement,
    ODAProgramme,
    Statistic,
)


class FDIProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FDIProject

    ref = factory.Sequence(lambda n: f"fdi-{n}")
    name = factory.Sequence(lambda n: f"Test Factory {n}")
    investor = "Test Investor Co."
    investor_country_id = "KR"
    registered_on = datetime.date(2024, 4, 1)
    capital_usd = Decimal("1000000.00")


class CapitalAdjustmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapitalAdjustment

    project = factory.SubFactory(FDIProjectFactory)
    date = datetime.date(2024, 9, 1)
    delta_usd = Decimal("250000.00")


class ODAProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ODAProgramme

    ref = factory.Sequence(lambda n: f"oda-{n}")
    name = factory.Sequence(lambda n: f"Test Programme {n}")
    donors = ["ADB"]
    kind = "oda_loan"
    total_vnd = 1_000_000_000
    oda_vnd = 800_000_000
    start_year = 2021
    end_year = 2025
    status = "active"


class ODADisbursementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ODADisbursement

    programme = factory.SubFactory(ODAProgrammeFactory)
    year = 2023
    amount_vnd = 100_000_000


class StatisticFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statistic

    indicator = factory.LazyFunction(lambda: Indicator.objects.get(code="export_turnover_usd"))
    start = datetime.date(2023, 1, 1)
    end = datetime.date(2023, 12, 31)
    value = Decimal("2450000000")
    source_title = factory.Sequence(lambda n: f"Source {n}")


class InvestmentLeadFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InvestmentLead

    ref = factory.Sequence(lambda n: f"lead-{n}")
    name = factory.Sequence(lambda n: f"Test Plant {n}")
    investor = "Test Investor Co."
    country_id = "KR"
    stage = "contacted"
    received_on = datetime.date(2024, 3, 1)


class LeadContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LeadContact

    lead = factory.SubFactory(InvestmentLeadFactory)
    date = datetime.date(2024, 3, 5)
    kind = "meeting"
    summary = "Working meeting"


class AftercareVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AftercareVisit

    ref = factory.Sequence(lambda n: f"visit-{n}")
    project = factory.SubFactory(FDIProjectFactory)
    date = datetime.date(2024, 11, 20)
    participants = "Department of Foreign Affairs"


class AftercareIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AftercareIssue

    ref = factory.Sequence(lambda n: f"issue-{n}")
    project = factory.SubFactory(FDIProjectFactory)
    raised_on = datetime.date(2024, 11, 20)
    issue = factory.Sequence(lambda n: f"Test issue {n}")
