"""Writes on citizen-protection cases: a case with its dated actions log."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from foreign_affairs.core.models import User

from .models import ConsularCase, ConsularCaseAction


def consular_case_save(*, case: ConsularCase, actor: User | None,
                       actions: list[dict[str, Any]] | None = None) -> ConsularCase:
    """Create or change a case and, when ``actions`` is given (``[{date, actor, action}]``), make
    its actions log exactly that (in date order; nothing is written when it already is)."""
    from foreign_affairs.core.services import record_save

    with transaction.atomic():
        record_save(instance=case, actor=actor)
        if actions is not None:
            consular_case_actions_replace(case=case, actions=actions, actor=actor)
    return case


def consular_case_actions_replace(*, case: ConsularCase, actions: list[dict[str, Any]], actor: User | None) -> None:
    """Make the case's actions log exactly ``actions``, kept in date order."""
    with transaction.atomic():
        stored = list(case.actions.order_by("date", "pk"))
        wanted = sorted(actions, key=lambda row: row["date"])
        if [(a.date, a.actor, a.action) for a in stored] == [(w["date"], w["actor"], w["action"]) for w in wanted]:
            return
        for row in stored:
            row._history_user = actor
            row.delete()
        for data in wanted:
            row = ConsularCaseAction(case=case, date=data["date"], actor=data["actor"], action=data["action"])
            row._history_user = actor
            row.full_clean(exclude=["case"])
            row.save()
