"""A made-up province's foreign NGOs and non-ODA aid (nothing here is real data)."""

AID_YAML = """
format: fa-bundle/1
units:
  - {ref: u-dofa, name_vi: "Sở Ngoại vụ Thử", kind: department}
  - {ref: u-health, name_vi: "Sở Y tế Thử", kind: department}
  - {ref: u-commune, name_vi: "Xã Thử", kind: commune}
partners:
  - {ref: p-ngo-water, kind: ngo, name_en: "Water For Test", name_vi: "Tổ chức Nước Thử", country: US,
     aliases: ["WFT"]}
  - {ref: p-ngo-kids, kind: ngo, name_en: "Kids Test Foundation", country: AU}
  - {ref: p-company, kind: enterprise, name_en: "Test Company", country: JP}
foreign_ngos:
  - {ref: ngo-water, partner: p-ngo-water, status: operating, representative: "Văn phòng Hà Nội",
     fields: [health], counterpart_units: [u-health, u-dofa]}
  - {ref: ngo-kids, partner: p-ngo-kids, status: pending_area_extension}
ngo_certificates:
  - ref: cert-water-2023
    ngo: ngo-water
    kind: operation_registration
    number: "12/CNV-HĐ"
    issued_by: "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài"
    issued_on: 2023-03-01
    expires_on: 2026-03-01
    provinces: ["Nghệ An", "Hà Tĩnh"]
    status: issued
    opinion_requested_on: 2022-12-01
    opinion_sent_on: 2022-12-10
    opinion: agree
  - {ref: cert-kids-app, ngo: ngo-kids, kind: project_office, status: applied}
aid_items:
  - ref: aid-water
    donor: p-ngo-water
    modality: project
    title: "Nước sạch cho trường học"
    fields: [health]
    beneficiary_units: [u-commune]
    managing_unit: u-health
    committed_amount: 100000.5
    currency: EUR
    committed_usd: 108500.55
    counterpart_vnd: 150000000
    file_complete_on: 2024-01-10
    approval_no: "123/QĐ-UBND"
    approved_on: 2024-01-31
    started_on: 2024-03-01
    status: implementing
    notes: "Thử"
    disbursements:
      - {date: 2024-03-15, amount: 50000, amount_usd: 54250.25, note: "Đợt 1"}
      - {date: 2024-09-15, amount_usd: 20000}
  - {ref: aid-relief, donor: p-ngo-kids, modality: emergency, title: "Cứu trợ lũ", managing_unit: u-dofa,
     committed_amount: 5000, currency: USD, committed_usd: 5000, status: proposed}
"""
