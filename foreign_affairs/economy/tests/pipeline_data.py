"""A made-up province's investment pipeline and aftercare (nothing here is real data)."""

PIPELINE_YAML = """
format: fa-bundle/1
units:
  - {ref: u-dofa, name_vi: "Sở Ngoại vụ Thử", kind: department}
  - {ref: u-bql, name_vi: "Ban Quản lý KKT Thử", kind: department}
partners:
  - {ref: p-hanil, kind: enterprise, name_en: "Hanil Test Co.", country: KR}
delegations:
  - {ref: d-seoul, direction: outgoing, pillar: state, title: "Xúc tiến đầu tư Seoul", start_on: 2024-03-01,
     countries: [KR], status: completed}
events:
  - {ref: e-forum, kind: investment_promotion, pillar: state, title: "Diễn đàn đầu tư", start_on: 2024-05-10}
fdi_projects:
  - {ref: fdi-hanil, name: "Nhà máy Hanil", investor: "Hanil Test Co.", investor_country: KR,
     registered_on: 2024-09-02, capital_usd: 120000000, status: operating}
investment_leads:
  - ref: lead-hanil
    name: "Nhà máy Hanil"
    investor: "Hanil Test Co."
    partner: p-hanil
    country: KR
    sector: electronics
    stage: licensed
    expected_capital_usd: 100000000.5
    owner_unit: u-bql
    origin_delegation: d-seoul
    received_on: 2024-03-01
    response_due_on: 2024-03-15
    responded_on: 2024-03-10
    project: fdi-hanil
    notes: "Thử"
    contacts:
      - {date: 2024-03-01, kind: meeting, summary: "Gặp tại Seoul", unit: u-dofa}
      - {date: 2024-04-10, kind: site_visit, summary: "Khảo sát KCN Thử A"}
  - ref: lead-open
    name: "Trung tâm dữ liệu"
    investor: "Example Data Ltd."
    country: "NO"
    stage: proposal
    owner_unit: u-dofa
    origin_event: e-forum
    origin_enquiry: "Thư ngày 12/05/2024"
    received_on: 2024-05-12
    response_due_on: 2024-06-01
  - {ref: lead-dropped, name: "Khách sạn", investor: "Dropped Inc.", stage: dropped, outcome: "Chọn tỉnh khác"}
aftercare_visits:
  - {ref: visit-1, project: fdi-hanil, date: 2024-11-20, unit: u-bql, participants: "Sở Ngoại vụ, BQL",
     summary: "Nắm tình hình sản xuất"}
aftercare_issues:
  - {ref: issue-power, project: fdi-hanil, visit: visit-1, raised_on: 2024-11-20, issue: "Cấp điện không ổn định",
     responsible_unit: u-bql, status: resolved, due_on: 2024-12-20, resolved_on: 2024-12-15,
     resolution: "Đã bổ sung trạm biến áp"}
  - {ref: issue-labour, project: fdi-hanil, raised_on: 2025-01-05, issue: "Thiếu lao động kỹ thuật",
     responsible_unit: u-dofa}
"""
