"""Chỉ thị, nghị quyết và kế hoạch: central directives and resolutions, the provincial plans that
carry them out, their task groups and tasks, and the dated progress of each task."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from foreign_affairs.core.models import RecordModel, Unit
from foreign_affairs.core.querysets import RestrictedQuerySet

from .choices import TaskStatus


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
    position = models.PositiveSmallIntegerField(_("position"), default=0)
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


class TaskProgress(models.Model):
    """A dated progress update of a task: how far it is (percent) and what was done."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="progress")
    date = models.DateField(_("date"))
    percent = models.PositiveSmallIntegerField(_("percent"), validators=[MaxValueValidator(100)])
    note = models.TextField(_("note"), blank=True)

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
