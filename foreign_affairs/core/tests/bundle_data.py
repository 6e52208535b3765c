"""A complete bundle of a made-up province (Tỉnh Thử Nghiệm), shared by the bundle tests.

``country: NO`` is left unquoted on purpose: read as YAML 1.2 it must stay Norway.
"""

from django.apps import apps

BUNDLE_YAML = """\
format: fa-bundle/1
province: {code: "99", name_vi: "Tỉnh Thử Nghiệm", name_en: "Thu Nghiem Province"}
units:
  - ref: u-province
    name_vi: Ủy ban nhân dân tỉnh Thử Nghiệm
    name_en: Thu Nghiem Provincial People's Committee
    kind: peoples_committee
  - ref: u-dofa
    name_vi: Sở Ngoại vụ
    name_en: Department of Foreign Affairs
    short_name: SNgV
    kind: department
    parent: u-province
    notes: "Đầu mối đối ngoại của tỉnh"
  - ref: u-district-old
    name_vi: Huyện Cũ
    kind: other
    parent: u-province
    valid_from: 2010-01-01
    valid_until: 2025-06-30
    successor: u-commune-new
  - ref: u-commune-new
    name_vi: Xã Mới
    name_en: Moi Commune
    kind: commune
    parent: u-province
    valid_from: "2025-07-01"
partners:
  - ref: p-testland
    kind: locality
    name_en: Testland County
    name_vi: Hạt Testland
    name_native: Testland fylkeskommune
    aliases: [Testland, "NO", yes]
    country: NO
    relationship: twinning
    since: 2019-05-17
    fields: [education, cultural]
    website: https://testland.example.no
    notes: |-
      Kết nghĩa từ 2019.
      Liên hệ qua Đại sứ quán.
    contacts:
      - {name: Kari Nordmann, position: International adviser, email: kari@testland.example.no,
         phone: "+47 55 00 00 00"}
      - {name: Ola Nordmann}
    interactions:
      - {date: 2024-02-01, kind: email, summary: Invitation to the summer festival, unit: u-dofa}
      - {date: 2023-11-20, summary: Online meeting on school exchanges}
  - ref: p-khoueng
    kind: locality
    name_en: Khoueng Thadsanom Province
    name_vi: tỉnh Thát-sa-nồm
    name_native: ແຂວງທົດສອບ
    country: LA
    relationship: special_traditional
    since: 1995-03-01
    fields: [political, border, education]
  - ref: p-testcheon
    kind: locality
    name_en: Testcheon City
    name_native: 테스트천시
    country: KR
    relationship: cooperation
events:
  - ref: e-festival
    kind: cultural
    pillar: people
    fields: [cultural]
    title: Lễ hội văn hóa Việt - Lào
    start_on: 2024-04-10
    end_on: 2024-04-12
    place: Thành phố Thử
    country: VN
    partners: [p-khoueng]
    participants: 1200
    unit: u-dofa
  - ref: e-seoul-promotion
    kind: investment_promotion
    pillar: state
    fields: [economic]
    title: Hội nghị xúc tiến đầu tư tại Testcheon
    start_on: 2024-10-08
    country: KR
    partners: [p-testcheon]
    participants: 150
    unit: u-province
    notes: Co-organised with the city.
agreements:
  - ref: a-khoueng-mou
    kind: mou
    title_en: Memorandum of understanding on education cooperation 2024-2029
    title_vi: Biên bản ghi nhớ hợp tác giáo dục giai đoạn 2024-2029
    number: 01/2024/BBGN
    signed_on: 2024-03-15
    place: Thát-sa-nồm
    units: [u-province, u-dofa]
    partners: [p-khoueng]
    fields: [education]
    valid_from: 2024-03-15
    valid_until: 2029-03-14
    status: in_force
  - ref: a-testland-twinning
    kind: programme
    title_en: Twinning programme
    partners: [p-testland]
    status: drafting
delegations:
  - ref: d-2024-laos
    direction: outgoing
    pillar: state
    level: provincial_leader
    title: Đoàn công tác của tỉnh thăm và làm việc tại Lào
    purpose: Ký biên bản ghi nhớ hợp tác giáo dục
    start_on: 2024-03-14
    end_on: 2024-03-16
    countries: [LA]
    partners: [p-khoueng]
    fields: [education, political]
    host_unit: u-dofa
    head_name: Nguyễn Văn Thử
    head_position: Phó Chủ tịch UBND tỉnh
    members: 8
    status: completed
    funding: state_budget
    budget_vnd: 250000000
    cost_vnd: 231500000
    outcomes: Ký 01 biên bản ghi nhớ
    agreements: [a-khoueng-mou]
    member_list:
      - {full_name: Nguyễn Văn Thử, role: head, position: Phó Chủ tịch UBND tỉnh, passport_number: B1234567,
         date_of_birth: 1970-01-31}
      - {full_name: Trần Thị Nghiệm, organisation: Sở Ngoại vụ}
  - ref: d-2024-norway-in
    direction: incoming
    pillar: people
    title: Đoàn Hạt Testland thăm tỉnh
    start_on: 2024-06-03
    end_on: 2024-06-05
    countries: [NO]
    partners: [p-testland]
    host_unit: u-dofa
    foreign_visitors: 12
    reception: received
    status: reported
    funding: partner
    events: [e-festival]
    notes: Received by the Chairman.
"""


def counts() -> dict[str, int]:
    """Rows in every table: an import that fails must leave all of them as they were."""
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}
