"""Peak resident memory of building one report, in a fresh process (the bench's RSS figure):

    python -m bench.memory ENGINE SCALE UNIT_REF YEAR

Prints {"rss_before_mb": …, "rss_peak_mb": …}: the process's maximum RSS after Django is set
up and the first query ran, and after building the annual report (resource.getrusage maxrss).
"""

from __future__ import annotations

import json
import resource
import sys

from bench import db


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    engine, scale, unit_ref, year = sys.argv[1:5]
    db.configure(engine, scale)
    import django

    django.setup()
    from foreign_affairs.core.models import Unit
    from foreign_affairs.reports.periods import period_for
    from foreign_affairs.reports.selectors import report_build

    unit = Unit.objects.get(ref=unit_ref)
    before = maxrss_mb()
    report_build(period=period_for("annual", year=int(year)), unit=unit)
    print(json.dumps({"rss_before_mb": round(before, 1), "rss_peak_mb": round(maxrss_mb(), 1)}))


if __name__ == "__main__":
    main()
