import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from foreign_affairs.core.bundle import BundleLoadError, import_bundle, load_bundle_file
from foreign_affairs.core.models import Unit, User
from foreign_affairs.core.services import user_create, user_set_role

DEMO_PASSWORD = "demo-2026-register"
# The Nghệ An demo (docs/demo.md): what public sources say, then the illustrative records a
# province's own files would hold (written by demo/generate.py). The second names records of the
# first by ref, so they are imported in this order, by the same importer as a province's data.
DEMO_BUNDLES = ["demo/nghe-an.yaml", "demo/nghe-an-illustrative.json"]
# One login per role, so a visitor can see what each kind of user sees. The unit user works in a
# real provincial department, the Department of Industry and Trade, whose records are in the demo.
DEMO_USERS = [
    ("officer", "officer", None),
    ("leader", "approver", None),
    ("unit", "unit_officer", "so-cong-thuong"),
    ("viewer", "viewer", None),
    ("admin", "admin", None),
]


class Command(BaseCommand):
    help = "Load the demo bundles (idempotent) and create one demo login per role."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", metavar="PATH",
                            help=f"bundles to import in order (default: {' then '.join(DEMO_BUNDLES)})")

    def handle(self, *args, paths, **options):
        for path in paths or DEMO_BUNDLES:
            try:
                data = load_bundle_file(path)
            except BundleLoadError as exc:
                raise CommandError(str(exc)) from exc
            started = time.monotonic()
            result = import_bundle(data)
            if not result.ok:
                for error in result.errors:
                    self.stderr.write(str(error))
                raise CommandError(f"{path}: {len(result.errors)} problem(s); nothing was loaded from it")
            records = sum(result.created.values()) + sum(result.updated.values())
            self.stdout.write(f"Demo data loaded from {path} ({records} records, {time.monotonic() - started:.1f} s).")
        with transaction.atomic():
            for username, role, unit_ref in DEMO_USERS:
                unit = Unit.objects.filter(ref=unit_ref).first() if unit_ref else None
                if role == "unit_officer" and unit is None:
                    unit = Unit.objects.filter(kind="department").order_by("ref").first()
                user = User.objects.filter(username=username).first()
                if user is None:
                    user_create(username=username, password=DEMO_PASSWORD, role=role, unit=unit)
                else:
                    user_set_role(user=user, role=role, unit=unit)
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for username, role, _unit in DEMO_USERS:
            self.stdout.write(f"  {username:8} {role}")
