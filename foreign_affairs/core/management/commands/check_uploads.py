from django.apps import apps
from django.core.management.base import BaseCommand, CommandError

from foreign_affairs.core.models import AttachmentBase


class Command(BaseCommand):
    help = (
        "Check that every attachment recorded in the database has its file under MEDIA_ROOT "
        "(run after restoring a backup); exits non-zero if any is missing."
    )

    def handle(self, *args, **options):
        checked = missing = 0
        for model in apps.get_models():
            if not issubclass(model, AttachmentBase):
                continue
            for attachment in model._default_manager.order_by("pk").iterator():
                checked += 1
                if not attachment.file or not attachment.file.storage.exists(attachment.file.name):
                    missing += 1
                    self.stderr.write(
                        f"{model._meta.label_lower} #{attachment.pk} ({attachment.original_name}): "
                        f"file missing: {attachment.file.name}"
                    )
        self.stdout.write(f"{checked} attachment(s) checked, {missing} missing.")
        if missing:
            raise CommandError(f"{missing} attachment file(s) missing under MEDIA_ROOT")
