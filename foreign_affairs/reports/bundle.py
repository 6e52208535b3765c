"""The ``reports`` section of a bundle (a documented extension, docs/bundle-format.md): the
office's saved reports — period, document details and the texts the officer writes (context,
assessment, directions, recommendations, texts by section). A bundle loads drafts only: a report
is finalised in the register (its figures frozen), and a finalised report cannot be changed by an
import either. Figures and tables are never in the bundle: a report computes them."""

from __future__ import annotations

from foreign_affairs.core.bundle.fields import (
    INVALID,
    Choice,
    DateSpec,
    FieldSpec,
    RefKey,
    RefSpec,
    Text,
    describe,
    is_blank,
)
from foreign_affairs.core.bundle.sections import SectionSpec, _choices

from .models import Report, ReportKindChoice


class TextsSpec(FieldSpec):
    """``section_texts``: the officer's further text by section key (``party``, ``economic``…)."""

    type_label = "mapping of section keys to texts"

    def empty_value(self):
        return {}

    def parse(self, raw, ctx, report):
        if not isinstance(raw, dict):
            report(self.name, f"expected a mapping of section keys to texts, got {describe(raw)}")
            return INVALID
        bad = False
        for key, text in raw.items():
            if not isinstance(key, str) or not key.strip():
                report(self.name, f"expected a section key as text, got {describe(key)}")
                bad = True
            elif not isinstance(text, str):
                report(f"{self.name}.{key}", f"expected text, got {describe(text)}")
                bad = True
        return INVALID if bad else {key: text for key, text in sorted(raw.items()) if not is_blank(text)}

    def get(self, obj):
        return {key: text for key, text in sorted((obj.section_texts or {}).items()) if text}

    def dump(self, value):
        return dict(value) or None

    def assign(self, obj, value, resolver):
        obj.section_texts = dict(value)


class ReportSection(SectionSpec):
    """Saved reports; empty texts are left out of exports."""

    def dump(self, clean: dict) -> dict:
        return {key: value for key, value in super().dump(clean).items() if value is not None or key == "ref"}


def reports_sections() -> list[SectionSpec]:
    reports = ReportSection(
        "reports",
        "report",
        Report,
        [
            RefKey("ref", required=True),
            Choice("kind", _choices(ReportKindChoice), default=ReportKindChoice.ANNUAL.value),
            DateSpec("start", required=True),
            DateSpec("end", required=True),
            RefSpec("unit", "units"),
            Text("title"),
            Text("number"),
            Text("place"),
            DateSpec("issued_on"),
            Text("issuer_name"),
            Text("issuer_parent"),
            Text("signer"),
            Text("signer_title"),
            Text("recipients"),
            Text("context"),
            Text("strengths"),
            Text("limitations"),
            Text("causes"),
            Text("lessons"),
            Text("directions"),
            Text("recommendations"),
            TextsSpec("section_texts"),
            Text("notes"),
        ],
    )
    return [reports]

