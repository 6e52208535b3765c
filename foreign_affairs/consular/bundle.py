"""The ``consular_cases`` section of a bundle (DESIGN §4). A bundle with this section carries
personal data: ``export_bundle(personal_data=False)`` leaves the whole section out."""

from __future__ import annotations

from foreign_affairs.core.bundle.fields import Choice, CountrySpec, DateSpec, Nested, RefKey, Text
from foreign_affairs.core.bundle.sections import SectionSpec, _choices

from .choices import CaseKind, CaseStatus
from .models import ConsularCase, ConsularCaseAction


def consular_sections() -> list[SectionSpec]:
    cases = SectionSpec(
        "consular_cases",
        "consular case",
        ConsularCase,
        [
            RefKey("ref", required=True),
            Choice("kind", _choices(CaseKind), required=True),
            CountrySpec("country", required=True),
            DateSpec("opened_on", required=True),
            DateSpec("closed_on"),
            Choice("status", _choices(CaseStatus), default=CaseStatus.OPEN.value),
            Text("summary"),
            # Extensions (personal data).
            Text("subject_name"),
            Text("subject_commune"),
            Text("notes"),
            # Extension: the dated actions log (personal data, like the case).
            Nested(
                "actions",
                model=ConsularCaseAction,
                parent_field="case",
                fields=[
                    DateSpec("date", required=True),
                    Text("actor", required=True),
                    Text("action", required=True),
                ],
            ),
        ],
    )
    return [cases]
