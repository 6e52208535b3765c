"""factory_boy factories for foreign NGOs and non-ODA aid."""

import datetime
from decimal import Decimal

import factory

from foreign_affairs.aid.models import AidDisbursement, AidItem, ForeignNGO, NGOCertificate
from foreign_affairs.core.tests.factories import PartnerFactory


class ForeignNGOFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ForeignNGO

    ref = factory.Sequence(lambda n: f"ngo-{n}")
    partner = factory.SubFactory(PartnerFactory, kind="ngo", country_id="US")
    status = "operating"


class NGOCertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NGOCertificate

    ref = factory.Sequence(lambda n: f"ngocert-{n}")
    ngo = factory.SubFactory(ForeignNGOFactory)
    kind = "operation_registration"
    number = factory.Sequence(lambda n: f"{n}/CNV")
    issued_on = datetime.date(2024, 1, 1)
    expires_on = datetime.date(2026, 12, 31)
    provinces = ["Nghệ An"]
    status = "issued"


class AidItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AidItem

    ref = factory.Sequence(lambda n: f"aid-{n}")
    donor = factory.SubFactory(PartnerFactory, kind="ngo", country_id="US")
    modality = "project"
    title = factory.Sequence(lambda n: f"Test aid {n}")
    committed_amount = Decimal("100000.00")
    currency = "USD"
    committed_usd = Decimal("100000.00")
    status = "proposed"


class AidDisbursementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AidDisbursement

    item = factory.SubFactory(AidItemFactory)
    date = datetime.date(2024, 6, 1)
    amount_usd = Decimal("25000.00")
