"""Chỉ thị, nghị quyết và kế hoạch: central directives and resolutions, the provincial plans that
carry them out, their task groups and tasks, and the dated progress of each task."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.choices import Pillar
from foreign_affairs.core.models import Country, Field, RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet
from foreign_affairs.delegations.choices import Funding

from .choices import ItemKind, ItemStatus, ProgrammeStatus, TaskStatus


class Directive(models.Model):
    """A central directive or resolution (Chỉ thị 15-CT/TW, Nghị quyết 21/NQ-CP) that provincial
    plans implement. Known by its number, which bundles use to name it."""

    number = models.CharField(_("number"), max_length=50, unique=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("directive")
        verbose_name_plural = _("directives")
        ordering = ["-issued_on", "number"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()


class Plan(RecordModel):
    """Kế hoạch: a provincial plan (e.g. Plan 134-KH/TU of the Provincial Party Standing
    Committee) carrying out a central directive, divided into numbered task groups."""

    ref_prefix = "plan"
    search_fields = ("ref", "number", "title", "issuer", "notes")

    number = models.CharField(_("number"), max_length=50, blank=True)
    title = models.CharField(_("title"), max_length=500)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    issuer = models.CharField(_("issuer"), max_length=255, blank=True)
    implements = models.ForeignKey(
        Directive, verbose_name=_("implements"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="plans",
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-issued_on", "number", "title"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip() if self.number else self.title


class TaskGroup(models.Model):
    """Nhóm nhiệm vụ: one numbered group of tasks and solutions of a plan."""

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="groups")
    ordinal = models.PositiveSmallIntegerField(_("ordinal"))
    title = models.CharField(_("title"), max_length=500)
    notes = models.TextField(
        _("notes"), blank=True,
        help_text=_("Where the title comes from; say so when the plan's own wording is not published."),
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task group")
        verbose_name_plural = _("task groups")
        ordering = ["plan", "ordinal"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "ordinal"], name="taskgroup_unique_ordinal",
                violation_error_message=_("A plan has only one task group with each number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.ordinal}. {self.title}"


class Task(RecordModel):
    """Nhiệm vụ: one task of a plan's group, led by a unit of the province (with supporting
    units), with a due date and a status; its progress is reported in dated updates."""

    ref_prefix = "task"
    search_fields = ("ref", "title", "notes")

    group = models.ForeignKey(TaskGroup, verbose_name=_("task group"), on_delete=models.CASCADE, related_name="tasks")
    position = models.PositiveSmallIntegerField(pgettext_lazy("order in a list", "position"), default=0)
    title = models.CharField(_("title"), max_length=1000)
    lead_unit = models.ForeignKey(
        Unit, verbose_name=_("lead unit"), null=True, blank=True, on_delete=models.PROTECT, related_name="led_tasks"
    )
    supporting_units = models.ManyToManyField(
        Unit, verbose_name=_("supporting units"), blank=True, related_name="supported_tasks"
    )
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED)

    history = HistoricalRecords(m2m_fields=[supporting_units])

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["group__plan", "group__ordinal", "position", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def plan(self) -> Plan:
        return self.group.plan


class TaskProgress(models.Model):
    """A dated progress update of a task: how far it is (percent) and what was done."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="progress")
    date = models.DateField(_("date"))
    percent = models.PositiveSmallIntegerField(_("percent"), validators=[MaxValueValidator(100)])
    note = models.TextField(_("note"), blank=True)
    evidence = models.TextField(
        _("evidence"), blank=True,
        help_text=_("Documents or links that show the progress: report numbers, minutes, web addresses."),
    )

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("task progress")
        verbose_name_plural = _("task progress")
        ordering = ["task", "date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(percent__lte=100), name="taskprogress_percent_range",
                violation_error_message=_("Progress is a percentage from 0 to 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.percent}%"

    def clean(self) -> None:
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise ValidationError({"percent": _("Progress is a percentage from 0 to 100.")})


class Programme(RecordModel):
    """Chương trình đối ngoại năm N: the province's annual foreign-affairs programme, drafted by
    the Department of Foreign Affairs in the autumn of the year before, discussed at the
    People's Committee's November meeting and approved by a document (number and date)."""

    ref_prefix = "prog"
    search_fields = ("ref", "title", "number", "notes")

    year = models.PositiveSmallIntegerField(_("year"), unique=True, error_messages={
        "unique": _("There is already a programme for this year."),
    })
    title = models.CharField(_("title"), max_length=500)
    number = models.CharField(_("number"), max_length=50, blank=True,
                              help_text=_("Number of the document that approves the programme."))
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ProgrammeStatus.choices,
                              default=ProgrammeStatus.DRAFT)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("foreign-affairs programme")
        verbose_name_plural = _("foreign-affairs programmes")
        ordering = ["-year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(year__gte=1945, year__lte=2100), name="programme_year_range",
                violation_error_message=_("A programme's year is between 1945 and 2100."),
            ),
            models.CheckConstraint(
                condition=~Q(status=ProgrammeStatus.APPROVED) | Q(approved_on__isnull=False),
                name="programme_approved_has_date",
                violation_error_message=_("An approved programme needs the date it was approved."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        errors = {}
        if self.year is not None and not 1945 <= self.year <= 2100:
            errors["year"] = _("A programme's year is between 1945 and 2100.")
        if self.status == ProgrammeStatus.APPROVED and self.approved_on is None:
            errors["approved_on"] = _("An approved programme needs the date it was approved.")
        if errors:
            raise ValidationError(errors)


ITEM_MONTH_RANGE = _("A month is from 1 to 12.")
ITEM_QUARTER_RANGE = _("A quarter is from 1 to 4.")
ITEM_MONTH_IN_QUARTER = _("The month is not in the quarter given.")
ITEM_LINKED_DONE = _("An item linked to what took place (a delegation, event or agreement) is done.")


class ProgrammeItem(RecordModel):
    """One planned activity of an annual programme (a row of its table of planned activities):
    what, with whom, roughly when (month or quarter), led by which unit, with which funding.
    Linked to the delegation, event or agreement that carried it out, it is done."""

    ref_prefix = "item"
    search_fields = ("ref", "title", "notes")
    # Each unit proposes and follows the items it leads.
    unit_scope = "lead_unit"

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), on_delete=models.CASCADE,
                                  related_name="items")
    position = models.PositiveSmallIntegerField(pgettext_lazy("order in a list", "position"), default=0)
    kind = models.CharField(_("kind"), max_length=30, choices=ItemKind.choices)
    pillar = models.CharField(_("pillar"), max_length=10, choices=Pillar.choices, blank=True)
    title = models.CharField(_("title"), max_length=1000)
    fields = models.ManyToManyField(Field, verbose_name=_("fields"), blank=True, related_name="programme_items")
    partners = models.ManyToManyField("partners.Partner", verbose_name=_("partners"), blank=True,
                                      related_name="programme_items")
    countries = models.ManyToManyField(Country, verbose_name=_("countries"), blank=True,
                                       related_name="programme_items")
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True,
                                             help_text=_("Tentative month (1–12), if known."))
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True,
                                               help_text=_("Tentative quarter (1–4), if no month is known."))
    lead_unit = models.ForeignKey(Unit, verbose_name=_("lead unit"), null=True, blank=True,
                                  on_delete=models.PROTECT, related_name="led_programme_items")
    supporting_units = models.ManyToManyField(Unit, verbose_name=_("supporting units"), blank=True,
                                              related_name="supported_programme_items")
    funding = models.CharField(_("funding"), max_length=20, choices=Funding.choices, blank=True)
    budget_vnd = models.PositiveBigIntegerField(_("budget estimate (VND)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=15, choices=ItemStatus.choices, default=ItemStatus.PLANNED)
    delegation = models.ForeignKey("delegations.Delegation", verbose_name=_("delegation"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="programme_items",
                                   help_text=_("The delegation that carried the item out."))
    event = models.ForeignKey("events.Event", verbose_name=_("event"), null=True, blank=True,
                              on_delete=models.SET_NULL, related_name="programme_items",
                              help_text=_("The event that carried the item out."))
    agreement = models.ForeignKey("agreements.Agreement", verbose_name=_("agreement"), null=True, blank=True,
                                  on_delete=models.SET_NULL, related_name="programme_items",
                                  help_text=_("The agreement signed under the item."))

    history = HistoricalRecords(m2m_fields=[fields, partners, countries, supporting_units])

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["-programme__year", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="programmeitem_month_range", violation_error_message=ITEM_MONTH_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="programmeitem_quarter_range", violation_error_message=ITEM_QUARTER_RANGE,
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(quarter__isnull=True)
                | Q(quarter=1, month__lte=3) | Q(quarter=2, month__gte=4, month__lte=6)
                | Q(quarter=3, month__gte=7, month__lte=9) | Q(quarter=4, month__gte=10),
                name="programmeitem_month_in_quarter", violation_error_message=ITEM_MONTH_IN_QUARTER,
            ),
            models.CheckConstraint(
                condition=Q(delegation__isnull=True, event__isnull=True, agreement__isnull=True)
                | Q(status=ItemStatus.DONE),
                name="programmeitem_linked_is_done", violation_error_message=ITEM_LINKED_DONE,
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def linked(self) -> bool:
        """Whether the item is linked to the record that carried it out."""
        return bool(self.delegation_id or self.event_id or self.agreement_id)

    @property
    def when(self) -> str:
        """The tentative time as the programme's table writes it: ``03/2026``, ``Q2/2026`` or the year."""
        year = self.programme.year if self.programme_id else ""
        if self.month:
            return f"{self.month:02d}/{year}"
        if self.quarter:
            return f"Q{self.quarter}/{year}"
        return str(year)

    def clean(self) -> None:
        errors = {}
        if self.month is not None and not 1 <= self.month <= 12:
            errors["month"] = ITEM_MONTH_RANGE
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            errors["quarter"] = ITEM_QUARTER_RANGE
        if not errors and self.month and self.quarter and (self.month - 1) // 3 + 1 != self.quarter:
            errors["month"] = ITEM_MONTH_IN_QUARTER
        if errors:
            raise ValidationError(errors)
        # Linking the item to what took place marks it done (Django's clean() may set values).
        if self.linked:
            self.status = ItemStatus.DONE


TASK_LINK_ONE_TARGET = _("Link the task to exactly one record: a delegation, agreement, event, FDI project "
                         "or programme item.")


# The kinds of record a task's evidence may be, by field name.
TASK_LINK_TARGETS = ("delegation", "agreement", "event", "fdi_project", "programme_item")


class TaskLink(models.Model):
    """Evidence of a task: a record that carries it out (a delegation, an agreement, an event,
    an FDI project or an item of an annual programme), with the date it was reported and a
    note. The task's page lists its evidence; the record's page shows the task it serves."""

    TARGETS = TASK_LINK_TARGETS

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="links")
    date = models.DateField(_("date"), null=True, blank=True,
                            help_text=_("The date of the progress update that reports it, if any."))
    delegation = models.ForeignKey("delegations.Delegation", verbose_name=_("delegation"), null=True, blank=True,
                                   on_delete=models.CASCADE, related_name="task_links")
    agreement = models.ForeignKey("agreements.Agreement", verbose_name=_("agreement"), null=True, blank=True,
                                  on_delete=models.CASCADE, related_name="task_links")
    event = models.ForeignKey("events.Event", verbose_name=_("event"), null=True, blank=True,
                              on_delete=models.CASCADE, related_name="task_links")
    fdi_project = models.ForeignKey("economy.FDIProject", verbose_name=_("FDI project"), null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="task_links")
    programme_item = models.ForeignKey(ProgrammeItem, verbose_name=_("programme item"), null=True, blank=True,
                                       on_delete=models.CASCADE, related_name="task_links")
    note = models.TextField(_("note"), blank=True)

    objects = RestrictedQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["task", "date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(delegation__isnull=False, agreement__isnull=True, event__isnull=True, fdi_project__isnull=True,
                      programme_item__isnull=True)
                    | Q(delegation__isnull=True, agreement__isnull=False, event__isnull=True,
                        fdi_project__isnull=True, programme_item__isnull=True)
                    | Q(delegation__isnull=True, agreement__isnull=True, event__isnull=False,
                        fdi_project__isnull=True, programme_item__isnull=True)
                    | Q(delegation__isnull=True, agreement__isnull=True, event__isnull=True,
                        fdi_project__isnull=False, programme_item__isnull=True)
                    | Q(delegation__isnull=True, agreement__isnull=True, event__isnull=True,
                        fdi_project__isnull=True, programme_item__isnull=False)
                ),
                name="tasklink_one_target", violation_error_message=TASK_LINK_ONE_TARGET,
            ),
            *(
                models.UniqueConstraint(
                    fields=["task", target], condition=Q(**{f"{target}__isnull": False}),
                    name=f"tasklink_unique_{target}",
                    violation_error_message=_("This record is already evidence of the task."),
                )
                for target in TASK_LINK_TARGETS
            ),
        ]

    def __str__(self) -> str:
        target = self.target
        return str(target) if target is not None else gettext("(no record)")

    @property
    def target_field(self) -> str | None:
        """The name of the field that holds the linked record."""
        for name in self.TARGETS:
            if getattr(self, f"{name}_id"):
                return name
        return None

    @property
    def target(self):
        name = self.target_field
        return getattr(self, name) if name else None

    @property
    def kind_label(self) -> str:
        from django.utils.text import capfirst

        name = self.target_field
        return capfirst(self._meta.get_field(name).verbose_name) if name else ""

    def clean(self) -> None:
        if self.task_id is None:
            # A bundle's evidence row, checked before its task and records exist: the
            # section checks it names one record (plans/bundle.py EvidenceSpec).
            return
        given = [name for name in self.TARGETS if getattr(self, f"{name}_id")]
        if len(given) != 1:
            raise ValidationError(TASK_LINK_ONE_TARGET)
