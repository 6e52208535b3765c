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


def test_a_backup_restores_the_uploaded_files_with_their_records(tmp_path, settings, client, django_db_blocker):
    """The nightly backup is the database and the upload folder together (docs/deployment.md §6).
    Restored on another machine — the database loaded, the folder unpacked under a new
    FA_MEDIA_ROOT — every attachment opens again, byte for byte, through the permission check;
    ``check_uploads`` confirms none is missing, and names any that is."""
    import io
    import shutil
    import tarfile

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from foreign_affairs.core.services import attachment_add, user_create
    from foreign_affairs.core.tests.factories import PartnerFactory
    from foreign_affairs.partners.models import Partner, PartnerAttachment

    settings.MEDIA_ROOT = tmp_path / "old-server" / "uploads"
    officer, _token = user_create(username="officer", password="correct horse battery", role="officer")
    partner = PartnerFactory(ref="p-restore")
    scan = b"%PDF-1.4 scanned MOU " + bytes(range(256)) * 40
    attachment = attachment_add(record=partner, upload=SimpleUploadedFile("MOU 2024.pdf", scan), actor=officer)

    # Backup: the records (pg_dump in production) and the upload folder (tar).
    dump = io.StringIO()
    call_command("dumpdata", "partners", stdout=dump)
    archive = tmp_path / "fa-uploads.tgz"
    with tarfile.open(archive, "w:gz") as tar:
        tar.add(settings.MEDIA_ROOT, arcname="uploads")

    # The server is lost.
    shutil.rmtree(tmp_path / "old-server")
    Partner.objects.all().delete()
    assert not PartnerAttachment.objects.exists()

    # Restore on a new machine, into another folder.
    new_var = tmp_path / "new-server"
    new_var.mkdir()
    settings.MEDIA_ROOT = new_var / "uploads"
    fixture = tmp_path / "partners.json"
    fixture.write_text(dump.getvalue())
    call_command("loaddata", str(fixture), verbosity=0)
    # The records are back, the files not yet: check_uploads names what is missing.
    errors = io.StringIO()
    with pytest.raises(CommandError):
        call_command("check_uploads", stdout=io.StringIO(), stderr=errors)
    assert "MOU 2024.pdf" in errors.getvalue()
    with tarfile.open(archive) as tar:
        tar.extractall(new_var, filter="data")
    out = io.StringIO()
    call_command("check_uploads", stdout=out)
    assert "1 attachment(s) checked, 0 missing." in out.getvalue()

    client.force_login(officer)
    response = client.get(f"/attachments/partners/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == scan
    assert 'filename="MOU 2024.pdf"' in response["Content-Disposition"]
