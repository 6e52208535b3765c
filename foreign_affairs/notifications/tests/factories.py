import factory

from foreign_affairs.notifications.models import Notification


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    verb = "approved"
    app_label = "delegations"
    model_name = "delegation"
    object_id = 1
    record_label = factory.Sequence(lambda n: f"Đoàn công tác {n}")
    url = "/delegations/1/"
    params = factory.LazyFunction(lambda: {"actor": "leader"})
