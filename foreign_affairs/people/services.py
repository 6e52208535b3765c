"""Writes on people's records: a foreign press visit with its reporters (personal data)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from foreign_affairs.core.models import User

from .models import JournalistReporter, JournalistVisit


def journalist_visit_save(*, visit: JournalistVisit, actor: User | None,
                          reporters: list[dict[str, Any]] | None = None) -> JournalistVisit:
    """Create or change a press visit (on an existing visit the status only moves forward:
    notified → under review → agreed or declined → completed) and, when ``reporters`` is given
    (``[{full_name, position, nationality_id}]``), make its reporters exactly those, in order."""
    from foreign_affairs.core.services import record_save

    with transaction.atomic():
        record_save(instance=visit, actor=actor)
        if reporters is not None:
            journalist_reporters_replace(visit=visit, reporters=reporters, actor=actor)
    return visit


def journalist_reporters_replace(*, visit: JournalistVisit, reporters: list[dict[str, Any]],
                                 actor: User | None) -> None:
    """Make the visit's reporters exactly ``reporters`` (nothing is written when they already are)."""
    def key(values: dict[str, Any]) -> tuple:
        return (values["full_name"], values.get("position") or "", values.get("nationality_id"))

    with transaction.atomic():
        stored = list(visit.reporters.order_by("pk"))
        if [key({"full_name": r.full_name, "position": r.position, "nationality_id": r.nationality_id})
                for r in stored] == [key(r) for r in reporters]:
            return
        for row in stored:
            row._history_user = actor
            row.delete()
        for data in reporters:
            row = JournalistReporter(visit=visit, full_name=data["full_name"], position=data.get("position") or "",
                                     nationality_id=data.get("nationality_id"))
            row._history_user = actor
            row.full_clean(exclude=["visit", "nationality"])
            row.save()
