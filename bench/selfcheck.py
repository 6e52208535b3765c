"""The bench's self-check of the report engine's performance work: the report JSON of the
engine as it was (bench/legacy_reports, a copy of commit ac2768b) and of today's engine, for the
same data, must be the same byte for byte apart from ``generated_at`` (on PostgreSQL, also apart
from the order of the breakdowns' keys, which the engine before left to the database's grouping
and the engine now sorts).

    python -m bench.selfcheck [sqlite|postgresql] [tiny|small]

Compares every province root, one department and the whole register, over several kinds of
period, in both languages; exits non-zero at the first difference, naming where it is.
"""

from __future__ import annotations

import json
import sys


def cases(scale):
    from bench import national
    from foreign_affairs.core.models import Unit
    from foreign_affairs.reports.periods import period_for

    year = scale.years[-1]
    periods = [period_for("annual", year=year), period_for("annual", year=scale.years[0]),
               period_for("six_month", year=year, half=2), period_for("quarterly", year=year, quarter=1)]
    units = [None, *Unit.objects.filter(parent__isnull=True).order_by("pk"),
             Unit.objects.filter(ref=f"{national.province_ref(0)}-u00").first()]
    for period in periods:
        for unit in units:
            for lang in ("vi", "en"):
                yield period, unit, lang


def _dump(document: dict, *, sort_breakdowns: bool = False) -> str:
    document = {**document, "generated_at": None}
    if sort_breakdowns:
        document["indicators"] = {code: {**figure, "breakdown": dict(sorted(figure["breakdown"].items()))
                                         if figure.get("breakdown") else figure.get("breakdown")}
                                  for code, figure in document["indicators"].items()}
    return json.dumps(document, ensure_ascii=False, indent=1, default=str)


def first_difference(old: str, new: str) -> str:
    for number, (a, b) in enumerate(zip(old.splitlines(), new.splitlines(), strict=False), start=1):
        if a != b:
            return f"line {number}:\n  old: {a.strip()[:200]}\n  new: {b.strip()[:200]}"
    return f"lengths differ ({len(old)} vs {len(new)} characters)"


def compare_all(scale, *, log=print) -> list[str]:
    """Every case's difference (empty: old and new agree everywhere)."""
    from django.db import connection

    from bench.legacy_reports.selectors import report_build as legacy_build
    from foreign_affairs.reports.selectors import report_build

    # The engine now gives breakdowns in key order. The engine before gave them in the order the
    # database grouped them: key order on SQLite (so there the comparison is strict), whatever
    # order the plan gave on PostgreSQL (a hash aggregate): there only that order is set aside.
    sort_breakdowns = connection.vendor != "sqlite"
    problems = []
    count = 0
    for period, unit, lang in cases(scale):
        if unit is None and period.kind == "annual" and period.year != scale.years[-1]:
            continue
        old = _dump(legacy_build(period=period, unit=unit, lang=lang), sort_breakdowns=sort_breakdowns)
        new = _dump(report_build(period=period, unit=unit, lang=lang), sort_breakdowns=sort_breakdowns)
        count += 1
        if old != new:
            where = f"{period.kind} {period.start}–{period.end}, unit {unit.ref if unit else 'none'}, {lang}"
            problems.append(f"{where}: {first_difference(old, new)}")
    log(f"self-check: {count} reports compared, {len(problems)} differ"
        + (" (breakdowns compared in key order)" if sort_breakdowns else " (byte for byte)"))
    return problems


def main() -> None:
    engine = sys.argv[1] if len(sys.argv) > 1 else "sqlite"
    scale_name = sys.argv[2] if len(sys.argv) > 2 else "small"
    from bench import national
    from bench.measure import ensure_dataset

    ensure_dataset(engine, scale_name)
    problems = compare_all(national.SCALES[scale_name])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(f"self-check failed: {len(problems)} reports differ between the old and the new engine")


if __name__ == "__main__":
    main()
