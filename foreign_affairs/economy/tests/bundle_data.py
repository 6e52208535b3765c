"""A made-up province's economy sections (nothing here is real data)."""

ECONOMY_YAML = """
format: fa-bundle/1
province: {code: "99", name_vi: "Tỉnh Thử", name_en: "Test Province"}
units:
  - {ref: u-dpi, name_vi: "Sở Kế hoạch", kind: department}
delegations:
  - {ref: d-seoul, direction: outgoing, pillar: state, title: "Xúc tiến đầu tư Seoul", start_on: 2024-03-01,
     countries: [KR], status: completed}
events:
  - {ref: e-forum, kind: investment_promotion, pillar: state, title: "Diễn đàn đầu tư", start_on: 2024-05-10}
fdi_projects:
  - ref: fdi-hanil
    name: "Nhà máy linh kiện Hanil"
    investor: "Hanil Test Co."
    investor_country: KR
    irc_number: "1234567890"
    registered_on: 2024-04-02
    capital_usd: 120000000.5
    location: "KCN Thử A"
    sector: electronics
    status: operating
    jobs: 1500
    estimated: true
    origin_delegation: d-seoul
    origin_event: e-forum
    notes: "Dự án thử"
    adjustments:
      - {date: 2024-09-01, delta_usd: 30000000, note: "Tăng vốn"}
      - {date: 2025-02-01, delta_usd: -5000000.25}
  - {ref: fdi-no, name: "Nhà máy Na Uy", investor_country: "NO", registered_on: 2023-01-05, capital_usd: 0}
oda_programmes:
  - ref: oda-water
    name: "Cấp nước đô thị"
    donors: [ADB, "KfW"]
    sector: water
    kind: concessional_loan
    total_vnd: 1500000000000
    oda_vnd: 1200000000000
    start_year: 2021
    end_year: 2026
    status: active
    disbursements:
      - {year: 2022, amount_vnd: 100000000000}
      - {year: 2023, amount_vnd: 250000000000}
statistics:
  - indicator: export_turnover_usd
    start: 2023-01-01
    end: 2023-12-31
    value: 2450000000
    plan: 2500000000
    source: {title: "Báo Thử 27/11/2023", url: "https://example.org/a", published_on: 2023-11-27,
             publisher: "Báo Thử"}
    note: "ước tính"
    cutoff_on: 2023-11-20
    estimated: true
  - indicator: fdi_total_capital_usd
    start: 2023-01-01
    end: 2023-12-31
    value: 1298000000
    source: {title: "Báo Thử 27/11/2023"}
  - indicator: fdi_total_capital_usd
    start: 2023-01-01
    end: 2023-12-31
    value: 1603000000
    source: {title: "Cổng thông tin Thử"}
  - ref: stat-workers-2023
    indicator: workers_abroad
    start: 2023-01-01
    end: 2023-12-31
    value: 18639
    unit: persons
    plan: 14501
    source: {title: "Báo Thử 27/11/2023"}
"""
