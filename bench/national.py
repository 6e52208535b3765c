"""A synthetic national register for the benchmarks: 34 provinces, ten years (2016–2025), about a
million records, written with ``bulk_create`` (no history rows, no services: this is measuring
data, not register data) into a throw-away database.

Everything is drawn from seeded random generators, one per province and record type, so the same
``Scale`` and seed always give the same rows with the same ids. The database keeps a small
``bench_meta`` table saying which generator version, seed and scale wrote it: a later run reuses
the data when they match (generation of the full set takes minutes) and regenerates otherwise.

Proportions follow what a province's office records: most records are delegations and events;
agreements, FDI projects, consular cases and ODA programmes are fewer. FDI projects, ODA
programmes, consular cases and statistics carry no unit in the product's models, so they are
national (whole-register) here: a province's report cannot attribute them.
"""

from __future__ import annotations

import json
import os
import random
import time
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import connection, transaction

# Bump when the generated rows change, so cached databases are regenerated.
GENERATOR_VERSION = 4
SEED = 20260101
YEARS = tuple(range(2016, 2026))

COUNTRIES = ("LA", "KH", "CN", "JP", "KR", "RU", "US", "IN", "SG", "TH", "FR", "DE", "AU", "GB", "IT", "NL",
             "CA", "MY", "ID", "PH", "CU", "BY", "HU", "CZ", "PL", "TW", "HK", "NZ", "IL", "AE")
# Weights: neighbours and the big investors come up most.
COUNTRY_WEIGHTS = (14, 6, 9, 10, 10, 4, 5, 2, 4, 6, 3, 3, 2, 2, 1, 1, 1, 2, 1, 1, 2, 1, 1, 1, 1, 3, 2, 1, 1, 1)
DELEGATION_STATUS = (("draft", 4), ("proposed", 4), ("approved", 6), ("rejected", 3), ("withdrawn", 2),
                     ("cancelled", 3), ("completed", 38), ("reported", 24), ("evaluated", 16))
PILLARS = (("state", 70), ("party", 15), ("people", 15))
EVENT_KINDS = (("conference", 25), ("investment_promotion", 12), ("trade_fair", 8), ("cultural", 18),
               ("commemoration", 6), ("humanitarian", 8), ("sports", 7), ("press", 6), ("other", 10))
AGREEMENT_KINDS = (("international_agreement", 35), ("mou", 30), ("programme", 15), ("minutes", 15), ("other", 5))
AGREEMENT_STATUS = (("drafting", 5), ("consulting", 4), ("approved", 3), ("signed", 30), ("in_force", 40),
                    ("expired", 14), ("terminated", 4))
PARTNER_KINDS = (("locality", 25), ("national_government", 3), ("diplomatic_mission", 6), ("vietnamese_mission", 3),
                 ("international_organisation", 6), ("ngo", 15), ("enterprise", 25), ("business_association", 6),
                 ("academic", 8), ("friendship_association", 2), ("other", 1))
RELATIONSHIPS = (("special_traditional", 5), ("twinning", 10), ("cooperation", 55), ("potential", 20),
                 ("dormant", 10))
CASE_KINDS = (("detention", 15), ("accident", 15), ("death", 8), ("trafficking", 6), ("stranded", 20),
              ("lost_documents", 20), ("labour_dispute", 12), ("other", 4))
ODA_STATUS = (("planned", 15), ("active", 45), ("completed", 30), ("cancelled", 10))
ODA_KINDS = (("oda_loan", 50), ("concessional_loan", 30), ("grant", 20))
FDI_STATUS = (("licensed", 30), ("operating", 55), ("suspended", 8), ("terminated", 7))
DONORS = ("JICA", "KOICA", "ADB", "World Bank", "AFD", "KfW", "EU", "UNDP", "USAID", "DFAT")
SECTORS = ("Manufacturing", "Electronics", "Textiles", "Agriculture", "Energy", "Real estate", "Logistics",
           "Tourism", "Education", "Health", "Water", "Transport")
PROVINCE_NAMES = ("Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa",
                  "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ",
                  "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi",
                  "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "TP. Hồ Chí Minh", "Đồng Nai", "Tây Ninh",
                  "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang")


