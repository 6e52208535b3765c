"""python manage.py export_bundle PATH [--sections units,partners] [--no-personal-data]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from foreign_affairs.core.bundle import SECTIONS, dump_bundle, export_bundle


class Command(BaseCommand):
    help = "Export the register as a data bundle: YAML, or JSON when PATH ends in .json ('-' for stdout)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="where to write the bundle (.yaml or .json; '-' writes YAML to stdout)")
        parser.add_argument(
            "--sections",
            default="",
            help=f"comma-separated sections to export (default: all of {', '.join(SECTIONS)})",
        )
        parser.add_argument(
            "--no-personal-data",
            action="store_true",
            help="leave out delegation members' passport numbers and dates of birth",
        )

    def handle(self, *args, path: str, sections: str = "", no_personal_data: bool = False, **options):
        chosen = [name.strip() for name in sections.split(",") if name.strip()] or None
        try:
            data = export_bundle(sections=chosen, personal_data=not no_personal_data)
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        fmt = "json" if path.lower().endswith(".json") else "yaml"
        text = dump_bundle(data, fmt)
        counts = ", ".join(f"{name}: {len(data[name])}" for name in SECTIONS if name in data)
        if path == "-":
            self.stdout.write(text, ending="")
            self.stderr.write(f"Exported {counts}.")
            return
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise CommandError(f"cannot write {path!r}: {exc.strerror or exc}") from None
        self.stdout.write(f"Exported {counts} to {path}.")
