"""python manage.py import_bundle PATH [--dry-run]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from foreign_affairs.core.bundle import BundleLoadError, import_bundle, load_bundle_file

PROGRESS_FROM = 500


class Command(BaseCommand):
    help = (
        "Import a data bundle (YAML or JSON, format fa-bundle/1). The whole bundle is checked first; "
        "any problem is printed as 'section[index] (ref): field: message' and nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="the bundle file (.yaml, .yml or .json)")
        parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")

    def handle(self, *args, path: str, dry_run: bool = False, **options):
        try:
            data = load_bundle_file(path)
        except BundleLoadError as exc:
            self.stderr.write(str(exc))
            raise CommandError("the bundle could not be read; nothing was imported") from None

        def progress(section: str, done: int, total: int) -> None:
            if total >= PROGRESS_FROM:
                self.stderr.write(f"{section}: {done}/{total}")

        result = import_bundle(data, dry_run=dry_run, actor=None, progress=progress)
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            count = len(result.errors)
            raise CommandError(f"{count} problem{'s' if count != 1 else ''} found; nothing was imported")
        for line in result.summary_lines():
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: the bundle is valid; nothing was written.")
        else:
            self.stdout.write(self.style.SUCCESS("Import complete."))