@dataclass(frozen=True)
class Scale:
    """How big the synthetic register is. ``FULL`` is the national set; ``SMALL`` a quick check."""

    name: str
    provinces: int = 34
    units_per_province: int = 30
    partners_per_province: int = 600
    delegations_per_province_year: int = 1_400
    events_per_province_year: int = 1_150
    agreements_per_province_year: int = 120
    fdi_projects: int = 30_000
    oda_programmes: int = 3_000
    consular_cases: int = 50_000
    years: tuple[int, ...] = YEARS

    def as_dict(self) -> dict:
        return asdict(self)


FULL = Scale("full")
SMALL = Scale("small", provinces=3, units_per_province=12, partners_per_province=60,
              delegations_per_province_year=120, events_per_province_year=100, agreements_per_province_year=12,
              fdi_projects=600, oda_programmes=80, consular_cases=800, years=(2023, 2024, 2025))
TINY = Scale("tiny", provinces=2, units_per_province=4, partners_per_province=8, delegations_per_province_year=30,
             events_per_province_year=20, agreements_per_province_year=5, fdi_projects=40, oda_programmes=10,
             consular_cases=30, years=(2023, 2024))
SCALES = {scale.name: scale for scale in (FULL, SMALL, TINY)}


def province_ref(index: int) -> str:
    return f"prov-{index:02d}"


