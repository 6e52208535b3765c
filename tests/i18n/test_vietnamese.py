"""Every page, form, message, e-mail and document a Vietnamese user reads is in Vietnamese.

With the Nghe An demo loaded and the language ``vi``, the walk opens every page of the site's URL
patterns as each demo role would (lists with their filters, details, add and edit forms with
invalid input so the errors show, workflow steps and a refused one, imports with a bad file,
reports as a page and as DOCX, PDF and JSON, dashboards, the worklist, notifications, the
e-mails of the workflow) while ``record_untranslated`` notes every msgid the Vietnamese catalogue
cannot translate. The pages come from the URL patterns and the record registry, so a new record
type is walked by itself and a new kind of page fails the test until the walk knows it.

A second test reads the catalogue itself: no empty or fuzzy ``msgstr`` and no stale ``.mo``.
"""

from __future__ import annotations

import io
import re
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from foreign_affairs.web.tests.conftest import one_record_of_each_type

from .untranslated import record_untranslated

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "nghe-an.yaml"
PO_FILE = ROOT / "foreign_affairs" / "locale" / "vi" / "LC_MESSAGES" / "django.po"

# The demo logins (core/management/commands/demo_setup.py), each walking what its role may open.
ROLES = ("officer", "leader", "unit", "viewer", "admin")

# Msgids a Vietnamese officer reads as they are, in both languages.
ALLOWED = {
    "…": "an ellipsis: the same in every language",
    "%(truncated_text)s…": "Django's ellipsis after shortened text (its own catalogue has no Vietnamese entry)",
}

# URL patterns the walk does not open, and why. Every other pattern must be opened.
NOT_WALKED = {
    "logout": "a POST that signs out; no page of its own",
    "set_language": "a POST that switches the language and redirects",
    "password_change": "Django admin's templates (the admin is out of scope)",
    "password_change_done": "Django admin's templates (the admin is out of scope)",
    "password_reset": "Django admin's templates (the admin is out of scope)",
    "password_reset_done": "Django admin's templates (the admin is out of scope)",
    "password_reset_confirm": "Django admin's templates (the admin is out of scope)",
    "password_reset_complete": "Django admin's templates (the admin is out of scope)",
}


# --- the site's pages -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # "web:delegations_detail"
    view: str  # the view class's name
    initkwargs: dict


def routes() -> Iterator[Route]:
    """Every named URL pattern of the site outside the admin and the API."""

    def walk(resolver, namespace: str):
        for item in resolver.url_patterns:
            if isinstance(item, URLResolver):
                if str(item.pattern) in ("admin/", "api/v1/"):
                    continue
                yield from walk(item, item.namespace or namespace)
            elif isinstance(item, URLPattern) and item.name:
                callback = item.callback
                yield Route(
                    name=f"{namespace}:{item.name}" if namespace else item.name,
                    view=getattr(callback, "view_class", callback).__name__,
                    initkwargs=getattr(callback, "view_initkwargs", {}),
                )

    yield from walk(get_resolver(), "")


# --- the demo -------------------------------------------------------------------------------------


