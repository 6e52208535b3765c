"""python manage.py report KIND --year Y [--half H|--quarter Q|--month M] [--from D --to D]
[--unit REF] [--lang vi|en] --format json|html|docx|pdf -o PATH"""

from __future__ import annotations

import sys
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from foreign_affairs.core.models import Unit
from foreign_affairs.reports.periods import PeriodError, ReportKind, period_for
from foreign_affairs.reports.render import FORMATS, render
from foreign_affairs.reports.selectors import report_build

KIND_ALIASES = {"six-month": ReportKind.SIX_MONTH, "half": ReportKind.SIX_MONTH, "nine-month": ReportKind.NINE_MONTH,
                "quarter": ReportKind.QUARTERLY, "month": ReportKind.MONTHLY, "period": ReportKind.RANGE}


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"{text!r} is not a date: write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = "Write a report (annual, six_month, nine_month, quarterly, monthly or range) from the register."

    def add_arguments(self, parser):
        parser.add_argument("kind", help=f"one of {', '.join(ReportKind.ALL)}")
        parser.add_argument("--year", type=int)
        parser.add_argument("--half", type=int, help="1 or 2, for six_month")
        parser.add_argument("--quarter", type=int, help="1 to 4, for quarterly")
        parser.add_argument("--month", type=int, help="1 to 12, for monthly")
        parser.add_argument("--from", dest="start", help="period start, YYYY-MM-DD (any kind)")
        parser.add_argument("--to", dest="end", help="period end, YYYY-MM-DD (any kind)")
        parser.add_argument("--unit", help="ref of the unit whose subtree the report covers (default: the province)")
        parser.add_argument("--lang", default="vi", choices=["vi", "en"])
        parser.add_argument("--format", dest="fmt", default="json", choices=FORMATS)
        parser.add_argument("--detail", choices=["summary", "full"], default=None,
                            help="JSON only: 'summary' (default) leaves out the tables that list records; "
                                 "'full' includes them (documents are always full)")
        parser.add_argument("-o", "--output", default="-", help="file to write ('-': standard output)")

    def handle(self, *args, kind, year, half, quarter, month, start, end, unit, lang, fmt, output, detail=None,
               **options):
        kind = KIND_ALIASES.get(kind, kind)
        try:
            period = period_for(kind, year=year, half=half, quarter=quarter, month=month,
                                start=_date(start) if start else None, end=_date(end) if end else None)
        except PeriodError as exc:
            raise CommandError(str(exc)) from None
        unit_obj = None
        if unit:
            unit_obj = Unit.objects.filter(ref=unit).first()
            if unit_obj is None:
                raise CommandError(f"Unknown unit ref {unit!r}.")
        detail = (detail or "summary") if fmt == "json" else "full"
        document = report_build(period=period, unit=unit_obj, lang=lang, detail=detail)
        try:
            content = render(document, fmt)
        except ImportError as exc:
            raise CommandError(f"The {fmt} renderer is not available: {exc}") from None
        if output == "-":
            if fmt in ("json", "html"):
                self.stdout.write(content.decode("utf-8"))
            else:
                sys.stdout.buffer.write(content)
            return
        with open(output, "wb") as handle:
            handle.write(content)
        # One language in the sentence: the report's, like the period's name it quotes.
        with translation.override(lang):
            self.stderr.write(_("Wrote the report of %(period)s (%(format)s, %(language)s) to %(path)s.") % {
                "period": document["period"]["label"], "format": fmt.upper(),
                "language": get_language_info(lang)["name_translated"], "path": output,
            })
