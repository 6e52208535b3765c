import datetime

import factory

from foreign_affairs.people.models import (
    BorderEvent,
    BorderFigure,
    BorderItem,
    Expert,
    HonourAward,
    JournalistReporter,
    JournalistVisit,
    OverseasCommunityFigure,
)


class JournalistVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalistVisit

    ref = factory.Sequence(lambda n: f"press-{n}")
    outlet = factory.Sequence(lambda n: f"Outlet {n}")
    country_id = "JP"
    start_on = datetime.date(2024, 5, 10)
    end_on = datetime.date(2024, 5, 12)
    status = "notified"


class JournalistReporterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JournalistReporter

    visit = factory.SubFactory(JournalistVisitFactory)
    full_name = factory.Sequence(lambda n: f"Reporter {n}")
    position = "Reporter"
    nationality_id = "JP"


class HonourAwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HonourAward

    ref = factory.Sequence(lambda n: f"honour-{n}")
    recipient_name = factory.Sequence(lambda n: f"Recipient {n}")
    recipient_country_id = "LA"
    award_type = "provincial_certificate"
    status = "proposed"


class OverseasCommunityFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OverseasCommunityFigure

    ref = factory.Sequence(lambda n: f"ov-{n}")
    year = 2024
    population = 1000
    source_title = "Báo cáo"


class ExpertFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Expert

    ref = factory.Sequence(lambda n: f"expert-{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Chuyên Gia {n}")
    country_id = "JP"
    email = "expert@example.org"


class BorderItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BorderItem

    ref = factory.Sequence(lambda n: f"border-{n}")
    kind = "marker"
    name = factory.Sequence(lambda n: f"Mốc {n}")


class BorderEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BorderEvent

    ref = factory.Sequence(lambda n: f"bevent-{n}")
    kind = "joint_inspection"
    title = factory.Sequence(lambda n: f"Kiểm tra {n}")
    date = datetime.date(2024, 4, 1)


class BorderFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BorderFigure

    ref = factory.Sequence(lambda n: f"bfig-{n}")
    year = 2023
    village_pairs = 21
    source_title = "Báo cáo"
