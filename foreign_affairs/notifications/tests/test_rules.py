"""Who hears of each workflow step (the rules table), and that the receiver is generic: a
record type or step it has no rule for notifies nobody and never fails."""

from datetime import date

import pytest
from django.core import mail

from foreign_affairs.core.signals import transition_done
from foreign_affairs.core.tests.factories import AgreementFactory, DelegationFactory, UnitFactory
from foreign_affairs.delegations import services
from foreign_affairs.notifications.models import Notification
from foreign_affairs.notifications.rules import RULES, VERBS, rules_for

pytestmark = pytest.mark.django_db


def test_every_rule_names_a_known_audience_and_verb():
    for rule in RULES:
        assert rule.audience in {"unit", "office", "approvers"}, rule
        assert rule.verb in VERBS, rule
        assert rule.action or rule.to_status, rule


def test_the_table_for_delegations():
    table = {
        (action, tuple((r.audience, r.verb) for r in rules_for(model="delegations.delegation", action=action,
                                                             to_status="")))
        for action in ("submit", "return", "appraise", "approve", "reject", "withdraw", "cancel", "complete",
                       "report", "evaluate")
    }
    assert table == {
        ("submit", (("office", "submitted"), ("approvers", "awaits_decision"))),
        ("return", (("unit", "returned"),)),
        ("appraise", (("approvers", "appraised"),)),
        ("approve", (("unit", "approved"),)),
        ("reject", (("unit", "rejected"),)),
        ("withdraw", (("office", "withdrawn"),)),
        ("cancel", (("unit", "cancelled"),)),
        ("complete", ()),
        ("report", (("office", "reported"),)),
        ("evaluate", (("unit", "evaluated"),)),
    }


def _notified(record=None):
    qs = Notification.objects.all() if record is None else Notification.objects.filter(object_id=record.pk)
    return sorted((n.recipient.username, n.verb) for n in qs.select_related("recipient"))


@pytest.fixture
def people(role_users, with_email):
    for user in role_users.values():
        with_email(user)
    return role_users


@pytest.fixture
def proposal(unit_a):
    # Host unit under unit A: its officers see it through the unit above.
    return DelegationFactory(status="draft", host_unit=UnitFactory(parent=unit_a), title="Trip to Vientiane",
                             start_on=date(2025, 3, 3), end_on=date(2025, 3, 7))


def test_each_step_notifies_the_people_concerned(proposal, people, django_capture_on_commit_callbacks):
    unit, officer, approver = people["unit_officer_a"], people["officer"], people["approver"]
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_submit(delegation=proposal, actor=unit)
    assert _notified() == [("approver", "awaits_decision"), ("officer", "submitted")]
    assert sorted(m.to[0] for m in mail.outbox) == ["approver@example.vn", "officer@example.vn"]

    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_return(delegation=proposal, actor=officer, comment="Add the invitation letter")
    # unit_officer_b's unit is elsewhere; admin and viewer are nobody's audience.
    assert _notified() == [("unit_officer_a", "returned")]
    returned = Notification.objects.get()
    assert returned.message == "“Trip to Vientiane” was returned for changes by officer."
    assert returned.params["comment"] == "Add the invitation letter"
    assert returned.url == f"/delegations/{proposal.pk}/"
    assert "Add the invitation letter" in mail.outbox[-1].body

    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_submit(delegation=proposal, actor=unit)
        services.delegation_appraise(delegation=proposal, actor=officer, opinion="Agree")
        services.delegation_approve(delegation=proposal, actor=approver, decision_no="1/QĐ",
                                    decision_on=date(2025, 2, 1))
    assert _notified() == [("approver", "appraised"), ("approver", "awaits_decision"), ("officer", "submitted"),
                           ("unit_officer_a", "approved")]


def test_the_actor_is_not_told_of_their_own_step(proposal, people, django_capture_on_commit_callbacks):
    """An officer proposing for a unit is not told that a unit proposed."""
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_submit(delegation=proposal, actor=people["officer"])
    assert ("officer", "submitted") not in _notified()
    assert ("approver", "awaits_decision") in _notified()


