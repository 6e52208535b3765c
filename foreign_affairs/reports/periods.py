"""Reporting periods: closed date ranges, named the way the office names them (năm 2023,
6 tháng đầu năm 2025, quý III/2024, tháng 10/2025, 01/01/2025–31/10/2025), and the same span one
year earlier that every figure is compared with."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodError(ValueError):
    """A period that cannot be built from what was given (the message says what is wrong)."""


class ReportKind:
    ANNUAL = "annual"
    SIX_MONTH = "six_month"
    NINE_MONTH = "nine_month"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"
    RANGE = "range"

    ALL = (ANNUAL, SIX_MONTH, NINE_MONTH, QUARTERLY, MONTHLY, RANGE)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _is_month_end(day: date) -> bool:
    return day == _month_end(day.year, day.month)


def _year_earlier(day: date, *, keep_month_end: bool) -> date:
    year = day.year - 1
    if keep_month_end and _is_month_end(day):
        return _month_end(year, day.month)
    if day.month == 2 and day.day == 29:
        return date(year, 2, 28)
    return day.replace(year=year)


@dataclass(frozen=True)
class Period:
    """A closed date range [start, end] a report covers; ``kind`` says how it is named."""

    start: date
    end: date
    kind: str = ReportKind.RANGE

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(_("The period ends (%(end)s) before it starts (%(start)s).")
                              % {"start": self.start.isoformat(), "end": self.end.isoformat()})

    @property
    def year(self) -> int:
        return self.start.year

    @property
    def is_whole_year(self) -> bool:
        return self.start == date(self.start.year, 1, 1) and self.end == date(self.start.year, 12, 31)

    def previous_year(self) -> Period:
        """The same span one year earlier (a period ending on a month's last day keeps ending on
        that month's last day: January–February 2025 is compared with 1/1–29/2/2024)."""
        return Period(
            start=_year_earlier(self.start, keep_month_end=False),
            end=_year_earlier(self.end, keep_month_end=True),
            kind=self.kind,
        )

    def next_year(self) -> int:
        return self.end.year + 1

    def label(self) -> str:
        """The period as the report's title names it, in the active language."""
        start, end = self.start, self.end
        if self.is_whole_year:
            return _("the year %(year)d") % {"year": start.year}
        if start.day == 1 and _is_month_end(end) and start.year == end.year:
            if start.month == end.month:
                return _("month %(month)02d/%(year)d") % {"month": start.month, "year": start.year}
            if (start.month - 1) % 3 == 0 and end.month == start.month + 2:
                return _("quarter %(quarter)s/%(year)d") % {"quarter": ROMAN[(start.month - 1) // 3 + 1],
                                                             "year": start.year}
            if start.month == 1 and end.month == 6:
                return _("the first six months of %(year)d") % {"year": start.year}
            if start.month == 7 and end.month == 12:
                return _("the last six months of %(year)d") % {"year": start.year}
            if start.month == 1:
                return _("the first %(months)d months of %(year)d") % {"months": end.month, "year": start.year}
        return _("%(start)s to %(end)s") % {"start": start.strftime("%d/%m/%Y"), "end": end.strftime("%d/%m/%Y")}

    def as_dict(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "label": self.label()}


def period_for(kind: str, *, year: int | None = None, half: int | None = None, quarter: int | None = None,
               month: int | None = None, start: date | None = None, end: date | None = None) -> Period:
    """The period of a report kind: ``annual`` (year), ``six_month`` (year, half 1 or 2),
    ``nine_month`` (year), ``quarterly`` (year, quarter 1–4), ``monthly`` (year, month 1–12),
    ``range`` (start, end). ``start``/``end`` given with any kind override it (the office's
    "10 months" report is an annual report cut at 31 October)."""
    if kind not in ReportKind.ALL:
        raise PeriodError(_("Unknown report kind %(kind)r: use one of %(kinds)s.")
                          % {"kind": kind, "kinds": ", ".join(ReportKind.ALL)})
    if start is not None or end is not None:
        if start is None or end is None:
            raise PeriodError(_("Give both the start and the end of the period."))
        return Period(start=start, end=end, kind=kind)
    if year is None:
        raise PeriodError(_("Give the year (or the start and the end) of the period."))
    if not 1900 <= year <= 2999:
        raise PeriodError(_("The year %(year)s is out of range.") % {"year": year})
    if kind == ReportKind.ANNUAL:
        return Period(date(year, 1, 1), date(year, 12, 31), kind)
    if kind == ReportKind.SIX_MONTH:
        half = half or 1
        if half not in (1, 2):
            raise PeriodError(_("The half year is 1 or 2."))
        return Period(date(year, 1 if half == 1 else 7, 1), _month_end(year, 6 if half == 1 else 12), kind)
    if kind == ReportKind.NINE_MONTH:
        return Period(date(year, 1, 1), date(year, 9, 30), kind)
    if kind == ReportKind.QUARTERLY:
        if quarter not in (1, 2, 3, 4):
            raise PeriodError(_("The quarter is 1, 2, 3 or 4."))
        first = 3 * (quarter - 1) + 1
        return Period(date(year, first, 1), _month_end(year, first + 2), kind)
    if kind == ReportKind.MONTHLY:
        if month not in range(1, 13):
            raise PeriodError(_("The month is 1 to 12."))
        return Period(date(year, month, 1), _month_end(year, month), kind)
    raise PeriodError(_("A report over a range needs its start and end dates."))
