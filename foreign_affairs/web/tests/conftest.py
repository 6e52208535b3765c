"""Fixtures of the web app's tests: one linked record of each type, clients per role."""

import datetime
from decimal import Decimal

import pytest

from foreign_affairs.aid.tests.factories import (
    AidDisbursementFactory,
    AidItemFactory,
    ForeignNGOFactory,
    NGOCertificateFactory,
)
from foreign_affairs.consular.tests.factories import ConsularCaseFactory
from foreign_affairs.core.models import Field
from foreign_affairs.core.tests.factories import (
    AgreementFactory,
    ContactFactory,
    DelegationFactory,
    DelegationMemberFactory,
    EventFactory,
    InteractionFactory,
    PartnerFactory,
    UnitFactory,
)
from foreign_affairs.economy.tests.factories import (
    AftercareIssueFactory,
    AftercareVisitFactory,
    CapitalAdjustmentFactory,
    FDIProjectFactory,
    InvestmentLeadFactory,
    LeadContactFactory,
    ODADisbursementFactory,
    ODAProgrammeFactory,
    StatisticFactory,
)
from foreign_affairs.plans.tests.factories import PlanFactory, TaskFactory, TaskGroupFactory, TaskProgressFactory


@pytest.fixture(autouse=True)
def _scratch_dirs(tmp_path, settings):
    """Uploads and import temp files go to a per-test directory, never var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"


@pytest.fixture
def login(client):
    """``login(user)`` → the test client signed in as ``user``, asking for English pages."""

    def sign_in(user, lang="en"):
        client.force_login(user)
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = lang
        return client

    return sign_in


@pytest.fixture
def records(db):
    """A unit tree, a partner with contacts and a log, an agreement, an event and a delegation
    with members, all linked the way the office links them."""
    return one_record_of_each_type()


def one_record_of_each_type(programme_year: int = 2026) -> dict:
    """The records of the ``records`` fixture (also walked by tests/i18n on top of the demo, which
    has a programme for 2026)."""
    province = UnitFactory(ref="province", name_vi="Tỉnh Nghệ An", name_en="Nghe An Province", kind="peoples_committee")
    dofa = UnitFactory(ref="dofa", name_vi="Sở Ngoại vụ", name_en="Department of Foreign Affairs", parent=province)
    partner = PartnerFactory(
        ref="p-houaphanh",
        name_vi="Tỉnh Hủa Phăn",
        name_en="Houaphanh Province",
        aliases=["Hua Phan"],
        relationship="special_traditional",
    )
    partner.fields.set(Field.objects.filter(code__in=["political", "economic"]))
    contact = ContactFactory(partner=partner, name="Khamphan", email="k@example.la")
    InteractionFactory(partner=partner, unit=dofa, summary="Working meeting on border trade")
    agreement = AgreementFactory(
        ref="agr-1", valid_from=datetime.date(2024, 5, 10), valid_until=datetime.date(2029, 5, 9)
    )
    agreement.units.set([dofa])
    agreement.partners.set([partner])
    event = EventFactory(ref="evt-1", unit=dofa, title="Hội thảo hợp tác Việt – Lào")
    event.partners.set([partner])
    delegation = DelegationFactory(
        ref="del-1",
        host_unit=dofa,
        title="Đoàn công tác thăm Hủa Phăn",
        budget_vnd=1234567,
        start_on=datetime.date(2023, 11, 5),
    )
    delegation.countries.set(["LA"])
    delegation.partners.set([partner])
    delegation.agreements.set([agreement])
    delegation.events.set([event])
    member = DelegationMemberFactory(
        delegation=delegation,
        full_name="Nguyễn Văn Bình",
        passport_number="C7654321",
        date_of_birth=datetime.date(1975, 2, 3),
    )
    fdi = FDIProjectFactory(
        ref="fdi-1",
        name="Nhà máy linh kiện điện tử",
        origin_delegation=delegation,
        origin_event=event,
        sector="Điện tử",
    )
    CapitalAdjustmentFactory(project=fdi, note="Tăng vốn")
    oda = ODAProgrammeFactory(ref="oda-1", name="Dự án cấp nước nông thôn", donors=["ADB", "JICA"])
    ODADisbursementFactory(programme=oda)
    statistic = StatisticFactory(ref="stat-1", plan=Decimal("2500000000"))
    plan = PlanFactory(
        ref="plan-1",
        number="134-KH/TU",
        title="Kế hoạch thực hiện Chỉ thị 15-CT/TW về ngoại giao kinh tế",
        issuer="Ban Thường vụ Tỉnh ủy",
        issued_on=datetime.date(2023, 3, 1),
    )
    task_group = TaskGroupFactory(plan=plan, ordinal=1, title="Nâng cao nhận thức về ngoại giao kinh tế")
    task = TaskFactory(
        ref="task-1",
        group=task_group,
        title="Tổ chức hội nghị quán triệt",
        lead_unit=province,
        due_on=datetime.date(2030, 12, 31),
    )
    task.supporting_units.set([dofa])
    TaskProgressFactory(task=task, date=datetime.date(2024, 6, 30), percent=40)
    consular_case = ConsularCaseFactory(
        ref="cc-1", kind="detention", country_id="LA", subject_name="Trần Thị Hoa", summary="Bị tạm giữ"
    )
    from foreign_affairs.reports.models import Report

    report = Report.objects.create(ref="rpt-1", kind="annual", start=datetime.date(2023, 1, 1),
                                   end=datetime.date(2023, 12, 31), number="12/BC-SNgV")
    finance = UnitFactory(ref="finance", name_vi="Sở Tài chính", name_en="Department of Finance", parent=province)
    lead = InvestmentLeadFactory(ref="lead-1", owner_unit=finance, origin_delegation=delegation, origin_event=event,
                                 response_due_on=datetime.date(2024, 3, 20))
    LeadContactFactory(lead=lead, unit=finance)
    visit = AftercareVisitFactory(ref="visit-1", project=fdi, unit=finance)
    issue = AftercareIssueFactory(ref="issue-1", project=fdi, visit=visit, responsible_unit=finance)
    ngo = ForeignNGOFactory(ref="ngo-1", partner=PartnerFactory(ref="p-ngo", kind="ngo", name_en="Water Test",
                                                                 country_id="US"))
    ngo.counterpart_units.set([finance])
    certificate = NGOCertificateFactory(ref="ngocert-1", ngo=ngo)
    aid = AidItemFactory(ref="aid-1", donor=ngo.partner, managing_unit=finance, status="approved",
                         approval_no="1/QĐ-UBND", approved_on=datetime.date(2024, 5, 15))
    aid.beneficiary_units.set([province])
    AidDisbursementFactory(item=aid)
    people = _people_records(partner=partner, delegation=delegation, task=task, programme_year=programme_year)
    return {
        **people,
        "reports": report,
        "investment-leads": lead,
        "aftercare-visits": visit,
        "aftercare-issues": issue,
        "foreign-ngos": ngo,
        "ngo-certificates": certificate,
        "aid-items": aid,
        "fdi-projects": fdi,
        "oda-programmes": oda,
        "statistics": statistic,
        "plans": plan,
        "task": task,
        "consular-cases": consular_case,
        "units": dofa,
        "province": province,
        "partners": partner,
        "contact": contact,
        "agreements": agreement,
        "events": event,
        "delegations": delegation,
        "member": member,
    }


def _people_records(*, partner, delegation, task, programme_year: int) -> dict:
    """A programme with an item the delegation carried out, the task's evidence, and one record
    of each of people's records, linked the way the office links them."""
    from foreign_affairs.people.tests.factories import (
        BorderEventFactory,
        BorderFigureFactory,
        BorderItemFactory,
        ExpertFactory,
        HonourAwardFactory,
        JournalistReporterFactory,
        JournalistVisitFactory,
        OverseasCommunityFigureFactory,
    )
    from foreign_affairs.plans.tests.factories import ProgrammeFactory, ProgrammeItemFactory, TaskLinkFactory

    dofa = UnitFactory(ref="dofa-people", name_vi="Phòng Người Việt Nam ở nước ngoài",
                       name_en="Overseas Vietnamese Office")
    programme = ProgrammeFactory(ref=f"prog-{programme_year}", year=programme_year,
                                 title=f"Chương trình đối ngoại năm {programme_year}")
    item = ProgrammeItemFactory(programme=programme, title="Đoàn công tác thăm Hủa Phăn", lead_unit=dofa,
                                delegation=delegation, status="done")
    item.partners.set([partner])
    TaskLinkFactory(task=task, delegation=delegation, date=datetime.date(2023, 11, 10))
    visit = JournalistVisitFactory(ref="press-1", outlet="NHK", accompanying_unit=dofa)
    JournalistReporterFactory(visit=visit, full_name="Tanaka Hiroshi")
    gate = BorderItemFactory(ref="gate-1", kind="border_gate", gate_class="secondary", name="Cửa khẩu Thông Thụ",
                             opposite_province=partner)
    event = BorderEventFactory(ref="bevent-1", unit=dofa, title="Kiểm tra song phương")
    event.items.set([gate])
    return {
        "plan-tasks": task,
        "programmes": programme,
        "programme-items": item,
        "journalist-visits": visit,
        "honours": HonourAwardFactory(ref="honour-1", recipient_partner=partner, proposer_unit=dofa),
        "overseas-community": OverseasCommunityFigureFactory(ref="ov-1", population=100000, countries=110),
        "experts": ExpertFactory(ref="expert-1", full_name="Nguyễn Chuyên Gia"),
        "border-items": gate,
        "border-events": event,
        "border-figures": BorderFigureFactory(ref="bfig-1", opposite_province=partner),
    }