def _pick(rng: random.Random, weighted) -> str:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _day_in(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def event_status(event_id: int) -> str:
    """Most events were held; one in 20 was cancelled and one in 50 is only permitted (by id, so
    the rule is the same in SQL: ``upgrade_event_status``)."""
    if event_id % 20 == 0:
        return "cancelled"
    if event_id % 50 == 0:
        return "permitted"
    return "held"


def upgrade_event_status() -> None:
    """Bring a version-3 data set (written before events had a workflow status) to version 4."""
    with connection.cursor() as cursor:
        cursor.execute("UPDATE events_event SET status = CASE WHEN id % 20 = 0 THEN 'cancelled' "
                       "WHEN id % 50 = 0 THEN 'permitted' ELSE 'held' END")


def _fold(text: str) -> str:
    from foreign_affairs.core.text import fold

    return fold(text)


def meta_read() -> dict | None:
    """What generated the data in this database (None: nothing, or not a bench database)."""
    with connection.cursor() as cursor:
        if "bench_meta" not in connection.introspection.table_names(cursor):
            return None
        cursor.execute("SELECT value FROM bench_meta WHERE name = 'dataset'")
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def generation_read() -> dict | None:
    """How long the data set took to write, when it was written (rows, seconds, machine load)."""
    with connection.cursor() as cursor:
        if "bench_meta" not in connection.introspection.table_names(cursor):
            return None
        cursor.execute("SELECT value FROM bench_meta WHERE name = 'generated'")
        row = cursor.fetchone()
    return json.loads(row[0]) if row else None


def meta_expected(scale: Scale, seed: int = SEED) -> dict:
    """The meta a data set of this scale and seed has (as stored: JSON)."""
    return json.loads(json.dumps({"version": GENERATOR_VERSION, "seed": seed, "scale": scale.as_dict()}))


def _meta_write(meta: dict) -> None:
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_meta (name VARCHAR(50) PRIMARY KEY, value TEXT)")
        cursor.execute("DELETE FROM bench_meta WHERE name = 'dataset'")
        cursor.execute("INSERT INTO bench_meta (name, value) VALUES ('dataset', %s)", [json.dumps(meta)])


class Ids:
    """Explicit primary keys, so rows and their links are written without reading ids back."""

    def __init__(self):
        self.next: dict[str, int] = {}

    def take(self, label: str) -> int:
        value = self.next.get(label, 1)
        self.next[label] = value + 1
        return value


def generate(scale: Scale, seed: int = SEED, *, log=print) -> dict[str, int]:
    """Write the synthetic register into the (migrated, empty) default database; returns the
    number of rows per table."""
    from foreign_affairs.agreements.models import Agreement
    from foreign_affairs.consular.models import ConsularCase
    from foreign_affairs.core.models import Field, Province, Unit
    from foreign_affairs.delegations.models import Delegation
    from foreign_affairs.economy.models import CapitalAdjustment, FDIProject, Indicator, ODAProgramme, Statistic
    from foreign_affairs.events.models import Event
    from foreign_affairs.partners.models import Partner

    started = time.perf_counter()
    counts: dict[str, int] = {}
    field_codes = list(Field.objects.order_by("position", "code").values_list("code", flat=True))
    field_ids = dict(Field.objects.values_list("code", "pk"))
    batch = 2_000 if connection.vendor == "postgresql" else None
    ids = Ids()

    def write(model, rows, label=None):
        model._default_manager.bulk_create(rows, batch_size=batch)
        key = label or model._meta.db_table
        counts[key] = counts.get(key, 0) + len(rows)

    def links(m2m_field, pairs, left, right):
        through = m2m_field.remote_field.through
        write(through, [through(**{left: a, right: b}) for a, b in pairs])

    if connection.vendor == "sqlite" and not connection.in_atomic_block:
        # A throw-away file: no need to survive a crash while it is written.
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA journal_mode = MEMORY")

    with transaction.atomic():
        Province.objects.update_or_create(pk=1, defaults={"code": "00", "name_vi": "Toàn quốc (dữ liệu thử)",
                                                          "name_en": "National (synthetic)"})
    for p in range(scale.provinces):
        rng = random.Random(f"{seed}-province-{p}")
        pname = PROVINCE_NAMES[p % len(PROVINCE_NAMES)]
        with transaction.atomic():
            # Units: the People's Committee, ~30 departments and communes below it; two communes
            # ended on 30/06/2025 and were merged into a third (successor), as in the 2025 reform.
            root_id = ids.take("unit")
            units = [Unit(id=root_id, ref=province_ref(p), name_vi=f"UBND tỉnh {pname}",
                          name_en=f"People's Committee of {pname} ({p:02d})", kind="peoples_committee",
                          search_text=_fold(f"{province_ref(p)} UBND tỉnh {pname}"))]
            child_ids = []
            for u in range(scale.units_per_province):
                uid = ids.take("unit")
                child_ids.append(uid)
                kind = "department" if u < scale.units_per_province * 2 // 3 else "commune"
                name = f"Sở {u + 1} tỉnh {pname}" if kind == "department" else f"Xã {u + 1} tỉnh {pname}"
                units.append(Unit(id=uid, ref=f"{province_ref(p)}-u{u:02d}", name_vi=name, name_en=f"{kind} {u + 1}",
                                  kind=kind, parent_id=root_id, search_text=_fold(name)))
            communes = [unit for unit in units if unit.kind == "commune"]
            if len(communes) >= 3:
                for old in communes[-2:]:
                    old.valid_until = date(2025, 6, 30)
                    old.successor_id = communes[0].id
            write(Unit, units)
            unit_pool = [root_id] * 3 + child_ids

            # Partners of this province (the pool its records draw from).
            partners, partner_fields = [], []
            for i in range(scale.partners_per_province):
                pid = ids.take("partner")
                country = rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
                name = f"Partner {p:02d}-{i:04d} ({country})"
                partners.append(Partner(id=pid, ref=f"pt-{p:02d}-{i:04d}", kind=_pick(rng, PARTNER_KINDS),
                                        name_en=name, name_vi=f"Đối tác {p:02d}-{i:04d}", country_id=country,
                                        relationship=_pick(rng, RELATIONSHIPS),
                                        search_text=_fold(f"pt-{p:02d}-{i:04d} {name} Đối tác {p:02d}-{i:04d}")))
                partner_fields += [(pid, field_ids[c]) for c in rng.sample(field_codes, rng.randint(1, 2))]
            write(Partner, partners)
            links(Partner.fields.field, partner_fields, "partner_id", "field_id")
            partner_pool = [partner.id for partner in partners]

        for year in scale.years:
            with transaction.atomic():
                _year_rows(rng, p, year, scale, ids, unit_pool, partner_pool, field_codes, field_ids, write, links,
                           Delegation, Event, Agreement)
        log(f"  province {p + 1}/{scale.provinces} written ({time.perf_counter() - started:.0f} s)")

    rng = random.Random(f"{seed}-national")
    with transaction.atomic():
        _national_rows(rng, scale, ids, write, FDIProject, CapitalAdjustment, ODAProgramme, ConsularCase)
        _statistics(rng, scale, ids, write, Indicator, Statistic)
    _sequences_reset()
    _meta_write(meta_expected(scale, seed))
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM bench_meta WHERE name = 'generated'")
        cursor.execute("INSERT INTO bench_meta (name, value) VALUES ('generated', %s)",
                       [json.dumps({"seconds": round(time.perf_counter() - started, 1), "rows": sum(counts.values()),
                                    "load_average": os.getloadavg()})])
    log(f"  generated {sum(counts.values()):,} rows in {time.perf_counter() - started:.0f} s")
    return counts


def _year_rows(rng, p, year, scale, ids, unit_pool, partner_pool, field_codes, field_ids, write, links,
               Delegation, Event, Agreement) -> None:
    delegations, d_countries, d_partners, d_fields = [], [], [], []
    for i in range(scale.delegations_per_province_year):
        did = ids.take("delegation")
        start = _day_in(rng, year)
        outgoing = rng.random() < 0.45
        status = _pick(rng, DELEGATION_STATUS)
        ref = f"d-{p:02d}-{year}-{i:05d}"
        title = f"Đoàn {'ra' if outgoing else 'vào'} {ref}: làm việc về hợp tác"
        row = dict(id=did, ref=ref, direction="outgoing" if outgoing else "incoming", pillar=_pick(rng, PILLARS),
                   level="provincial_leader" if rng.random() < 0.15 else "unit", title=title, start_on=start,
                   end_on=start + timedelta(days=rng.randint(0, 10)), host_unit_id=rng.choice(unit_pool),
                   head_name=f"Trưởng đoàn {i}", head_position="Phó Chủ tịch" if rng.random() < 0.2 else "Giám đốc",
                   status=status)
        if outgoing:
            row.update(members=rng.randint(2, 15), funding="state_budget",
                       budget_vnd=rng.randint(50, 900) * 1_000_000,
                       cost_vnd=rng.randint(40, 900) * 1_000_000 if status in ("completed", "reported",
                                                                                "evaluated") else None,
                       outcomes="Ký kết biên bản ghi nhớ" if rng.random() < 0.3 else "")
        else:
            reception = "received" if rng.random() < 0.4 else "permitted"
            row.update(reception=reception, foreign_visitors=rng.randint(1, 40))
            if reception == "permitted":
                # The permit is dated before the visit, sometimes in the previous year.
                row["permit_on"] = start - timedelta(days=rng.randint(3, 45))
        row["search_text"] = _fold(" ".join(str(row.get(k) or "") for k in ("ref", "title", "head_name",
                                                                          "head_position", "outcomes")))
        delegations.append(Delegation(**row))
        d_countries += [(did, c) for c in set(rng.choices(COUNTRIES, COUNTRY_WEIGHTS, k=rng.randint(1, 3)))]
        d_partners += [(did, pt) for pt in set(rng.choices(partner_pool, k=rng.randint(0, 2)))]
        d_fields += [(did, field_ids[c]) for c in rng.sample(field_codes, rng.randint(1, 3))]
    write(Delegation, delegations)
    links(Delegation.countries.field, d_countries, "delegation_id", "country_id")
    links(Delegation.partners.field, d_partners, "delegation_id", "partner_id")
    links(Delegation.fields.field, d_fields, "delegation_id", "field_id")

    events, e_partners, e_fields = [], [], []
    for i in range(scale.events_per_province_year):
        eid = ids.take("event")
        start = _day_in(rng, year)
        ref = f"e-{p:02d}-{year}-{i:05d}"
        title = f"Sự kiện đối ngoại {ref}"
        abroad = rng.random() < 0.3
        events.append(Event(id=eid, ref=ref, kind=_pick(rng, EVENT_KINDS), pillar=_pick(rng, PILLARS), title=title,
                            start_on=start, end_on=start + timedelta(days=rng.randint(0, 4)),
                            place="Hội trường tỉnh" if not abroad else "",
                            country_id=rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0] if abroad else "VN",
                            participants=rng.randint(20, 800), unit_id=rng.choice(unit_pool),
                            status=event_status(eid), search_text=_fold(f"{ref} {title}")))
        e_partners += [(eid, pt) for pt in set(rng.choices(partner_pool, k=rng.randint(0, 2)))]
        e_fields += [(eid, field_ids[c]) for c in rng.sample(field_codes, rng.randint(1, 2))]
    write(Event, events)
    links(Event.partners.field, e_partners, "event_id", "partner_id")
    links(Event.fields.field, e_fields, "event_id", "field_id")

    agreements, a_units, a_partners, a_fields = [], [], [], []
    for i in range(scale.agreements_per_province_year):
        aid = ids.take("agreement")
        status = _pick(rng, AGREEMENT_STATUS)
        signed = _day_in(rng, year) if status not in ("drafting", "consulting", "approved") else None
        ref = f"a-{p:02d}-{year}-{i:04d}"
        agreements.append(Agreement(id=aid, ref=ref, kind=_pick(rng, AGREEMENT_KINDS),
                                    title_vi=f"Thỏa thuận hợp tác {ref}", title_en=f"Cooperation agreement {ref}",
                                    number=f"{i}/{year}/TTQT", signed_on=signed, place="Việt Nam",
                                    status=status, valid_from=signed,
                                    valid_until=signed + timedelta(days=365 * 5) if signed else None,
                                    search_text=_fold(f"{ref} Thỏa thuận hợp tác {ref}")))
        a_units += [(aid, u) for u in set(rng.choices(unit_pool, k=rng.randint(1, 2)))]
        a_partners += [(aid, pt) for pt in set(rng.choices(partner_pool, k=rng.randint(1, 2)))]
        a_fields += [(aid, field_ids[c]) for c in rng.sample(field_codes, rng.randint(1, 2))]
    write(Agreement, agreements)
    links(Agreement.units.field, a_units, "agreement_id", "unit_id")
    links(Agreement.partners.field, a_partners, "agreement_id", "partner_id")
    links(Agreement.fields.field, a_fields, "agreement_id", "field_id")


