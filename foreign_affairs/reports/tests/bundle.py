"""A made-up province (Tỉnh Kiểm Tra) whose records sit on every edge of the indicator rules of
DESIGN §2: the year 2024 is reported on, 2023 is the year before. Loaded through the bundle
importer, as a province's own data would arrive."""

REPORT_BUNDLE = """\
format: fa-bundle/1
province: {code: "98", name_vi: "Tỉnh Kiểm Tra", name_en: "Kiem Tra Province"}
units:
  - {ref: u-prov, name_vi: UBND tỉnh Kiểm Tra, name_en: Kiem Tra Provincial People's Committee,
     kind: peoples_committee}
  - {ref: u-dept, name_vi: Sở Ngoại vụ, name_en: Department of Foreign Affairs, kind: department, parent: u-prov}
  - {ref: u-commune, name_vi: Xã Biên Giới, name_en: Bien Gioi Commune, kind: commune, parent: u-prov,
     valid_from: "2025-07-01"}
  - {ref: u-old, name_vi: Huyện Cũ, kind: other, parent: u-prov, valid_until: "2025-06-30", successor: u-commune}
partners:
  - {ref: p-lao, kind: locality, name_en: Houaphanh Province, name_native: ແຂວງຫົວພັນ, country: LA}
  - {ref: p-jp, kind: locality, name_en: Gifu Prefecture, name_native: 岐阜県, country: JP}
delegations:
  - {ref: d1, direction: outgoing, pillar: state, level: provincial_leader, title: Leaders to Laos,
     start_on: "2024-03-01", end_on: "2024-03-04", status: completed, host_unit: u-dept, countries: [LA],
     partners: [p-lao], members: 8, budget_vnd: 300000000, cost_vnd: 280000000}
  - {ref: d2, direction: outgoing, pillar: party, level: unit, title: Commune to Japan, start_on: "2024-12-31",
     status: reported, host_unit: u-commune, countries: [JP]}
  - {ref: d3, direction: outgoing, pillar: state, level: provincial_leader, title: Approved not yet gone,
     start_on: "2024-06-01", status: approved, host_unit: u-dept}
  - {ref: d4, direction: outgoing, pillar: state, level: unit, title: Next year, start_on: "2025-01-01",
     status: evaluated, host_unit: u-dept}
  - {ref: d5, direction: outgoing, pillar: people, level: unit, title: Last year, start_on: "2023-05-05",
     status: completed, host_unit: u-dept}
  - {ref: d6, direction: incoming, pillar: state, title: Received by leaders, start_on: "2024-04-01",
     status: completed, reception: received, foreign_visitors: 12, host_unit: u-prov, countries: [LA]}
  - {ref: d7, direction: incoming, pillar: state, title: Received in the old district, start_on: "2024-05-01",
     status: evaluated, reception: received, foreign_visitors: 8, host_unit: u-old}
  - {ref: d8, direction: incoming, pillar: state, title: Received not yet come, start_on: "2024-06-01",
     status: approved, reception: received, foreign_visitors: 100, host_unit: u-prov}
  - {ref: d9, direction: incoming, pillar: people, title: Permitted in December, start_on: "2024-01-10",
     permit_on: "2023-12-20", status: completed, reception: permitted, foreign_visitors: 3, host_unit: u-dept}
  - {ref: d10, direction: incoming, pillar: state, title: Permitted for next year, start_on: "2025-01-05",
     permit_on: "2024-12-30", status: approved, reception: permitted, host_unit: u-commune}
  - {ref: d11, direction: incoming, pillar: state, title: Refused, start_on: "2024-07-05",
     permit_on: "2024-07-01", status: rejected, reception: permitted, host_unit: u-dept}
agreements:
  - {ref: a1, kind: mou, title_en: MOU with Houaphanh, signed_on: "2024-02-02", status: in_force, units: [u-dept],
     partners: [p-lao]}
  - {ref: a2, kind: minutes, title_en: Minutes with Gifu, signed_on: "2023-08-08", status: signed, units: [u-dept],
     partners: [p-jp]}
  - {ref: a3, kind: mou, title_en: Draft MOU, status: drafting, units: [u-dept]}
events:
  - {ref: e1, kind: conference, pillar: state, title: Border conference, start_on: "2024-09-09", unit: u-dept,
     country: VN}
  - {ref: e2, kind: cultural, pillar: people, title: Friendship festival, start_on: "2024-10-10", unit: u-commune}
  - {ref: e3, kind: cultural, pillar: people, title: Last year's festival, start_on: "2023-01-01", unit: u-dept}
fdi_projects:
  - {ref: f1, name: Garment plant, investor: A Co, investor_country: JP, registered_on: "2024-02-01",
     capital_usd: 1000000.50, status: licensed}
  - {ref: f2, name: Electronics plant, investor: B Co, investor_country: KR, registered_on: "2023-11-11",
     capital_usd: 5000000, status: operating,
     adjustments: [{date: "2024-03-03", delta_usd: 2000000}, {date: "2024-08-08", delta_usd: -500000}]}
  - {ref: f3, name: Solar farm, investor: C Co, investor_country: SG, registered_on: "2024-12-31",
     capital_usd: 250000, adjustments: [{date: "2024-12-31", delta_usd: 100}]}
oda_programmes:
  - {ref: o1, name: Rural water, donors: [ADB], kind: oda_loan, total_vnd: 100, start_year: 2020, end_year: 2026,
     status: active}
  - {ref: o2, name: Cancelled road, donors: [JICA], kind: oda_loan, total_vnd: 50, start_year: 2024, end_year: 2024,
     status: cancelled}
  - {ref: o3, name: Future clinic, donors: [KOICA], kind: grant, total_vnd: 70, start_year: 2025, end_year: 2027,
     status: planned}
  - {ref: o4, name: Old drainage, donors: [WB], kind: concessional_loan, total_vnd: 30, start_year: 2019,
     end_year: 2023, status: completed}
consular_cases:
  - {ref: c1, kind: detention, country: MY, opened_on: "2024-05-05", status: open}
  - {ref: c2, kind: stranded, country: LA, opened_on: "2023-12-31", closed_on: "2024-01-20", status: closed}
statistics:
  - {indicator: export_turnover_usd, start: "2024-01-01", end: "2024-12-31", value: 1200000000, plan: 1000000000,
     source: {title: Provincial year-end report 2024, published_on: "2024-12-20"}}
  - {indicator: export_turnover_usd, start: "2023-01-01", end: "2023-12-31", value: 1000000000,
     source: {title: Provincial year-end report 2023}}
  - {indicator: workers_abroad, start: "2024-01-01", end: "2024-10-31", value: 5000, plan: 4000,
     source: {title: Ten-month report 2024, url: "https://example.org/10m", published_on: "2024-11-10"}}
  - {indicator: delegations_out_leaders, start: "2024-01-01", end: "2024-12-31", value: 5,
     source: {title: Provincial year-end report 2024, published_on: "2024-12-20"}}
  - {indicator: fdi_new_projects, start: "2024-01-01", end: "2024-12-31", value: 3,
     source: {title: Early estimate, published_on: "2024-12-01"}}
  - {indicator: fdi_new_projects, start: "2024-01-01", end: "2024-12-31", value: 2,
     source: {title: Final figures, published_on: "2025-01-15"}}
"""
