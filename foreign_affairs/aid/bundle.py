"""The aid and NGO sections of a bundle (documented extensions, docs/bundle-format.md):
``foreign_ngos`` (each one a partner of kind ``ngo``), ``ngo_certificates`` and ``aid_items``
(with their disbursements). The start deadline of an aid item is derived from its approval
date (aid/rules.py) and is not a bundle field."""

from __future__ import annotations

from foreign_affairs.core.bundle.errors import BundleError
from foreign_affairs.core.bundle.fields import (
    BIGINT_MAX,
    INVALID,
    Choice,
    DateSpec,
    DecimalSpec,
    FieldList,
    IntSpec,
    Nested,
    RefKey,
    RefList,
    RefSpec,
    Text,
    TextList,
)
from foreign_affairs.core.bundle.sections import _choices
from foreign_affairs.economy.bundle import EconomySection, bundle_value

from .choices import AidModality, AidStatus, CertificateKind, CertificateStatus, NGOStatus, ProvinceOpinion
from .models import AidDisbursement, AidItem, ForeignNGO, NGOCertificate


class NGOSection(EconomySection):
    """Foreign NGOs: each names a partner of kind ``ngo``, and no two NGOs the same partner."""

    def check_records(self, items, ctx, errors: list[BundleError]) -> None:
        seen: dict[str, int] = {}
        bundle_refs = {item.ref for item in items if item.ref}
        partners = {item.values.get("partner") for item in items} - {None, INVALID}
        taken = dict(
            ForeignNGO.objects.filter(partner__ref__in=partners).exclude(ref__in=bundle_refs)
            .values_list("partner__ref", "ref")
        )
        for item in items:
            partner = item.values.get("partner")
            if not partner or partner is INVALID:
                continue
            known, kind = bundle_value(ctx, "partners", partner, "kind", "kind")
            problem = None
            if known and kind not in (None, INVALID, "ngo"):
                problem = ("partner", f"the partner {partner!r} is of kind {kind!r}; a foreign NGO names a partner "
                                      "of kind 'ngo'")
            elif partner in seen:
                problem = ("partner", f"the partner {partner!r} is already named by foreign_ngos[{seen[partner]}]")
            elif partner in taken:
                problem = ("partner", f"the partner {partner!r} is already the NGO {taken[partner]!r}")
            if problem:
                errors.append(BundleError(self.name, item.index, item.ref, *problem))
                item.ok = False
            else:
                seen[partner] = item.index


def aid_sections() -> list:
    foreign_ngos = NGOSection(
        "foreign_ngos",
        "foreign NGO",
        ForeignNGO,
        [
            RefKey("ref", required=True),
            RefSpec("partner", "partners", required=True),
            Choice("status", _choices(NGOStatus), default=NGOStatus.OPERATING.value),
            Text("representative"),
            FieldList("fields"),
            RefList("counterpart_units", "units"),
            Text("notes"),
        ],
    )
    ngo_certificates = EconomySection(
        "ngo_certificates",
        "NGO certificate",
        NGOCertificate,
        [
            RefKey("ref", required=True),
            RefSpec("ngo", "foreign_ngos", required=True),
            Choice("kind", _choices(CertificateKind), default=CertificateKind.OPERATION_REGISTRATION.value),
            Text("number"),
            Text("issued_by"),
            DateSpec("issued_on"),
            DateSpec("expires_on"),
            TextList("provinces"),
            Choice("status", _choices(CertificateStatus), default=CertificateStatus.ISSUED.value),
            DateSpec("opinion_requested_on"),
            DateSpec("opinion_sent_on"),
            Choice("opinion", _choices(ProvinceOpinion)),
            Text("notes"),
        ],
    )
    aid_items = EconomySection(
        "aid_items",
        "aid item",
        AidItem,
        [
            RefKey("ref", required=True),
            RefSpec("donor", "partners", required=True),
            Choice("modality", _choices(AidModality), default=AidModality.PROJECT.value),
            Text("title", required=True),
            FieldList("fields"),
            RefList("beneficiary_units", "units"),
            RefSpec("managing_unit", "units"),
            DecimalSpec("committed_amount", minimum=0, negative_message="the committed amount cannot be negative"),
            Text("currency", default="USD"),
            DecimalSpec("committed_usd", minimum=0, negative_message="the USD equivalent cannot be negative"),
            IntSpec("counterpart_vnd", maximum=BIGINT_MAX),
            DateSpec("file_complete_on"),
            Text("approval_no"),
            DateSpec("approved_on"),
            DateSpec("started_on"),
            DateSpec("ended_on"),
            DateSpec("settled_on"),
            Choice("status", _choices(AidStatus), default=AidStatus.PROPOSED.value),
            Text("notes"),
            Nested(
                "disbursements",
                model=AidDisbursement,
                parent_field="item",
                fields=[
                    DateSpec("date", required=True),
                    DecimalSpec("amount", minimum=0, negative_message="a disbursement cannot be negative"),
                    DecimalSpec("amount_usd", required=True, minimum=0,
                                negative_message="a disbursement cannot be negative"),
                    Text("note"),
                ],
            ),
        ],
    )
    return [foreign_ngos, ngo_certificates, aid_items]


# Example rows of the spreadsheet templates (core.bundle.tabular): made up, not real data.
TABULAR_EXAMPLES = {
    "foreign_ngos": {
        "ref": "ngo-example",
        "partner": "partner-example-ngo",
        "status": "operating",
        "representative": "Văn phòng dự án tại Hà Nội",
        "fields": ["health", "education"],
        "counterpart_units": ["unit-dofa"],
    },
    "ngo_certificates": {
        "ref": "ngocert-example-2024",
        "ngo": "ngo-example",
        "kind": "operation_registration",
        "number": "123/CNV-HĐ",
        "issued_by": "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài",
        "issued_on": "2024-03-01",
        "expires_on": "2027-02-28",
        "provinces": ["Nghệ An", "Hà Tĩnh"],
        "status": "issued",
    },
    "aid_items": {
        "ref": "aid-2024-clean-water",
        "donor": "partner-example-ngo",
        "modality": "project",
        "title": "Dự án nước sạch cho trường học",
        "fields": ["health"],
        "beneficiary_units": ["unit-commune"],
        "managing_unit": "unit-dofa",
        "committed_amount": 120000,
        "currency": "USD",
        "committed_usd": 120000,
        "counterpart_vnd": 150000000,
        "approval_no": "1234/QĐ-UBND",
        "approved_on": "2024-05-15",
        "status": "approved",
    },
}