def _national_rows(rng, scale, ids, write, FDIProject, CapitalAdjustment, ODAProgramme, ConsularCase) -> None:
    first, last = scale.years[0], scale.years[-1]
    projects, adjustments = [], []
    for i in range(scale.fdi_projects):
        fid = ids.take("fdi")
        registered = _day_in(rng, rng.randint(first, last))
        country = rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0]
        capital = Decimal(rng.randint(100_000, 500_000_000)) + Decimal(rng.randint(0, 99)) / 100
        projects.append(FDIProject(id=fid, ref=f"fdi-{i:06d}", name=f"Dự án FDI {i:06d}", investor=f"Investor {i}",
                                   investor_country_id=country, irc_number=f"IRC-{i:06d}", registered_on=registered,
                                   capital_usd=capital, location="KCN", sector=rng.choice(SECTORS),
                                   status=_pick(rng, FDI_STATUS), jobs=rng.randint(10, 5000),
                                   search_text=_fold(f"fdi-{i:06d} Dự án FDI {i:06d} Investor {i}")))
        day = registered
        for _n in range(rng.choices((0, 1, 2, 3), (40, 35, 15, 10))[0]):
            # Some adjustments fall on the registration day; a quarter are reductions.
            day = day + timedelta(days=rng.choice((0, rng.randint(30, 900))))
            if day.year > last:
                break
            delta = Decimal(rng.randint(10_000, 50_000_000))
            adjustments.append(CapitalAdjustment(id=ids.take("adjustment"), project_id=fid, date=day,
                                                 delta_usd=-delta if rng.random() < 0.25 else delta))
    write(FDIProject, projects)
    write(CapitalAdjustment, adjustments)

    programmes = []
    for i in range(scale.oda_programmes):
        start = rng.randint(first - 6, last)
        end = None if rng.random() < 0.1 else start + rng.randint(0, 8)
        total = rng.randint(5, 5_000) * 1_000_000_000
        programmes.append(ODAProgramme(id=ids.take("oda"), ref=f"oda-{i:05d}", name=f"Chương trình ODA {i:05d}",
                                       donors=rng.sample(DONORS, rng.randint(1, 2)), sector=rng.choice(SECTORS),
                                       kind=_pick(rng, ODA_KINDS), total_vnd=total, oda_vnd=total * 8 // 10,
                                       start_year=start, end_year=end, status=_pick(rng, ODA_STATUS),
                                       search_text=_fold(f"oda-{i:05d} Chương trình ODA {i:05d}")))
    write(ODAProgramme, programmes)

    cases = []
    for i in range(scale.consular_cases):
        opened = _day_in(rng, rng.randint(first, last))
        closed = opened + timedelta(days=rng.randint(1, 200)) if rng.random() < 0.7 else None
        cases.append(ConsularCase(id=ids.take("case"), ref=f"cc-{i:06d}", kind=_pick(rng, CASE_KINDS),
                                  country_id=rng.choices(COUNTRIES, COUNTRY_WEIGHTS)[0], opened_on=opened,
                                  closed_on=closed, status="closed" if closed else "open",
                                  summary="Hỗ trợ công dân", subject_name=f"Công dân {i}",
                                  search_text=_fold(f"cc-{i:06d} Hỗ trợ công dân")))
        if len(cases) == 10_000:
            write(ConsularCase, cases)
            cases = []
    write(ConsularCase, cases)


