"""A bundle exported as a backup restores every record and field into an empty register."""

from pathlib import Path

import pytest

from foreign_affairs.core.bundle import export_bundle, import_bundle, load_bundle_file

pytestmark = pytest.mark.django_db(transaction=True)

DEMO = Path(__file__).resolve().parents[3] / "demo" / "nghe-an.yaml"


def test_export_restores_into_an_empty_register(django_db_blocker):
    from django.core.management import call_command

    assert import_bundle(load_bundle_file(DEMO)).ok
    backup = export_bundle()
    call_command("flush", interactive=False, verbosity=0)  # an empty register (reference data reloads)
    from foreign_affairs.delegations.models import Delegation

    assert not Delegation.objects.exists()
    result = import_bundle(backup)
    assert result.ok, [str(e) for e in result.errors]
    assert export_bundle() == backup
