from pathlib import Path

from django.core.management.base import BaseCommand

from foreign_affairs.economy.iati import export_iati


class Command(BaseCommand):
    help = "Write every ODA programme as IATI activity XML (standard 2.03)."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        Path(path).write_bytes(export_iati())
        self.stdout.write(f"IATI activities written to {path}.")
