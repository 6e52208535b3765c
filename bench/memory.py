"""Peak resident memory of building one report, in a fresh process (the bench's RSS figure):

    python -m bench.memory ENGINE SCALE UNIT_REF YEAR

Prints {"rss_before_mb": …, "rss_peak_mb": …}: the process's maximum RSS after Django is set
up and the first query ran, and after building the annual report (resource.getrusage maxrss),
and the same from /proc/self/status VmHWM. The bench starts this process before its own memory
grows (ru_maxrss counts the RSS of the process it was forked from).
"""

from __future__ import annotations

import json
import resource
import sys

from bench import db


def maxrss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def hwm_mb() -> float | None:
    """The process's own peak RSS (VmHWM): unlike ru_maxrss it does not carry over the RSS of
    the parent this process was forked from."""
    try:
        for line in open("/proc/self/status", encoding="ascii"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def main() -> None:
    engine, scale, unit_ref, year = sys.argv[1:5]
    db.configure(engine, scale)
    import django

    django.setup()
    from foreign_affairs.core.models import Unit
    from foreign_affairs.reports.periods import period_for
    from foreign_affairs.reports.selectors import report_build

    unit = Unit.objects.get(ref=unit_ref)
    before, hwm_before = maxrss_mb(), hwm_mb()
    report_build(period=period_for("annual", year=int(year)), unit=unit)
    hwm = hwm_mb()
    print(json.dumps({"rss_before_mb": round(before, 1), "rss_peak_mb": round(maxrss_mb(), 1),
                      "hwm_before_mb": round(hwm_before, 1) if hwm_before else None,
                      "hwm_peak_mb": round(hwm, 1) if hwm else None}))


if __name__ == "__main__":
    main()
