import getpass
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from foreign_affairs.core.choices import Role
from foreign_affairs.core.models import Unit
from foreign_affairs.core.services import user_create


class Command(BaseCommand):
    help = "Create a user with a role; the password is read from standard input. Prints an API token."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--unit", help="ref of the user's unit (required for unit_officer)")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, role, unit, email, **options):
        unit_obj = None
        if unit:
            unit_obj = Unit.objects.filter(ref=unit).first()
            if unit_obj is None:
                raise CommandError(f"--unit: no unit with ref {unit!r}")
        if sys.stdin.isatty():
            password = getpass.getpass("Password: ")
        else:
            password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise CommandError("a password is required on standard input")
        try:
            user, token = user_create(username=username, password=password, role=role, unit=unit_obj, email=email)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
            raise CommandError("password: " + " ".join(exc.messages)) from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(token)