@pytest.fixture
def demo(db, tmp_path, settings):
    """The Nghe An demo with its logins (each with an e-mail address: the workflow mails them),
    one record of every registry type the demo lacks, and records in every workflow status."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("demo_setup", str(DEMO), stdout=io.StringIO())
    from foreign_affairs.core.models import User

    for user in User.objects.all():
        user.email = f"{user.username}@so-ngoai-vu.example.vn"
        user.save(update_fields=["email"])
    records = one_record_of_each_type(programme_year=2031)
    from foreign_affairs.consular.tests.factories import ConsularCaseActionFactory

    ConsularCaseActionFactory(case=records["consular-cases"])


def one_record_per_status(registry) -> None:
    """The demo's delegations, agreements and events are mostly done; the walk needs one of each
    status (both directions for delegations), in the demo unit officer's unit: copies of a demo
    record with the status set."""
    from foreign_affairs.core.models import User
    from foreign_affairs.web.views.workflow import WORKFLOW_TYPES

    unit = User.objects.get(username="unit").unit
    for slug in WORKFLOW_TYPES:
        model = registry.get(slug).model
        scope = model.unit_scope
        directions = ("outgoing", "incoming") if slug == "delegations" else (None,)
        statuses = [value for value, _label in model._meta.get_field("status").choices]
        for direction in directions:
            template = model.objects.filter(**({"direction": direction} if direction else {})).order_by("pk").first()
            for status in statuses:
                copy = model.objects.get(pk=template.pk)
                copy.pk = copy.id = None
                copy.ref = f"i18n-walk-{slug}-{direction}-{status}"
                copy.status = status
                if scope == "units":
                    copy.save()
                    copy.units.set([unit])
                else:
                    setattr(copy, scope, unit)
                    copy.save()


def finalised_report():
    """A saved report finalised (without its files, which the report pages render anyway)."""
    from foreign_affairs.core.models import User
    from foreign_affairs.reports.models import Report
    from foreign_affairs.reports.services import report_finalise

    report = Report.objects.filter(status="draft").exclude(number="").order_by("pk").first()
    if report is None:
        report = Report.objects.order_by("pk").first()
        report.pk = report.id = None
        report.ref, report.status, report.number, report.snapshot = "i18n-walk-report", "draft", "9/BC-SNgV", None
        report.save()
    report_finalise(report=report, actor=User.objects.get(username="officer"), render_files=False)


# --- the walk -------------------------------------------------------------------------------------


class Walk:
    """Opens pages as one user after another, naming each page for the recorder. ``thorough``:
    also the variants whose texts do not depend on the role (forms posted invalid, filters with
    errors, exports, imports, refused steps, documents); the first role walked is thorough."""

    def __init__(self, seen):
        self.seen = seen
        self.client = Client(HTTP_ACCEPT_LANGUAGE="vi")
        self.role = "anonymous"
        self.user = None
        self.thorough = True
        self.opened: set[str] = set()
        self.failures: list[str] = []
        self.timings: list[tuple[float, str]] = []
        self.steps_seen: set[tuple[str, str]] = set()
        # Called with every response and its page's name (a hook for looking at pages).
        self.inspect: Callable | None = None

    def sign_in(self, username: str | None, *, thorough: bool = False) -> None:
        from foreign_affairs.core.models import User

        self.client = Client(HTTP_ACCEPT_LANGUAGE="vi")
        self.role = username or "anonymous"
        self.thorough = thorough
        self.user = None
        if username:
            self.user = User.objects.get(username=username)
            self.client.force_login(self.user)

    def may(self, perm: str) -> bool:
        return self.user is not None and self.user.has_perm(perm)

    def _request(self, route: str, method: str, url: str, label: str, data=None, ok=(200,), **extra):
        self.seen.where = f"{self.role} {method} {label or url}"
        self.opened.add(route)
        started = time.perf_counter()
        if method == "GET":
            response = self.client.get(url, data, follow=True, **extra)
        else:
            # A POST is a look, not a change: whatever it writes is rolled back.
            with transaction.atomic():
                response = self.client.post(url, data or {}, follow=True, **extra)
                transaction.set_rollback(True)
        self.timings.append((time.perf_counter() - started, self.seen.where))
        if response.status_code not in ok:
            self.failures.append(f"{self.seen.where}: HTTP {response.status_code}")
        # Some responses are made as they are read (files): read them whole.
        body = b"".join(response.streaming_content) if response.streaming else response.content
        if self.inspect is not None:
            self.inspect(response, body, self.seen.where)
        return response

    def get(self, route: str, url: str, data=None, label: str = "", ok=(200,), **extra):
        return self._request(route, "GET", url, label, data, ok, **extra)

    def post(self, route: str, url: str, data=None, label: str = "", ok=(200, 400, 409), **extra):
        return self._request(route, "POST", url, label, data, ok, **extra)


def visible(model, user, action: str = "view"):
    return model.objects.restrict(user, action)


def first(qs):
    return qs.order_by("pk").first()


def samples(rt, user) -> list:
    """The records of a type the walk opens: one of each status where the type has a status
    (and of each direction for delegations), else the first one."""
    qs = visible(rt.model, user)
    field_names = {f.name for f in rt.model._meta.fields}
    kinds = [name for name in ("status", "direction") if name in field_names]
    if not kinds:
        return [obj for obj in [first(qs)] if obj is not None]
    return [first(qs.filter(**values)) for values in qs.order_by().values(*kinds).distinct()]


# Deleting these shows both messages: deleted, and refused while other records use it.
DELETED = ("units", "partners", "delegations")


def record_pages(walk: Walk, registry) -> None:
    """Lists, details, forms, imports and exports of every registry record type.

    A role walked after the thorough one opens what differs by role: each list (its buttons),
    a record with a workflow of each type (the steps it may take), and the add forms where its
    scope narrows them (a unit officer's)."""
    from foreign_affairs.core.querysets import is_unit_scoped
    from foreign_affairs.web.views.workflow import WORKFLOW_TYPES

    user = walk.user
    for rt in registry.REGISTRY.values():
        if not user.has_perm(rt.perm("view")):
            if walk.thorough:
                walk.get(rt.url_name("list"), rt.list_url(), label=f"{rt.slug} list (refused)", ok=(403,))
            continue
        walk.get(rt.url_name("list"), rt.list_url())
        objects = samples(rt, user)
        shown = objects if walk.thorough else objects[:1] if rt.slug in WORKFLOW_TYPES else []
        for obj in shown:
            walk.get(rt.url_name("detail"), rt.detail_url(obj))
        if user.has_perm(rt.perm("add")) and (walk.thorough or is_unit_scoped(user)):
            walk.get(rt.url_name("add"), reverse(rt.url_name("add")))
        if not walk.thorough:
            continue
        editable = [obj for obj in objects if visible(rt.model, user, "change").filter(pk=obj.pk).exists()]
        if editable and user.has_perm(rt.perm("change")):
            walk.get(rt.url_name("edit"), rt.object_url(editable[0], "edit"))
        # Every filter with an impossible value: the filters open, with their errors.
        walk.get(rt.url_name("list"), rt.list_url(), {"search": "nghe an", **{f: "zz-9" for f in rt.filters}},
                 label=f"{rt.slug} list, filtered")
        if user.has_perm(rt.perm("add")):
            walk.post(rt.url_name("add"), reverse(rt.url_name("add")), {"name_vi": "", "title": ""},
                      label=f"{rt.slug} add, invalid")
        deletable = [obj for obj in objects if visible(rt.model, user, "delete").filter(pk=obj.pk).exists()]
        if deletable and user.has_perm(rt.perm("delete")):
            delete = rt.object_url(deletable[0], "delete")
            walk.get(rt.url_name("delete"), delete)
            if rt.slug in DELETED:
                walk.post(rt.url_name("delete"), delete, label=f"{rt.slug} delete", ok=(200,))
        if rt.tabular and user.has_perm("core.import_records") and user.has_perm(rt.perm("add")):
            walk.get(rt.url_name("export"), rt.urls["export"], {"fmt": "csv"}, label=f"{rt.slug} export")
            walk.get(rt.url_name("import"), rt.urls["import"])
            bad = SimpleUploadedFile("rows.csv", b"\xff\xfe not;a;table\n1;2\n", content_type="text/csv")
            walk.post(rt.url_name("import"), rt.urls["import"], {"file": bad}, label=f"{rt.slug} import, bad file")
            walk.get(rt.url_name("import_template"), rt.urls["template_csv"], label=f"{rt.slug} template")
        if objects:
            child_pages(walk, rt, objects[0])
            attachment_pages(walk, rt, objects[0])


def child_pages(walk: Walk, rt, obj) -> None:
    """A dependent row's add form on the record, and its edit and delete pages on a record that
    has such a row."""
    user = walk.user
    for child in rt.children:
        opts = child.model._meta
        if user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
            url = reverse(rt.url_name("child_add"), args=[obj.pk, child.slug])
            walk.get(rt.url_name("child_add"), url, label=f"{rt.slug} {child.slug} add")
            walk.post(rt.url_name("child_add"), url, label=f"{rt.slug} {child.slug} add, invalid")
        rows = child.model.objects.restrict(user, "change").filter(
            **{f"{child.fk}__in": rt.model.objects.restrict(user, "view")})
        row = rows.order_by("pk").first()
        if row is not None and user.has_perm(f"{opts.app_label}.change_{opts.model_name}"):
            parent = getattr(row, f"{child.fk}_id")
            url = reverse(rt.url_name("child_edit"), args=[parent, child.slug, row.pk])
            walk.get(rt.url_name("child_edit"), url, label=f"{rt.slug} {child.slug} edit")
            if user.has_perm(f"{opts.app_label}.delete_{opts.model_name}"):
                url = reverse(rt.url_name("child_delete"), args=[parent, child.slug, row.pk])
                walk.get(rt.url_name("child_delete"), url, label=f"{rt.slug} {child.slug} delete")


def attachment_pages(walk: Walk, rt, obj) -> None:
    if rt.attachment_model is None:
        return
    opts = rt.attachment_model._meta
    if not walk.may(f"{opts.app_label}.add_{opts.model_name}"):
        return
    url = reverse(rt.url_name("attachment_add"), args=[obj.pk])
    walk.get(rt.url_name("attachment_add"), url, label=f"{rt.slug} attachment")
    walk.post(rt.url_name("attachment_add"), url, {"description": "x"}, label=f"{rt.slug} attachment, no file")
    program = SimpleUploadedFile("invitation.exe", b"MZ", content_type="application/octet-stream")
    walk.post(rt.url_name("attachment_add"), url, {"file": program}, label=f"{rt.slug} attachment, refused file")


# A step form's cost rows as the page sends them when none is filled in.
EMPTY_COST_ROWS = {"cost-TOTAL_FORMS": "0", "cost-INITIAL_FORMS": "0"}


def workflow_pages(walk: Walk, registry) -> None:
    """Each step's form (on the first record of a status it starts from) where the user may take
    it, posted empty (its errors); thorough: each step refused from a status it does not start
    from (its message) and the decision document."""
    from foreign_affairs.web.views.workflow import WORKFLOW_TYPES, workflow_for

    for slug in WORKFLOW_TYPES:
        rt = registry.get(slug)
        if not walk.may(rt.perm("view")):
            continue
        workflow = workflow_for(rt)
        route = "web:delegation_action" if slug == "delegations" else f"web:{rt.model._meta.model_name}_action"
        records = samples(rt, walk.user)
        for name, spec in workflow.actions.items():
            if not walk.may(spec.permission):
                continue
            startable = [obj for obj in records if obj.status in spec.sources]
            if (slug, name) in walk.steps_seen:
                continue  # a step's form reads the same whoever opens it
            walk.steps_seen.add((slug, name))
            for obj in startable[:1]:
                url = reverse(route, args=[obj.pk, name])
                walk.get(route, url, label=f"{slug} {obj.status} → {name}")
                walk.post(route, url, EMPTY_COST_ROWS, label=f"{slug} {obj.status} → {name}, empty")
            refused = [obj for obj in records if obj.status not in spec.sources]
            for obj in refused[:1] if walk.thorough else ():
                walk.post(route, reverse(route, args=[obj.pk, name]), EMPTY_COST_ROWS,
                          label=f"{slug} {obj.status} → {name}, refused")
    delegation = first(visible(registry.DELEGATIONS.model, walk.user).filter(direction="outgoing",
                                                                             status="approved"))
    if walk.thorough and delegation is not None:
        walk.get("web:delegation_decision_document", reverse("web:delegation_decision_document",
                                                             args=[delegation.pk]))


def economy_steps(walk: Walk, registry) -> None:
    if not walk.thorough:
        return
    if walk.may("economy.change_investmentlead"):
        lead = first(visible(registry.get("investment-leads").model, walk.user, "change"))
        if lead is not None:
            url = reverse("web:investment-leads_convert", args=[lead.pk])
            walk.get("web:investment-leads_convert", url)
            walk.post("web:investment-leads_convert", url, {"irc_number": ""}, label="lead convert, invalid")
    if walk.may("aid.change_aiditem"):
        for item in samples(registry.get("aid-items"), walk.user):
            url = reverse("web:aid-items_transition", args=[item.pk])
            walk.get("web:aid-items_transition", url, label=f"aid {item.status} transition")
            walk.post("web:aid-items_transition", url, {"to": "zz"}, label=f"aid {item.status} transition, invalid")


def report_pages(walk: Walk) -> None:
    """The report for the demo years as a page (thorough: in every format, with its errors, the
    records behind figures, a saved report's downloads and finalising), every dashboard."""
    from foreign_affairs.delegations.models import Delegation
    from foreign_affairs.reports.indicators import RULES
    from foreign_affairs.reports.models import Report

    if not walk.may("reports.view_report"):
        walk.get("reports:preview", reverse("reports:preview"), label="report (refused)", ok=(403,))
        return
    preview = reverse("reports:preview")
    for year in (2023, 2024, 2025) if walk.thorough else (2025,):
        walk.get("reports:preview", preview, {"kind": "annual", "year": year}, label=f"report {year}")
    for name in ("dashboard", "dashboard_trends", "dashboard_map", "dashboard_calendar", "effectiveness",
                 "relationships"):
        walk.get(f"reports:{name}", reverse(f"reports:{name}"))
    trip = first(visible(Delegation, walk.user).filter(direction="outgoing", status__in=("completed", "reported",
                                                                                          "evaluated")))
    if trip is not None:
        walk.get("reports:effectiveness_trip", reverse("reports:effectiveness_trip", args=[trip.pk]))
    if not walk.thorough:
        return
    walk.get("reports:preview", preview, {"kind": "six_month", "year": 2025, "half": "1"},
             label="report, first half of 2025")
    walk.get("reports:preview", preview, {"kind": "month", "year": 2025}, label="report, month missing",
             ok=(200, 400))
    walk.get("reports:preview", preview, {"kind": "annual", "year": 2023, "unit": "nowhere"},
             label="report, unknown unit", ok=(200, 400))
    # The PDF is the standalone HTML typeset by WeasyPrint (core/documents/report_pdf.py): the HTML
    # carries every text of the PDF, in a fraction of the time.
    for fmt in ("docx", "html", "json"):
        walk.get("reports:preview", preview, {"kind": "annual", "year": 2023, "format": fmt, "lang": "vi"},
                 label=f"report 2023 {fmt}")
    for code in RULES:
        walk.get("reports:figure_records", reverse("reports:figure_records", args=[code]),
                 {"start": "2023-01-01", "end": "2023-12-31"}, label=f"figure {code}")
    for report in Report.objects.restrict(walk.user, "view").order_by("-status", "pk")[:2]:
        walk.get("web:reports_detail", reverse("web:reports_detail", args=[report.pk]),
                 label=f"{report.status} report")
        walk.get("reports:download", reverse("reports:download", args=[report.pk, "vi", "docx"]),
                 label=f"{report.status} report docx")
        walk.post("reports:finalise", reverse("reports:finalise", args=[report.pk]), label="report finalise refused")
    walk.get("reports:dashboard", reverse("reports:dashboard"), {"year": "1900"}, label="dashboard 1900",
             ok=(200, 400))


def other_pages(walk: Walk) -> None:
    walk.get("web:home", reverse("web:home"))
    walk.get("web:search", reverse("web:search"), {"q": "nghe an"}, label="search")
    if walk.may("core.view_country"):
        walk.get("web:country_list", reverse("web:country_list"))
        walk.get("web:country_detail", reverse("web:country_detail", args=["LA"]))
    walk.get("notifications:worklist", reverse("notifications:worklist"))
    walk.get("notifications:list", reverse("notifications:list"))
    walk.get("notifications:account", reverse("notifications:account"))
    from foreign_affairs.notifications.models import Notification

    notification = first(Notification.objects.filter(recipient=walk.user))
    if notification is not None:
        walk.get("notifications:open", reverse("notifications:open", args=[notification.pk]))
        walk.post("notifications:read", reverse("notifications:read", args=[notification.pk]), ok=(200,))
    if not walk.thorough:
        return
    walk.get("web:home", reverse("web:home"), {"year": "2023"}, label="home 2023")
    walk.get("web:search", reverse("web:search"), {"q": "zzzqqq"}, label="search, nothing found")
    walk.post("notifications:read_all", reverse("notifications:read_all"), ok=(200,))
    walk.post("notifications:calendar_reset", reverse("notifications:calendar_reset"), ok=(200,))
    walk.post("notifications:calendar_disable", reverse("notifications:calendar_disable"), ok=(200,))
    walk.get("web:home", "/no-such-page/", label="404 page", ok=(404,))


def feeds_and_files(walk: Walk, registry) -> None:
    """The calendar feed and an attachment's download."""
    from foreign_affairs.core.services import attachment_add
    from foreign_affairs.notifications.services import calendar_feed_reset

    token = calendar_feed_reset(actor=walk.user)
    walk.get("notifications:calendar_feed", reverse("notifications:calendar_feed", args=[token]))
    rt = registry.DELEGATIONS
    upload = SimpleUploadedFile("letter.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    attachment = attachment_add(record=first(visible(rt.model, walk.user)), upload=upload, actor=walk.user,
                                description="Thư mời")
    walk.get("web:attachment_download", reverse("web:attachment_download", args=["delegations", attachment.pk]))


def anonymous_pages(walk: Walk) -> None:
    walk.sign_in(None)
    login = reverse("login")
    walk.get("login", login)
    walk.post("login", login, {"username": "officer", "password": "wrong"}, label="login, wrong password")
    walk.get("web:home", reverse("web:home"), label="home, signed out")


# A trip's way from proposal to evaluation (a step nobody may take now is passed over), and what
# each step's form would carry.
TRIP_STEPS = ("submit", "return", "submit", "appraise", "clear", "approve", "complete", "report", "evaluate")
TRIP_INPUTS = {
    "comment": "Xin phê duyệt", "opinion": "Đề nghị phê duyệt", "decision_no": "1/QĐ-UBND",
    "decision_on": date(2025, 2, 20), "signer": "Phó Chủ tịch UBND tỉnh", "document_no": "12/BTV",
    "document_on": date(2025, 2, 18), "returned_on": None, "report": "Đã ký biên bản ghi nhớ.", "cost_vnd": 1000,
    "reported_on": date(2025, 4, 20), "rating": 4, "evaluation": "Đạt mục tiêu",
}


def workflow_mail(walk: Walk, capture: Callable) -> None:
    """A delegation through its steps by the people concerned, the notifications and e-mails it
    sends, and the reminders of the daily job."""
    from foreign_affairs.core.models import User
    from foreign_affairs.delegations import services
    from foreign_affairs.delegations.models import Delegation

    unit, office, leader = (User.objects.get(username=name) for name in ("unit", "officer", "leader"))
    trip = first(Delegation.objects.filter(direction="outgoing"))
    trip.pk = trip.id = None
    trip.ref, trip.status, trip.host_unit = "i18n-walk-trip", "draft", unit.unit
    trip.save()
    walk.seen.where = "e-mails of a delegation's steps"
    taken = []
    for action in TRIP_STEPS:
        for actor in (unit, office, leader):
            if action in services.WORKFLOW.allowed_actions(record=trip, actor=actor):
                with capture(execute=True):
                    services.WORKFLOW.run(action, record=trip, actor=actor, data=TRIP_INPUTS)
                trip.refresh_from_db()
                taken.append(action)
                break
    assert {"submit", "approve"} <= set(taken), taken
    walk.seen.where = "reminder e-mails (send_reminders)"
    with capture(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
    assert mail.outbox, "the steps e-mailed the people concerned"


def walk_everything(walk: Walk, registry, capture: Callable) -> None:
    walk.sign_in("officer")
    workflow_mail(walk, capture)
    one_record_per_status(registry)
    finalised_report()
    for role in ROLES:
        walk.sign_in(role, thorough=role == ROLES[0])
        other_pages(walk)
        record_pages(walk, registry)
        workflow_pages(walk, registry)
        economy_steps(walk, registry)
        report_pages(walk)
    walk.sign_in("officer")
    feeds_and_files(walk, registry)
    anonymous_pages(walk)


# --- the tests ------------------------------------------------------------------------------------


def test_every_page_form_message_and_email_reads_in_vietnamese(demo, django_capture_on_commit_callbacks,
                                                               monkeypatch):
    from foreign_affairs.web import registry

    # The walk reads the pages, not the templates' contexts: the test client need not keep them.
    monkeypatch.setattr("django.test.client.store_rendered_templates", lambda *args, **kwargs: None)

    with record_untranslated("vi") as seen:
        walk = Walk(seen)
        walk_everything(walk, registry, django_capture_on_commit_callbacks)

    missed = sorted({r.name for r in routes()} - walk.opened - set(NOT_WALKED))
    assert not missed, f"pages the walk does not open (teach it, or say why in NOT_WALKED): {missed}"
    assert not walk.failures, "\n".join(walk.failures)
    untranslated = seen.report(set(ALLOWED))
    assert not untranslated, (
        f"{len(untranslated)} msgids read in English on Vietnamese pages (translate them in "
        f"{PO_FILE.relative_to(ROOT)}):\n" + "\n".join(untranslated)
    )


# --- the catalogue --------------------------------------------------------------------------------


@dataclass
class Entry:
    line: int
    flags: set[str]
    context: str | None
    msgid: str
    msgid_plural: str | None
    msgstr: list[str]


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text[1:-1])


def po_entries(path: Path) -> list[Entry]:
    """The entries of a .po file, which separates them by blank lines (a plain reader: flags,
    msgctxt, msgid, msgid_plural, msgstr and msgstr[n]; obsolete ``#~`` entries left out)."""
    entries = []
    for number, block in _blocks(path.read_text(encoding="utf-8")):
        flags: set[str] = set()
        fields: dict[str, str] = {}
        key = None
        for line in block:
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[key] += _unquote(line)
            else:
                key, _sep, value = line.partition(" ")
                fields[key] = _unquote(value)
        if "msgid" in fields:
            msgstr = [value for name, value in fields.items() if name.startswith("msgstr")]
            entries.append(Entry(number, flags, fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural"),
                                 msgstr))
    return entries


def _blocks(text: str) -> Iterator[tuple[int, list[str]]]:
    block, start = [], 0
    for number, line in enumerate(text.splitlines() + [""], 1):
        line = line.strip()
        if line:
            block, start = block + [line], start or number
        elif block:
            yield start, block
            block, start = [], 0


def catalogue_problems(path: Path) -> list[str]:
    problems = []
    for entry in po_entries(path):
        if not entry.msgid:
            continue  # the header
        label = f"line {entry.line}: {entry.msgid!r}" + (f" [{entry.context}]" if entry.context else "")
        if "fuzzy" in entry.flags:
            problems.append(f"{label}: fuzzy")
        elif not all(entry.msgstr):
            problems.append(f"{label}: empty")
    return problems


def test_the_catalogue_has_no_empty_or_fuzzy_translation():
    problems = catalogue_problems(PO_FILE)
    assert not problems, "\n".join(problems)


def test_the_compiled_catalogue_is_up_to_date():
    """The .mo in the repository says what the .po says (compilemessages was run)."""
    from django.utils.translation import trans_real

    compiled = trans_real.translation("vi")._catalog  # the merged catalogue, ours first
    missing = []
    for entry in po_entries(PO_FILE):
        if not entry.msgid or "fuzzy" in entry.flags or not all(entry.msgstr):
            continue
        key = f"{entry.context}\x04{entry.msgid}" if entry.context else entry.msgid
        if entry.msgid_plural:
            key = (key, 0)
        if compiled.get(key) != entry.msgstr[0]:
            missing.append(f"line {entry.line}: {entry.msgid!r}")
    assert not missing, "run compilemessages; the .mo differs from the .po at:\n" + "\n".join(missing[:30])


@pytest.mark.skipif(not shutil.which("xgettext"), reason="gettext is not installed (make system-deps)")
def test_makemessages_leaves_no_empty_or_fuzzy_translation(tmp_path, monkeypatch):
    """Every string marked in the code and templates is translated: makemessages run on a copy
    of the sources gives a catalogue without an empty or fuzzy msgstr."""
    source = ROOT / "foreign_affairs"
    shutil.copytree(source, tmp_path / "foreign_affairs",
                    ignore=shutil.ignore_patterns("static", "__pycache__", "migrations", "tests", "*.mo"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(settings, "LOCALE_PATHS", [tmp_path / "foreign_affairs" / "locale"])
    call_command("makemessages", locale=["vi"], verbosity=0)
    problems = catalogue_problems(tmp_path / "foreign_affairs" / "locale" / "vi" / "LC_MESSAGES" / "django.po")
    assert not problems, "run makemessages and translate:\n" + "\n".join(problems)