def _statistics(rng, scale, ids, write, Indicator, Statistic) -> None:
    """Published figures for the whole register: most indicators each year (a few years with a
    second, later source), and a January–October figure that must not fill the year."""
    indicators = list(Indicator.objects.order_by("code"))
    rows = []
    for year in scale.years:
        for indicator in indicators:
            if rng.random() < 0.5:
                continue
            sources = 2 if rng.random() < 0.2 else 1
            for s in range(sources):
                rows.append(Statistic(id=ids.take("statistic"), ref=f"st-{indicator.code}-{year}-{s}",
                                      indicator_id=indicator.pk, start=date(year, 1, 1), end=date(year, 12, 31),
                                      value=Decimal(rng.randint(1, 10_000)), source_title=f"Báo cáo {year} ({s})",
                                      source_published_on=date(year + 1, 1, 10 + s),
                                      plan=Decimal(rng.randint(1, 10_000)) if rng.random() < 0.3 else None))
            if rng.random() < 0.3:
                rows.append(Statistic(id=ids.take("statistic"), ref=f"st-{indicator.code}-{year}-10m",
                                      indicator_id=indicator.pk, start=date(year, 1, 1), end=date(year, 10, 31),
                                      value=Decimal(rng.randint(1, 10_000)), source_title=f"Báo cáo 10 tháng {year}"))
    write(Statistic, rows)


