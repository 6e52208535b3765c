import datetime

import factory

from foreign_affairs.plans.models import (
    Directive,
    Plan,
    Programme,
    ProgrammeItem,
    Task,
    TaskGroup,
    TaskLink,
    TaskProgress,
)


class DirectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Directive

    number = factory.Sequence(lambda n: f"{n}-CT/TW")
    title = "Về ngoại giao kinh tế"


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    ref = factory.Sequence(lambda n: f"plan-{n}")
    number = factory.Sequence(lambda n: f"{n}-KH/TU")
    title = factory.Sequence(lambda n: f"Kế hoạch {n}")
    implements = factory.SubFactory(DirectiveFactory)


class TaskGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskGroup

    plan = factory.SubFactory(PlanFactory)
    ordinal = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Nhóm nhiệm vụ {n}")


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    ref = factory.Sequence(lambda n: f"task-{n}")
    group = factory.SubFactory(TaskGroupFactory)
    title = factory.Sequence(lambda n: f"Nhiệm vụ {n}")
    status = "in_progress"


class TaskProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskProgress

    task = factory.SubFactory(TaskFactory)
    date = datetime.date(2024, 6, 30)
    percent = 50


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    ref = factory.Sequence(lambda n: f"prog-{n}")
    # One programme a year: 1945–2019 and 2031–2100, so tests can use 2020–2030 freely.
    year = factory.Sequence(lambda n: (1945 + n % 145) if n % 145 < 75 else (2031 + n % 145 - 75))
    title = factory.LazyAttribute(lambda o: f"Chương trình đối ngoại năm {o.year}")


class ProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    ref = factory.Sequence(lambda n: f"item-{n}")
    programme = factory.SubFactory(ProgrammeFactory)
    kind = "outgoing_delegation"
    pillar = "state"
    title = factory.Sequence(lambda n: f"Hoạt động {n}")
    status = "planned"


class TaskLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskLink

    task = factory.SubFactory(TaskFactory)
