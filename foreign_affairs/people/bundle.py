"""The people's-records sections of a bundle: ``journalist_visits`` (with their ``reporters``,
personal data), ``honours``, ``overseas_community``, ``experts`` (personal data), and the border:
``border_items``, ``border_events``, ``border_figures``. docs/bundle-format.md describes each."""

from __future__ import annotations

from foreign_affairs.core.bundle.errors import BundleError
from foreign_affairs.core.bundle.fields import (
    BIGINT_MAX,
    INVALID,
    Choice,
    CountrySpec,
    DateSpec,
    DecimalSpec,
    FieldList,
    FieldSpec,
    IntSpec,
    Nested,
    RefKey,
    RefList,
    RefSpec,
    Text,
    describe,
    is_blank,
)
from foreign_affairs.core.bundle.sections import SectionSpec, _choices
from foreign_affairs.economy.bundle import SourceSpec

from .choices import AwardStatus, AwardType, BorderEventKind, BorderItemKind, BorderStatus, GateClass, VisitStatus
from .models import (
    COUNTRIES_ONLY_OVERALL,
    NO_RECIPIENT,
    BorderEvent,
    BorderFigure,
    BorderItem,
    Expert,
    HonourAward,
    JournalistReporter,
    JournalistVisit,
    OverseasCommunityFigure,
)


class Flag(FieldSpec):
    """A yes/no value, written only when it differs from its default."""

    type_label = "true or false"

    def __init__(self, name: str, *, default: bool = False, **kwargs):
        super().__init__(name, **kwargs)
        self.flag_default = default
        self.empty = default

    def empty_value(self):
        return self.flag_default

    def parse(self, raw, ctx, report):
        if not isinstance(raw, bool):
            report(self.name, f"expected true or false, got {describe(raw)}")
            return INVALID
        return raw

    def dump(self, value):
        return None if value == self.flag_default else value


class YearSpec(IntSpec):
    type_label = "year"

    def parse(self, raw, ctx, report):
        value = super().parse(raw, ctx, report)
        if value is not INVALID and not 1900 <= value <= 2100:
            report(self.name, f"expected a year such as 2024, got {value}")
            return INVALID
        return value


class LengthSpec(DecimalSpec):
    """A length in km (468.281): in a spreadsheet cell the dot (or comma) is the decimal point,
    never a thousands separator."""

    decimal_point_only = True


class PeopleSection(SectionSpec):
    """A section whose flags at their default are left out of exports."""

    def dump(self, clean: dict) -> dict:
        return {key: value for key, value in super().dump(clean).items() if value is not None or key == "ref"}


class HonourSection(PeopleSection):
    def match_existing(self, items, errors: list[BundleError]) -> None:
        """An honour names its recipient: a partner or a name (a rule on a link, so the model's
        own check cannot see it on the unsaved copy the import validates)."""
        for item in items:
            if is_blank(item.raw.get("recipient_partner")) and is_blank(item.raw.get("recipient_name")):
                errors.append(BundleError(self.name, item.index, item.ref, "recipient_name", str(NO_RECIPIENT)))


class OverseasSection(PeopleSection):
    def match_existing(self, items, errors: list[BundleError]) -> None:
        """The number of countries belongs to a figure for all countries (a rule on the country,
        a link, checked here on the raw record)."""
        for item in items:
            if not is_blank(item.raw.get("country")) and not is_blank(item.raw.get("countries")):
                errors.append(BundleError(self.name, item.index, item.ref, "countries", str(COUNTRIES_ONLY_OVERALL)))


def _count(name: str) -> IntSpec:
    return IntSpec(name)


