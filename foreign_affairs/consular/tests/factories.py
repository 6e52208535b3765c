import datetime

import factory

from foreign_affairs.consular.models import ConsularCase, ConsularCaseAction


class ConsularCaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsularCase

    ref = factory.Sequence(lambda n: f"cc-{n}")
    kind = "stranded"
    country_id = "MY"
    opened_on = datetime.date(2024, 2, 1)
    status = "open"
    summary = "Lao động bị kẹt tại nước ngoài"
    subject_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    subject_commune = "Xã Diễn Châu"


class ConsularCaseActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsularCaseAction

    case = factory.SubFactory(ConsularCaseFactory)
    date = datetime.date(2024, 2, 2)
    actor = "Sở Ngoại vụ"
    action = "Liên hệ Đại sứ quán Việt Nam"
