"""Members' passport numbers and dates of birth: hidden without the permission; shown and
logged with it."""

import pytest

from foreign_affairs.core.models import PersonalDataAccess

pytestmark = pytest.mark.django_db


def test_viewer_sees_members_but_not_their_personal_data(login, viewer, records):
    delegation = records["delegations"]
    html = login(viewer).get(f"/delegations/{delegation.pk}/").content.decode()
    assert "Nguyễn Văn Bình" in html
    assert "C7654321" not in html and "1975" not in html and "Passport number" not in html
    assert not PersonalDataAccess.objects.exists()


def test_officer_sees_personal_data_and_the_view_is_logged(login, officer, records):
    delegation = records["delegations"]
    url = f"/delegations/{delegation.pk}/"
    html = login(officer).get(url).content.decode()
    assert "C7654321" in html and "3 Feb 1975" in html
    access = PersonalDataAccess.objects.get()
    assert (access.user, access.record_type, access.record_id, access.channel) == (
        officer,
        "delegations.delegation",
        delegation.pk,
        url,
    )
    login(officer).get(url)
    assert PersonalDataAccess.objects.count() == 2


def test_opening_a_member_for_editing_is_logged(login, approver, officer, records):
    member = records["member"]
    url = f"/delegations/{member.delegation_id}/members/{member.pk}/edit/"
    assert login(approver).get(url).status_code == 403  # approvers read, they do not edit members
    html = login(officer).get(url).content.decode()
    assert 'value="C7654321"' in html
    assert PersonalDataAccess.objects.filter(channel=url).count() == 1


def test_delegation_without_members_logs_nothing(login, officer, records):
    from foreign_affairs.core.tests.factories import DelegationFactory

    empty = DelegationFactory()
    login(officer).get(f"/delegations/{empty.pk}/")
    assert not PersonalDataAccess.objects.exists()
