from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from foreign_affairs.delegations.reminders import report_reminders_send


class Command(BaseCommand):
    help = (
        "Remind of overdue post-trip reports: in-app notifications and e-mail, once a day per report and "
        "person (run daily from cron; running it again the same day sends nothing new)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="the date to count from (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        sent = report_reminders_send(today=today or timezone.localdate())
        self.stdout.write(f"{sent.emails} reminder(s) sent.")
        self.stdout.write(f"{sent.notifications} notification(s) created.")
