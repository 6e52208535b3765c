"""factory_boy factories for every register record (shared by all apps' tests)."""

import datetime

import factory

from foreign_affairs.agreements.models import Agreement
from foreign_affairs.core.models import Unit
from foreign_affairs.delegations.models import Delegation, DelegationMember
from foreign_affairs.events.models import Event
from foreign_affairs.partners.models import Contact, Interaction, Partner


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    ref = factory.Sequence(lambda n: f"unit-{n}")
    name_vi = factory.Sequence(lambda n: f"Sở Thử nghiệm {n}")
    name_en = factory.Sequence(lambda n: f"Test Department {n}")
    kind = "department"


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    ref = factory.Sequence(lambda n: f"partner-{n}")
    kind = "locality"
    name_en = factory.Sequence(lambda n: f"Partner Province {n}")
    name_vi = factory.Sequence(lambda n: f"Tỉnh Đối tác {n}")
    country_id = "LA"
    relationship = "cooperation"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    partner = factory.SubFactory(PartnerFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    position = "Director"


class InteractionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interaction

    partner = factory.SubFactory(PartnerFactory)
    date = datetime.date(2024, 3, 1)
    summary = "Working meeting"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    ref = factory.Sequence(lambda n: f"agr-{n}")
    kind = "mou"
    title_en = factory.Sequence(lambda n: f"Memorandum {n}")
    title_vi = factory.Sequence(lambda n: f"Biên bản ghi nhớ {n}")
    signed_on = datetime.date(2024, 5, 10)
    status = "signed"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    ref = factory.Sequence(lambda n: f"evt-{n}")
    kind = "conference"
    pillar = "state"
    title = factory.Sequence(lambda n: f"Hội thảo quốc tế {n}")
    start_on = datetime.date(2024, 6, 1)
    end_on = datetime.date(2024, 6, 2)
    country_id = "VN"
    status = "held"


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    ref = factory.Sequence(lambda n: f"del-{n}")
    direction = "outgoing"
    pillar = "state"
    level = "unit"
    title = factory.Sequence(lambda n: f"Đoàn công tác {n}")
    start_on = datetime.date(2024, 4, 1)
    end_on = datetime.date(2024, 4, 5)
    status = "completed"
    members = 5


class DelegationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DelegationMember

    delegation = factory.SubFactory(DelegationFactory)
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    passport_number = factory.Sequence(lambda n: f"C{n:07d}")
    date_of_birth = datetime.date(1980, 1, 1)
