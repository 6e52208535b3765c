"""The home page's figures, coming-up lists and recent changes."""

import datetime

import pytest

from foreign_affairs.core.services import record_save
from foreign_affairs.core.tests import factories
from foreign_affairs.core.tests.factories import AgreementFactory
from foreign_affairs.web.selectors import recent_changes, upcoming, year_figures

pytestmark = pytest.mark.django_db

D = datetime.date


def DelegationFactory(**kwargs):  # noqa: N802 - stands in for the factory, without its fixed end date
    kwargs.setdefault("end_on", None)
    return factories.DelegationFactory(**kwargs)


def EventFactory(**kwargs):  # noqa: N802
    kwargs.setdefault("end_on", None)
    return factories.EventFactory(**kwargs)


def by_pillar(figures):
    return {row.pillar: row for row in figures.pillars}


def test_year_figures_count_by_the_catalogue_rules():
    # Outgoing that took place, by start date.
    DelegationFactory(direction="outgoing", pillar="state", status="completed", start_on=D(2025, 3, 1))
    DelegationFactory(direction="outgoing", pillar="state", status="evaluated", start_on=D(2025, 4, 1))
    DelegationFactory(direction="outgoing", pillar="party", status="reported", start_on=D(2025, 5, 1))
    DelegationFactory(direction="outgoing", pillar="state", status="approved", start_on=D(2025, 5, 1))  # not yet
    DelegationFactory(direction="outgoing", pillar="state", status="completed", start_on=D(2024, 12, 31))  # last year
    DelegationFactory(direction="outgoing", pillar="state", status="completed", start_on=D(2025, 9, 1))  # after until
    # Incoming: received that took place by start date; permitted by permit date.
    DelegationFactory(
        direction="incoming",
        pillar="people",
        reception="received",
        status="completed",
        start_on=D(2025, 2, 1),
        foreign_visitors=10,
    )
    DelegationFactory(
        direction="incoming", pillar="people", reception="received", status="proposed", start_on=D(2025, 2, 1)
    )
    DelegationFactory(
        direction="incoming",
        pillar="state",
        reception="permitted",
        status="approved",
        start_on=D(2025, 1, 10),
        permit_on=D(2025, 1, 5),
    )
    DelegationFactory(
        direction="incoming",
        pillar="state",
        reception="permitted",
        status="approved",
        start_on=D(2025, 1, 10),
        permit_on=D(2024, 12, 20),
    )
    EventFactory(pillar="people", start_on=D(2025, 6, 1))
    EventFactory(pillar="party", start_on=D(2025, 6, 2))
    EventFactory(pillar="party", start_on=D(2025, 10, 2))  # after until
    AgreementFactory(signed_on=D(2025, 3, 3))
    AgreementFactory(signed_on=D(2024, 3, 3))
    AgreementFactory(signed_on=None, status="drafting")

    figures = year_figures(year=2025, until=D(2025, 8, 31))
    rows = by_pillar(figures)
    assert (figures.start, figures.end) == (D(2025, 1, 1), D(2025, 8, 31))
    assert rows["state"].delegations_out == 2 and rows["party"].delegations_out == 1
    assert rows["people"].delegations_in_received == 1
    assert rows["state"].delegations_in_permitted == 1
    assert (rows["people"].events_held, rows["party"].events_held, rows["state"].events_held) == (1, 1, 0)
    assert figures.agreements_signed == 1
    totals = figures.totals
    assert (
        totals.delegations_out,
        totals.delegations_in_received,
        totals.delegations_in_permitted,
        totals.events_held,
    ) == (3, 1, 1, 2)
    assert [row.pillar for row in figures.pillars] == ["party", "state", "people"]
    assert year_figures(year=2025).totals.delegations_out == 4  # the whole year


def test_year_figures_respect_the_users_view(viewer):
    from foreign_affairs.core.models import User

    DelegationFactory(direction="outgoing", status="completed", start_on=D(2025, 3, 1))
    nobody = User.objects.create_user("nobody", password="x-very-long-password")
    assert year_figures(year=2025, user=viewer).totals.delegations_out == 1
    assert year_figures(year=2025, user=nobody).totals.delegations_out == 0


