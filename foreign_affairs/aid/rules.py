"""Deadlines and limits the aid and NGO regulations set, kept as data with their legal basis.

Day-counted deadlines go into the register's rules table (``core.DeadlineRule``, editable by
admins). The table counts days only, so the two periods the regulations give in months and
years are kept here as versioned rows (a new regulation is a new row with a later
``valid_from``); they move into the rules table once it can count months.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from foreign_affairs.core.choices import DayCount, DeadlineDirection


@dataclass(frozen=True)
class PeriodRule:
    """A period a regulation sets in whole months, counted from an event."""

    code: str
    months: int
    anchor_event: str
    legal_basis: str
    verified: bool
    valid_from: date | None = None
    valid_until: date | None = None


PERIOD_RULES: tuple[PeriodRule, ...] = (
    PeriodRule(
        "aid_start_deadline", 6, "approval of the aid",
        "Decree 80/2020/NĐ-CP (non-ODA aid): the approval may be revoked if the aid is not implemented within "
        "6 months of its approval (research/domain.md §1.2, W5)",
        True, valid_from=date(2020, 9, 17),
    ),
    PeriodRule(
        "ngo_certificate_max_validity", 36, "issue of the certificate",
        "Decree 58/2022/NĐ-CP (foreign NGOs): registration certificates are valid for at most 3 years "
        "(research/domain.md §1.2, W6)",
        True, valid_from=date(2022, 11, 1),
    ),
)

# Day-counted rules added to core.DeadlineRule (codes, names, days, count, direction, anchor, basis, verified).
DEADLINE_RULES = [
    ("aid_appraisal", "Thẩm định khoản viện trợ phi chính phủ nước ngoài",
     "Appraisal of a non-ODA aid item", 20, DayCount.CALENDAR_DAYS, DeadlineDirection.AFTER,
     "receipt of a complete aid file",
     "Decree 80/2020/NĐ-CP: appraisal within 20 days of a complete file (whether calendar or working days is "
     "to be checked against the official text)", False),
]


class NoPeriodRule(LookupError):
    pass


def period_rule_in_force(code: str, on: date) -> PeriodRule:
    """The period rule with this code that applies on ``on`` (the latest that has started)."""
    candidates = [
        rule for rule in PERIOD_RULES
        if rule.code == code and (rule.valid_from is None or rule.valid_from <= on)
        and (rule.valid_until is None or on <= rule.valid_until)
    ]
    if not candidates:
        # A decision older than the regulation: the earliest version is the best available.
        candidates = [rule for rule in PERIOD_RULES if rule.code == code][:1]
    if not candidates:
        raise NoPeriodRule(f"no period rule {code!r}")
    return max(candidates, key=lambda rule: rule.valid_from or date.min)


def add_months(day: date, months: int) -> date:
    """The same day ``months`` months later; the month's last day when it is shorter
    (31 August + 6 months = 28 or 29 February)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def aid_start_deadline(approved_on: date) -> date:
    """The date by which approved aid must start being implemented (else the approval may be revoked)."""
    return add_months(approved_on, period_rule_in_force("aid_start_deadline", approved_on).months)


def certificate_latest_expiry(issued_on: date) -> date:
    """The latest expiry date a foreign NGO's certificate issued on ``issued_on`` may have."""
    return add_months(issued_on, period_rule_in_force("ngo_certificate_max_validity", issued_on).months)


def aid_appraisal_due(file_on: date) -> date | None:
    """When the appraisal of an aid file received complete on ``file_on`` is due (rules table)."""
    from foreign_affairs.core.deadlines import NoRule, deadline

    try:
        return deadline("aid_appraisal", file_on)
    except NoRule:
        return None


def aid_rules_load() -> None:
    """Add each aid deadline rule whose code has no row yet; existing rows are never changed."""
    from foreign_affairs.core.models import DeadlineRule

    existing = set(DeadlineRule.objects.values_list("code", flat=True))
    DeadlineRule.objects.bulk_create([
        DeadlineRule(code=code, name_vi=name_vi, name_en=name_en, days=days, day_count=count, direction=direction,
                     anchor_event=anchor, legal_basis=basis, verified=verified)
        for code, name_vi, name_en, days, count, direction, anchor, basis, verified in DEADLINE_RULES
        if code not in existing
    ])


def aid_rules_after_migrate(sender, **kwargs) -> None:
    aid_rules_load()
