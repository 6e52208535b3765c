"""Writes on economic-diplomacy records: FDI projects with their capital adjustments, ODA
programmes with their disbursements, and the indicator catalogue."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction

from foreign_affairs.core.services import record_save

from .data import INDICATORS
from .models import CapitalAdjustment, FDIProject, Indicator, ODADisbursement, ODAProgramme


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


def _replace_rows(*, model, parent_field: str, parent, rows: Iterable[dict], actor) -> None:
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
            _replace_rows(model=CapitalAdjustment, parent_field="project", parent=project, rows=adjustments,
                          actor=actor)
    return project


def oda_programme_save(*, programme: ODAProgramme, actor, disbursements: list[dict] | None = None) -> ODAProgramme:
    """Create or change an ODA programme; ``disbursements`` (when given) replace its yearly
    disbursements as a whole. A programme cannot end before it starts."""
    with transaction.atomic():
        record_save(instance=programme, actor=actor)
        if disbursements is not None:
            _replace_rows(model=ODADisbursement, parent_field="programme", parent=programme, rows=disbursements,
                          actor=actor)
    return programme