def test_upcoming_windows():
    today = D(2026, 1, 1)
    soon = DelegationFactory(start_on=D(2026, 2, 20), end_on=None)  # day 50
    DelegationFactory(start_on=D(2026, 3, 5), end_on=None)  # day 63: too far
    DelegationFactory(start_on=D(2025, 12, 31))  # already started
    event = EventFactory(start_on=D(2026, 1, 1), end_on=None)
    expiring = AgreementFactory(valid_until=D(2026, 3, 30))  # day 88
    AgreementFactory(valid_until=D(2026, 4, 5))  # day 94
    AgreementFactory(valid_until=D(2025, 12, 1))  # already expired
    result = upcoming(today=today)
    assert result.delegations == [soon]
    assert result.events == [event]
    assert result.expiring_agreements == [expiring]


def test_recent_changes_newest_first_merging_one_save(officer):
    event = EventFactory()
    record_save(instance=event, actor=officer)
    delegation = factories.DelegationFactory.build()
    record_save(instance=delegation, actor=officer, m2m={"countries": ["LA"]})  # several history rows
    changes = recent_changes(limit=5)
    assert [(c.model.__name__, c.type, c.user) for c in changes[:2]] == [
        ("Delegation", "created", "officer"),
        ("Event", "changed", "officer"),
    ]
    assert changes[0].exists and changes[0].label == delegation.title
    event_id = event.pk
    event.delete()
    assert recent_changes(limit=1)[0].exists is False and recent_changes(limit=1)[0].record_id == event_id


def test_home_page_shows_the_figures(login, officer):
    from django.utils import timezone

    today = timezone.localdate()
    DelegationFactory(
        direction="outgoing",
        status="completed",
        start_on=today.replace(month=1, day=1),
        end_on=None,
        title="Đoàn đầu năm",
    )
    html = login(officer).get("/").content.decode()
    assert "Figures for" in html and "Đoàn đầu năm" in html
    assert 'href="/delegations/?direction=outgoing&amp;status=completed,reported,evaluated&amp;year=' in html


def test_home_page_switches_to_a_past_year(login, officer):
    import datetime

    from django.utils import timezone

    from foreign_affairs.web.selectors import record_years

    this_year = timezone.localdate().year
    DelegationFactory(direction="outgoing", status="completed", start_on=datetime.date(2021, 3, 1), end_on=None)
    DelegationFactory(direction="outgoing", status="draft", start_on=datetime.date(2021, 5, 1), end_on=None)
    assert record_years(user=officer, around=this_year) == list(range(this_year, 2020, -1))

    html = login(officer).get("/?year=2021").content.decode()
    assert "Figures for 2021<" in html  # a past year is complete: no "so far"
    assert '<option value="2021" selected>' in html
    assert 'href="/delegations/?direction=outgoing&amp;status=completed,reported,evaluated&amp;year=2021"' in html
    # A year without records, or garbage, falls back to the year the page opens on: this year has
    # no activity, so the latest year that has some.
    for asked in ("1800", "abc"):
        assert "Figures for 2021<" in login(officer).get(f"/?year={asked}").content.decode()


def test_home_page_opens_on_the_latest_year_with_activity_until_this_year_has_some(login, officer):
    import datetime

    from django.utils import timezone

    this_year = timezone.localdate().year
    DelegationFactory(direction="outgoing", status="completed", start_on=datetime.date(this_year - 2, 3, 1),
                      end_on=None)
    # Planned, not yet taken place: not activity of this year.
    DelegationFactory(direction="outgoing", status="draft", start_on=datetime.date(this_year, 1, 1), end_on=None)
    html = login(officer).get("/").content.decode()
    assert f"Figures for {this_year - 2}<" in html and f'<option value="{this_year - 2}" selected>' in html
    assert f'<option value="{this_year}">' in html  # this year stays one choice away

    DelegationFactory(direction="outgoing", status="completed", start_on=datetime.date(this_year, 1, 1), end_on=None)
    assert f"Figures for {this_year} so far" in login(officer).get("/").content.decode()
