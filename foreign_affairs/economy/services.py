"""Writes on economic-diplomacy records: FDI projects with their capital adjustments, ODA
programmes with their disbursements, investment leads with their contact history and their
conversion into FDI projects, and the indicator catalogue."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from foreign_affairs.core.services import record_save

from .choices import FDIStatus, LeadStage
from .data import INDICATORS
from .models import CapitalAdjustment, FDIProject, Indicator, InvestmentLead, LeadContact, ODADisbursement, ODAProgramme


def indicators_load() -> None:
    """Load the indicator catalogue (DESIGN §2). Idempotent: an admin's edits to names and
    descriptions are kept, and indicators an admin added are left alone."""
    existing = set(Indicator.objects.values_list("code", flat=True))
    Indicator.objects.bulk_create([
        Indicator(code=code, name_vi=name_vi, name_en=name_en, unit=unit, computed=computed, description=description)
        for code, name_vi, name_en, unit, computed, description in INDICATORS
        if code not in existing
    ])


def indicators_after_migrate(sender, **kwargs) -> None:
    # Also after a test flush, which empties the tables but re-sends post_migrate.
    indicators_load()


def rows_replace(*, model, parent_field: str, parent, rows: Iterable[dict], actor) -> None:
    """Replace a record's dependent rows as a whole, each checked by the model's own rules."""
    for row in model.objects.filter(**{parent_field: parent}):
        row._history_user = actor
        row.delete()
    errors = []
    for position, data in enumerate(rows):
        row = model(**{parent_field: parent}, **data)
        try:
            row.full_clean(exclude=[parent_field])
        except ValidationError as exc:
            errors.append((position, exc))
            continue
        row._history_user = actor
        row.save()
    if errors:
        position, exc = errors[0]
        raise ValidationError({f"{model._meta.model_name}[{position}]": exc.messages})


def fdi_project_save(*, project: FDIProject, actor, adjustments: list[dict] | None = None) -> FDIProject:
    """Create or change an FDI project; ``adjustments`` (when given) replace its capital
    adjustments as a whole. Negative registered capital is refused."""
    with transaction.atomic():
        record_save(instance=project, actor=actor)
        if adjustments is not None:
            rows_replace(model=CapitalAdjustment, parent_field="project", parent=project, rows=adjustments,
                          actor=actor)
    return project


def oda_programme_save(*, programme: ODAProgramme, actor, disbursements: list[dict] | None = None) -> ODAProgramme:
    """Create or change an ODA programme; ``disbursements`` (when given) replace its yearly
    disbursements as a whole. A programme cannot end before it starts."""
    with transaction.atomic():
        record_save(instance=programme, actor=actor)
        if disbursements is not None:
            rows_replace(model=ODADisbursement, parent_field="programme", parent=programme, rows=disbursements,
                          actor=actor)
    return programme


def investment_lead_save(*, lead: InvestmentLead, actor, contacts: list[dict] | None = None) -> InvestmentLead:
    """Create or change an investment lead; ``contacts`` (when given) replace its contact history
    as a whole (each entry: date, kind, summary, unit). A lead becomes licensed only through
    ``lead_convert``."""
    with transaction.atomic():
        record_save(instance=lead, actor=actor)
        if contacts is not None:
            rows = [{**row, "recorded_by": row.get("recorded_by", actor if getattr(actor, "pk", None) else None)}
                    for row in contacts]
            rows_replace(model=LeadContact, parent_field="lead", parent=lead, rows=rows, actor=actor)
    return lead


def lead_convert(*, lead: InvestmentLead, actor, project: FDIProject | None = None, irc_number: str = "",
                 registered_on: date | None = None, capital_usd: Decimal | None = None) -> FDIProject:
    """The lead became an FDI project: link it to ``project``, or create the project from the
    lead (its name, investor, country, sector and the delegation or event it came from; the
    certificate's number, date and registered capital when given — a lead's expected capital is
    not a registered one, so it is never copied). The lead moves to ``licensed`` and keeps its
    contact history and its own history; the project's page shows the lead it came from.

    Refused with a message, changing nothing, when the lead was dropped or is already linked to
    another project, or when the project already came from another lead.
    """
    if not actor.has_perm("economy.change_investmentlead"):
        raise PermissionDenied(_("Your role may not change investment leads."))
    if project is None and not actor.has_perm("economy.add_fdiproject"):
        raise PermissionDenied(_("Your role may not record FDI projects."))
    with transaction.atomic():
        locked = (
            InvestmentLead.objects.restrict(actor, "change").select_for_update().filter(pk=lead.pk).first()
        )
        if locked is None:
            raise PermissionDenied(_("This investment lead is outside what your account can reach."))
        if locked.stage == LeadStage.DROPPED:
            raise ValidationError({"stage": _("A dropped lead cannot become a project; reopen it first.")})
        if locked.project_id is not None and (project is None or project.pk != locked.project_id):
            raise ValidationError({"project": _("This lead already became the project “%(name)s”.")
                                   % {"name": locked.project}})
        if project is not None:
            other = InvestmentLead.objects.filter(project=project).exclude(pk=locked.pk).first()
            if other is not None:
                raise ValidationError({"project": _("The project “%(project)s” already came from the lead “%(lead)s”.")
                                       % {"project": project, "lead": other}})
        else:
            project = FDIProject(
                name=locked.name,
                investor=locked.investor,
                investor_country_id=locked.country_id,
                sector=locked.sector,
                irc_number=irc_number,
                registered_on=registered_on,
                capital_usd=capital_usd,
                status=FDIStatus.LICENSED,
                origin_delegation_id=locked.origin_delegation_id,
                origin_event_id=locked.origin_event_id,
                notes=_("Created from the investment lead %(ref)s.") % {"ref": locked.ref},
            )
            record_save(instance=project, actor=actor, reason="lead conversion")
        locked.project = project
        locked.stage = LeadStage.LICENSED
        record_save(instance=locked, actor=actor, reason="converted to an FDI project")
    lead.refresh_from_db()
    return project