def _sequences_reset() -> None:
    """After explicit ids, PostgreSQL's sequences must continue past them."""
    if connection.vendor != "postgresql":
        return
    from django.apps import apps
    from django.core.management.color import no_style

    models = [m for m in apps.get_models(include_auto_created=True)]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def table_counts() -> dict[str, int]:
    """Rows per table of the data set (records and their links)."""
    tables = ["core_unit", "partners_partner", "partners_partner_fields", "agreements_agreement",
              "agreements_agreement_units", "agreements_agreement_partners", "agreements_agreement_fields",
              "delegations_delegation", "delegations_delegation_countries", "delegations_delegation_partners",
              "delegations_delegation_fields", "events_event", "events_event_partners", "events_event_fields",
              "economy_fdiproject", "economy_capitaladjustment", "economy_odaprogramme", "economy_statistic",
              "consular_consularcase"]
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - fixed names
            counts[table] = cursor.fetchone()[0]
    return counts


RECORD_TABLES = ("core_unit", "partners_partner", "agreements_agreement", "delegations_delegation", "events_event",
                 "economy_fdiproject", "economy_capitaladjustment", "economy_odaprogramme", "economy_statistic",
                 "consular_consularcase")


# The indexes the report's date filters need (model, fields): the product's Meta.indexes, by
# their names, so the bench can drop one at a time and measure what it is worth.
CANDIDATE_INDEXES = (
    ("dlg_start_idx", "delegations_delegation", ("start_on",), "delegations.Delegation", ("start_on",)),
    ("dlg_unit_start_idx", "delegations_delegation", ("host_unit_id", "start_on"), "delegations.Delegation",
     ("host_unit", "start_on")),
    ("dlg_permit_idx", "delegations_delegation", ("permit_on",), "delegations.Delegation", ("permit_on",)),
    ("dlg_unit_permit_idx", "delegations_delegation", ("host_unit_id", "permit_on"), "delegations.Delegation",
     ("host_unit", "permit_on")),
    ("agr_signed_idx", "agreements_agreement", ("signed_on",), "agreements.Agreement", ("signed_on",)),
    ("evt_start_idx", "events_event", ("start_on",), "events.Event", ("start_on",)),
    ("evt_unit_start_idx", "events_event", ("unit_id", "start_on"), "events.Event", ("unit", "start_on")),
    ("fdi_registered_idx", "economy_fdiproject", ("registered_on",), "economy.FDIProject", ("registered_on",)),
    ("adj_date_idx", "economy_capitaladjustment", ("date",), "economy.CapitalAdjustment", ("date",)),
    ("cc_opened_idx", "consular_consularcase", ("opened_on",), "consular.ConsularCase", ("opened_on",)),
)


def index_create(name: str) -> None:
    for index_name, table, columns, *_rest in CANDIDATE_INDEXES:
        if index_name == name:
            with connection.cursor() as cursor:
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {index_name} ON {table} ({', '.join(columns)})")
                cursor.execute(f"ANALYZE {table}")
            return
    raise KeyError(name)


def index_drop(name: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {name}")


def indexes_create_all() -> None:
    for name, *_rest in CANDIDATE_INDEXES:
        index_create(name)


def indexes_drop_all() -> None:
    for name, *_rest in CANDIDATE_INDEXES:
        index_drop(name)


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
