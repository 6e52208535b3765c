"""The floor: the figures of a report (every computed indicator of DESIGN §2, for the period and
the same span a year earlier, with their breakdowns and the per-pillar values), obtained the way
an expert would ask the database for them by hand — one aggregate query per table, conditional
sums over both periods at once — with the engine's rules (took-place statuses, reception, permit
date, signed date, registration and adjustment dates, ODA years overlapping, cancelled
excluded). What the report engine costs is measured against this.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection

TOOK_PLACE = ("completed", "reported", "evaluated")
NOT_PERMITTED = ("draft", "proposed", "rejected", "withdrawn")
EVENT_HELD = ("held", "reported")
CENT = Decimal("0.01")
DELEGATION_CODES = ("delegations_out", "delegations_out_leaders", "delegations_in_received",
                    "foreign_visitors_received", "delegations_in_permitted")
UNATTRIBUTED = ("fdi_new_projects", "fdi_new_capital_usd", "fdi_adjusted_projects", "fdi_adjusted_capital_usd",
                "fdi_total_capital_usd", "oda_active_programmes", "oda_total_investment_vnd", "consular_cases_opened")


@dataclass
class Floor:
    """The floor's figures: ``now`` and ``before`` per indicator code (None: not attributable to
    the unit), ``breakdowns`` for the period, ``pillars[pillar][code] = (now, before)``."""

    now: dict[str, object] = field(default_factory=dict)
    before: dict[str, object] = field(default_factory=dict)
    breakdowns: dict[str, dict[str, int]] = field(default_factory=dict)
    pillars: dict[str, dict[str, tuple]] = field(default_factory=dict)
    queries: int = 0


def _in(values) -> str:
    return ", ".join(["%s"] * len(values))


def _money(value) -> Decimal:
    """A money sum as Django gives it: Decimal to the cent (SQLite sums decimals as REAL)."""
    if value is None:
        return Decimal(0)
    if isinstance(value, float):
        return Decimal(repr(value)).quantize(CENT)
    return Decimal(value).quantize(CENT) if not isinstance(value, int) else Decimal(value)


def _event_status_sql() -> tuple[str, list]:
    from foreign_affairs.events.models import Event

    try:
        Event._meta.get_field("status")
    except Exception:  # noqa: BLE001 - no workflow on events: every event counts as held
        return "", []
    condition = f"status IN ({_in(EVENT_HELD)})"
    return f" AND {condition}", list(EVENT_HELD)


def floor(unit_ids, period) -> Floor:
    """The figures for ``period`` and the previous year's span over the units ``unit_ids`` (a
    set of ids: a unit's subtree with its predecessors) or the whole register (None)."""
    previous = period.previous_year()
    now, before = (period.start, period.end), (previous.start, previous.end)
    result = Floor()
    took, not_permitted = list(TOOK_PLACE), list(NOT_PERMITTED)
    units = sorted(unit_ids) if unit_ids is not None else None

    def run(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            result.queries += 1
            return cursor.fetchall()

    # Delegations: one pass over the unit's delegations that started in either period, grouped by
    # pillar, and one over those permitted in either period (another date, another index).
    unit_sql = f" AND host_unit_id IN ({_in(units)})" if units is not None else ""
    cases, params = [], []
    for span in (now, before):
        cases += [
            f"SUM(CASE WHEN direction = 'outgoing' AND status IN ({_in(took)}) AND start_on BETWEEN %s AND %s "
            "THEN 1 ELSE 0 END)",
            f"SUM(CASE WHEN direction = 'outgoing' AND level = 'provincial_leader' AND status IN ({_in(took)}) "
            "AND start_on BETWEEN %s AND %s THEN 1 ELSE 0 END)",
            f"SUM(CASE WHEN direction = 'incoming' AND reception = 'received' AND status IN ({_in(took)}) "
            "AND start_on BETWEEN %s AND %s THEN 1 ELSE 0 END)",
            f"SUM(CASE WHEN direction = 'incoming' AND reception = 'received' AND status IN ({_in(took)}) "
            "AND start_on BETWEEN %s AND %s THEN foreign_visitors END)",
        ]
        params += [*took, *span] * 4
    params += [*now, *before] + (units or [])
    started = run(f"SELECT pillar, {', '.join(cases)} FROM delegations_delegation "
                  f"WHERE (start_on BETWEEN %s AND %s OR start_on BETWEEN %s AND %s){unit_sql} GROUP BY pillar",
                  params)
    permitted = run("SELECT pillar, SUM(CASE WHEN permit_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
                    "SUM(CASE WHEN permit_on BETWEEN %s AND %s THEN 1 ELSE 0 END) FROM delegations_delegation "
                    "WHERE direction = 'incoming' AND reception = 'permitted' "
                    f"AND status NOT IN ({_in(not_permitted)}) "
                    f"AND (permit_on BETWEEN %s AND %s OR permit_on BETWEEN %s AND %s){unit_sql} GROUP BY pillar",
                    [*now, *before, *not_permitted, *now, *before, *(units or [])])
    by_pillar: dict[str, list] = {}
    for pillar, *values in started:
        by_pillar[pillar] = [v or 0 for v in values[:4]] + [0] + [v or 0 for v in values[4:]] + [0]
    for pillar, n_now, n_before in permitted:
        row = by_pillar.setdefault(pillar, [0] * 10)
        row[4], row[9] = n_now or 0, n_before or 0
    totals_now = dict.fromkeys(DELEGATION_CODES, 0)
    totals_before = dict.fromkeys(DELEGATION_CODES, 0)
    for pillar, values in sorted(by_pillar.items()):
        pillar_row = {}
        for i, code in enumerate(DELEGATION_CODES):
            totals_now[code] += values[i]
            totals_before[code] += values[5 + i]
            pillar_row[code] = (values[i], values[5 + i])
            if code != "foreign_visitors_received" and values[i]:
                result.breakdowns.setdefault(code, {})[pillar] = values[i]
        result.pillars[pillar] = pillar_row
    result.now.update(totals_now)
    result.before.update(totals_before)

    # Events: by pillar and kind.
    status_sql, status_params = _event_status_sql()
    params = [*now, *before, *now, *before, *status_params]
    where = f"(start_on BETWEEN %s AND %s OR start_on BETWEEN %s AND %s){status_sql}"
    if units is not None:
        where += f" AND unit_id IN ({_in(units)})"
        params += units
    rows = run("SELECT pillar, kind, SUM(CASE WHEN start_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN start_on BETWEEN %s AND %s THEN 1 ELSE 0 END) "
               f"FROM events_event WHERE {where} GROUP BY pillar, kind", params)
    result.now["events_held"] = result.before["events_held"] = 0
    kinds: dict[str, int] = {}
    for pillar, kind, n_now, n_before in rows:
        result.now["events_held"] += n_now
        result.before["events_held"] += n_before
        if n_now:
            kinds[kind] = kinds.get(kind, 0) + n_now
        pillar_row = result.pillars.setdefault(pillar, {})
        was = pillar_row.get("events_held", (0, 0))
        pillar_row["events_held"] = (was[0] + n_now, was[1] + n_before)
    if kinds:
        result.breakdowns["events_held"] = kinds

    # Agreements: by kind; a unit's agreements are those it is a party to.
    params = [*now, *before, *now, *before]
    where = "(signed_on BETWEEN %s AND %s OR signed_on BETWEEN %s AND %s)"
    if units is not None:
        where += f" AND id IN (SELECT agreement_id FROM agreements_agreement_units WHERE unit_id IN ({_in(units)}))"
        params += units
    rows = run("SELECT kind, SUM(CASE WHEN signed_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN signed_on BETWEEN %s AND %s THEN 1 ELSE 0 END) "
               f"FROM agreements_agreement WHERE {where} GROUP BY kind", params)
    result.now["agreements_signed"] = sum(r[1] for r in rows)
    result.before["agreements_signed"] = sum(r[2] for r in rows)
    kinds = {kind: n for kind, n, _b in rows if n}
    if kinds:
        result.breakdowns["agreements_signed"] = kinds

    if units is not None:
        # FDI projects, ODA programmes and consular cases carry no unit: not attributable.
        for code in UNATTRIBUTED:
            result.now[code] = result.before[code] = None
        return result

    rows = run("SELECT SUM(CASE WHEN registered_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN registered_on BETWEEN %s AND %s THEN capital_usd END), "
               "SUM(CASE WHEN registered_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN registered_on BETWEEN %s AND %s THEN capital_usd END) "
               "FROM economy_fdiproject WHERE registered_on BETWEEN %s AND %s OR registered_on BETWEEN %s AND %s",
               [*now, *now, *before, *before, *now, *before])
    new_now, cap_now, new_before, cap_before = rows[0]
    rows = run("SELECT COUNT(DISTINCT CASE WHEN date BETWEEN %s AND %s THEN project_id END), "
               "SUM(CASE WHEN date BETWEEN %s AND %s THEN delta_usd END), "
               "COUNT(DISTINCT CASE WHEN date BETWEEN %s AND %s THEN project_id END), "
               "SUM(CASE WHEN date BETWEEN %s AND %s THEN delta_usd END) "
               "FROM economy_capitaladjustment WHERE date BETWEEN %s AND %s OR date BETWEEN %s AND %s",
               [*now, *now, *before, *before, *now, *before])
    adj_now, delta_now, adj_before, delta_before = rows[0]
    for target, new, cap, adj, delta in ((result.now, new_now, cap_now, adj_now, delta_now),
                                         (result.before, new_before, cap_before, adj_before, delta_before)):
        target["fdi_new_projects"] = new or 0
        target["fdi_new_capital_usd"] = _money(cap)
        target["fdi_adjusted_projects"] = adj or 0
        target["fdi_adjusted_capital_usd"] = _money(delta)
        target["fdi_total_capital_usd"] = _money(cap) + _money(delta)

    active = "start_year <= %s AND (end_year IS NULL OR end_year >= %s)"
    rows = run(f"SELECT SUM(CASE WHEN {active} THEN 1 ELSE 0 END), SUM(CASE WHEN {active} THEN total_vnd END), "
               f"SUM(CASE WHEN {active} THEN 1 ELSE 0 END), SUM(CASE WHEN {active} THEN total_vnd END) "
               "FROM economy_odaprogramme WHERE status <> 'cancelled' AND start_year IS NOT NULL",
               [now[1].year, now[0].year] * 2 + [before[1].year, before[0].year] * 2)
    oda_now, total_now, oda_before, total_before = rows[0]
    result.now["oda_active_programmes"], result.now["oda_total_investment_vnd"] = oda_now or 0, total_now or 0
    result.before["oda_active_programmes"], result.before["oda_total_investment_vnd"] = (oda_before or 0,
                                                                                         total_before or 0)

    rows = run("SELECT kind, SUM(CASE WHEN opened_on BETWEEN %s AND %s THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN opened_on BETWEEN %s AND %s THEN 1 ELSE 0 END) "
               "FROM consular_consularcase WHERE opened_on BETWEEN %s AND %s OR opened_on BETWEEN %s AND %s "
               "GROUP BY kind", [*now, *before, *now, *before])
    result.now["consular_cases_opened"] = sum(r[1] for r in rows)
    result.before["consular_cases_opened"] = sum(r[2] for r in rows)
    kinds = {kind: n for kind, n, _b in rows if n}
    if kinds:
        result.breakdowns["consular_cases_opened"] = kinds
    return result


def json_number(value):
    """A figure as the report's JSON gives it (whole numbers as int, else float)."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def compare(result: Floor, report: dict, *, previous_computed: dict | None = None) -> list[str]:
    """Where the floor and the report's figures differ (empty: they agree). ``previous_computed``
    gives the engine's computed values for the previous span where the report's ``previous``
    is a published figure (whole-register reports)."""
    problems = []
    indicators = report["indicators"]
    for code, value in result.now.items():
        got = indicators.get(code, {}).get("computed")
        if got != json_number(value):
            problems.append(f"{code}: report computed {got!r}, floor {json_number(value)!r}")
        if previous_computed is not None:
            then = json_number(previous_computed.get(code))
        else:
            then = indicators.get(code, {}).get("previous")
        if then != json_number(result.before[code]):
            problems.append(f"{code}: report previous {then!r}, floor {json_number(result.before[code])!r}")
    for code, split in result.breakdowns.items():
        got = indicators.get(code, {}).get("breakdown")
        if (got or {}) != split:
            problems.append(f"{code}: report breakdown {got!r}, floor {split!r}")
    for code, figure in indicators.items():
        if figure.get("breakdown") and code not in result.breakdowns:
            problems.append(f"{code}: report breakdown {figure['breakdown']!r}, floor none")
    # The pillar tables of section II (values as the report writes them).
    from foreign_affairs.reports import formatting as fmt

    lang = report["lang"]
    for section in _walk(report["sections"]):
        for table in section["tables"]:
            if not table["key"].endswith("_figures"):
                continue
            pillar = table["key"][: -len("_figures")]
            for row in table["rows"]:
                now, before = result.pillars.get(pillar, {}).get(row["code"], (0, 0))
                if (row["value"], row["previous"]) != (fmt.number(now, lang), fmt.number(before, lang)):
                    problems.append(f"{pillar} {row['code']}: report {row['value']}/{row['previous']}, "
                                    f"floor {now}/{before}")
    return problems


def _walk(sections):
    for section in sections:
        yield section
        yield from _walk(section["subsections"])