def people_sections() -> list[SectionSpec]:
    journalist_visits = PeopleSection(
        "journalist_visits",
        "press visit",
        JournalistVisit,
        [
            RefKey("ref", required=True),
            Text("outlet", required=True),
            CountrySpec("country"),
            Flag("resident"),
            Text("topics"),
            Text("sites"),
            DateSpec("start_on"),
            DateSpec("end_on"),
            Text("permit_no"),
            RefSpec("accompanying_unit", "units"),
            Choice("status", _choices(VisitStatus), default=VisitStatus.NOTIFIED.value),
            Text("response_no"),
            DateSpec("response_on"),
            Text("outputs"),
            Text("notes"),
            Nested(
                "reporters",
                model=JournalistReporter,
                parent_field="visit",
                fields=[
                    Text("full_name", required=True),
                    Text("position"),
                    CountrySpec("nationality"),
                ],
            ),
        ],
    )
    honours = HonourSection(
        "honours",
        "honour",
        HonourAward,
        [
            RefKey("ref", required=True),
            RefSpec("recipient_partner", "partners"),
            Text("recipient_name"),
            CountrySpec("recipient_country"),
            Choice("award_type", _choices(AwardType), required=True),
            Text("achievement"),
            RefSpec("proposer_unit", "units"),
            Choice("status", _choices(AwardStatus), default=AwardStatus.PROPOSED.value),
            Text("decision_no"),
            DateSpec("decision_on"),
            DateSpec("ceremony_on"),
            Text("ceremony_place"),
            Text("notes"),
        ],
    )
    overseas = OverseasSection(
        "overseas_community",
        "overseas community figure",
        OverseasCommunityFigure,
        [
            RefKey("ref", required=True),
            YearSpec("year"),
            CountrySpec("country"),
            _count("population"),
            _count("countries"),
            _count("associations"),
            _count("investment_projects"),
            IntSpec("investment_vnd", maximum=BIGINT_MAX),
            IntSpec("remittances_usd", maximum=BIGINT_MAX),
            IntSpec("remittances_usd_max", maximum=BIGINT_MAX),
            SourceSpec("source"),
            Text("notes"),
        ],
    )
    experts = PeopleSection(
        "experts",
        "expert",
        Expert,
        [
            RefKey("ref", required=True),
            Text("full_name", required=True),
            CountrySpec("country"),
            Flag("from_province", default=True),
            FieldList("fields"),
            Text("expertise"),
            Text("organisation"),
            Text("position"),
            Text("email"),
            Text("phone"),
            Text("notes"),
        ],
    )
    border_items = PeopleSection(
        "border_items",
        "border item",
        BorderItem,
        [
            RefKey("ref", required=True),
            Choice("kind", _choices(BorderItemKind), required=True),
            Text("name", required=True),
            Choice("gate_class", _choices(GateClass)),
            RefSpec("commune", "units"),
            RefSpec("opposite_province", "partners"),
            Text("opposite_district"),
            Text("opposite_name"),
            Choice("status", _choices(BorderStatus)),
            Text("legal_basis"),
            DateSpec("valid_from"),
            Text("notes"),
        ],
    )
    border_events = PeopleSection(
        "border_events",
        "border event",
        BorderEvent,
        [
            RefKey("ref", required=True),
            Choice("kind", _choices(BorderEventKind), required=True),
            Text("title", required=True),
            DateSpec("date", required=True),
            DateSpec("end_on"),
            RefList("items", "border_items"),
            RefList("partners", "partners"),
            Text("parties"),
            Text("outcome"),
            Text("document"),
            RefSpec("unit", "units"),
            Text("notes"),
        ],
    )
    border_figures = PeopleSection(
        "border_figures",
        "border figure",
        BorderFigure,
        [
            RefKey("ref", required=True),
            YearSpec("year"),
            RefSpec("opposite_province", "partners"),
            LengthSpec("length_km", decimal_places=3, minimum=0, negative_message="a length cannot be negative"),
            _count("border_communes"),
            _count("markers"),
            _count("stakes"),
            _count("border_gates"),
            _count("openings"),
            _count("village_pairs"),
            _count("post_pairs"),
            SourceSpec("source"),
            Text("notes"),
        ],
    )
    return [journalist_visits, honours, overseas, experts, border_items, border_events, border_figures]
