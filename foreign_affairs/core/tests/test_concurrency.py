"""record_version_check: the version moves with every change; a stale version is an
EditConflict naming who, when and what; two saves racing from one version never both win."""

import threading
import time

import pytest
from django.db import connection, transaction

from foreign_affairs.core.concurrency import EditConflict, record_version, record_version_check
from foreign_affairs.core.services import record_save
from foreign_affairs.core.tests.factories import PartnerFactory
from foreign_affairs.partners.models import Partner


@pytest.mark.django_db
def test_the_version_moves_with_every_change_including_links(officer):
    partner = PartnerFactory()
    first = record_version(partner)
    partner.notes = "changed"
    record_save(instance=partner, actor=officer)
    second = record_version(partner)
    from foreign_affairs.core.models import Field

    record_save(instance=partner, actor=officer, m2m={"fields": list(Field.objects.all()[:1])})
    assert len({first, second, record_version(partner)}) == 3


@pytest.mark.django_db
def test_a_stale_version_raises_a_conflict_with_who_what_and_when(officer):
    partner = PartnerFactory(name_en="Old name")
    opened = record_version(partner)
    partner.name_en = "New name"
    record_save(instance=partner, actor=officer)
    with pytest.raises(EditConflict) as caught, transaction.atomic():
        record_version_check(instance=partner, version=opened)
    conflict = caught.value
    assert conflict.changed_by == ["officer"] and conflict.changed_at is not None
    assert [(c.field, c.old, c.new) for c in conflict.changes] == [("name_en", "Old name", "New name")]
    assert conflict.version == record_version(partner)
    with transaction.atomic():
        assert record_version_check(instance=partner, version=conflict.version) == conflict.version


@pytest.mark.django_db(transaction=True)
def test_the_check_refuses_to_run_outside_a_transaction():
    partner = PartnerFactory()
    with pytest.raises(RuntimeError):
        record_version_check(instance=partner, version="1")


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif("connection.vendor == 'sqlite'",
                    reason="needs separate connections to one database (run with DATABASE_URL=postgresql://…)")
def test_two_concurrent_edits_of_one_record_lose_nothing(make_user):
    """Both editors opened the same version; they save at the same moment. The row lock makes
    the second wait for the first, see its change and get the conflict: one save, one conflict,
    the first editor's change kept."""
    lan, minh = make_user("lan", "officer"), make_user("minh", "officer")
    partner = PartnerFactory(notes="")
    opened = record_version(partner)
    start = threading.Barrier(2)
    results: dict[str, str] = {}

    def edit(user, notes, pause):
        try:
            record = Partner.objects.get(pk=partner.pk)
            start.wait(timeout=10)
            try:
                with transaction.atomic():
                    record_version_check(instance=record, version=opened)
                    time.sleep(pause)  # the other editor arrives while this one holds the lock
                    record.notes = notes
                    record_save(instance=record, actor=user)
                results[user.username] = "saved"
            except EditConflict as conflict:
                results[user.username] = f"conflict: {', '.join(conflict.changed_by)}"
        finally:
            connection.close()

    threads = [threading.Thread(target=edit, args=(lan, "Lan's note", 0.5)),
               threading.Thread(target=edit, args=(minh, "Minh's note", 0.5))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(results.values())[0].startswith("conflict:") and sorted(results.values())[1] == "saved"
    winner = next(name for name, result in results.items() if result == "saved")
    loser = next(name for name, result in results.items() if result != "saved")
    assert results[loser] == f"conflict: {winner}"
    partner.refresh_from_db()
    assert partner.notes == {"lan": "Lan's note", "minh": "Minh's note"}[winner]
    assert partner.history.filter(history_type="~").count() == 1  # exactly one change was written