def test_nobody_is_told_of_a_record_they_cannot_open(people, unit_b, django_capture_on_commit_callbacks):
    """A unit officer whose unit is not the record's is never in the audience."""
    trip = DelegationFactory(status="proposed", host_unit=unit_b)
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_reject(delegation=trip, actor=people["approver"], decision_no="2/QĐ",
                                   decision_on=date(2025, 2, 1))
    assert _notified() == [("unit_officer_b", "rejected")]


def test_a_model_without_rules_notifies_nobody_and_does_not_fail(people, django_capture_on_commit_callbacks):
    agreement = AgreementFactory()
    with django_capture_on_commit_callbacks(execute=True):
        from foreign_affairs.core.signals import send_transition_done

        send_transition_done(record=agreement, action="sign", from_status="approved", to_status="signed",
                             actor=people["officer"])
    assert not Notification.objects.exists()


def test_a_rule_for_another_model_works_the_same_way(people, unit_a, monkeypatch,
                                                     django_capture_on_commit_callbacks):
    """Agreements' steps will arrive with rules of their own: a rule by status for them is enough."""
    from foreign_affairs.notifications import rules

    monkeypatch.setattr(rules, "RULES", (*rules.RULES,
                                         rules.Rule("agreements.agreement", "unit", "approved", to_status="signed")))
    agreement = AgreementFactory(title_en="MOU with Houaphanh")
    agreement.units.set([unit_a])
    with django_capture_on_commit_callbacks(execute=True):
        transition_done.send(sender=type(agreement), record=agreement, action="sign", from_status="approved",
                             to_status="signed", actor=people["officer"], transition=None)
    assert _notified() == [("unit_officer_a", "approved")]
    assert Notification.objects.get().url == f"/agreements/{agreement.pk}/"


def test_a_failing_mail_server_does_not_fail_the_step(proposal, people, monkeypatch, caplog,
                                                       django_capture_on_commit_callbacks):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError("SMTP down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_submit(delegation=proposal, actor=people["unit_officer_a"])
    proposal.refresh_from_db()
    assert proposal.status == "proposed"
    assert Notification.objects.filter(verb="submitted", emailed_at__isnull=True).exists()  # in-app still
    assert "e-mail of submitted" in caplog.text


def test_a_failing_rule_is_logged_not_raised(proposal, people, monkeypatch, caplog,
                                             django_capture_on_commit_callbacks):
    def broken(**kwargs):
        raise RuntimeError("bad rule")

    monkeypatch.setattr("foreign_affairs.notifications.receivers.rules_for", broken)
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_submit(delegation=proposal, actor=people["unit_officer_a"])
    assert "not notified" in caplog.text
    assert not Notification.objects.exists()


def test_messages_are_composed_in_the_readers_language(proposal, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_submit(delegation=proposal, actor=people["unit_officer_a"])
    notification = Notification.objects.get(recipient=people["officer"])
    assert notification.message == "unit_officer_a submitted “Trip to Vientiane” for appraisal."
    unknown = Notification(verb="signed", record_label="MOU", params={"actor": "lan", "action": "sign"})
    assert unknown.message == "“MOU”: sign by lan."


def test_each_recipient_is_mailed_in_their_own_language(proposal, people, client, settings,
                                                        django_capture_on_commit_callbacks):
    settings.LANGUAGE_CODE = "vi"  # the site's language
    unit, officer, approver = people["unit_officer_a"], people["officer"], people["approver"]
    # The officer chose English in the header; the leader never switched: the site's Vietnamese.
    client.force_login(officer)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    officer.refresh_from_db()
    assert officer.language == "en" and approver.language == ""
    with django_capture_on_commit_callbacks(execute=True):
        services.delegation_submit(delegation=proposal, actor=unit)
    mails = {m.to[0]: m for m in mail.outbox}
    assert "submitted “Trip to Vientiane” for appraisal" in mails["officer@example.vn"].body
    assert "Your notifications and worklist" in mails["officer@example.vn"].body
    leader_mail = mails["approver@example.vn"]
    assert "đang chờ ý kiến quyết định của bạn" in leader_mail.body
    assert "[Cơ sở dữ liệu đối ngoại]" in leader_mail.subject
