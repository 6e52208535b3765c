import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from foreign_affairs.core.services import attachment_add

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path


def test_attachment_name_is_sanitised_and_stored_outside_web_root(officer, tmp_path):
    agreement = AgreementFactory()
    upload = SimpleUploadedFile("../../etc/Biên bản ký kết.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    attachment = attachment_add(record=agreement, upload=upload, actor=officer)
    assert attachment.original_name == "Biên bản ký kết.pdf"
    assert ".." not in attachment.file.name and " " not in attachment.file.name.rsplit("/", 1)[-1]
    assert attachment.file.path.startswith(str(tmp_path))
    assert agreement.attachments.count() == 1


def test_attachment_type_not_on_whitelist_is_refused(officer):
    agreement = AgreementFactory()
    upload = SimpleUploadedFile("run.exe", b"MZ", content_type="application/octet-stream")
    with translation.override("en"), pytest.raises(ValidationError) as err:
        attachment_add(record=agreement, upload=upload, actor=officer)
    assert "run.exe: files of type '.exe' are not accepted" in err.value.message_dict["file"][0]
    assert agreement.attachments.count() == 0


def test_attachment_over_size_limit_is_refused(officer, settings):
    settings.ATTACHMENT_MAX_BYTES = 1024 * 1024
    agreement = AgreementFactory()
    upload = SimpleUploadedFile("big.pdf", b"x" * (1024 * 1024 + 1), content_type="application/pdf")
    with translation.override("en"), pytest.raises(ValidationError) as err:
        attachment_add(record=agreement, upload=upload, actor=officer)
    assert err.value.message_dict["file"] == ["big.pdf: the file is larger than 1 MB"]
