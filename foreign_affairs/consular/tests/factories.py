import datetime

import factory

from foreign_affairs.consular.models import ConsularCase


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
