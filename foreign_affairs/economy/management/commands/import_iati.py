from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from foreign_affairs.economy.iati import import_iati


class Command(BaseCommand):
    help = "Import ODA programmes from IATI activity XML, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, path, dry_run, **options):
        try:
            content = Path(path).read_bytes()
        except OSError as exc:
            raise CommandError(f"{path}: {exc.strerror}") from exc
        result = import_iati(content, dry_run=dry_run)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} problem(s) found; nothing was imported")
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            f"oda_programmes: {result.created['oda_programmes']} {verb} created, "
            f"{result.updated['oda_programmes']} {verb} updated."
        )
