"""Approval routing from the rules table (core.RoutingRule): which extra step a record needs and
who decides it, by the rule in force on a date. Defaults are loaded on migrate when a code has
no row yet; admins edit them afterwards (a new regulation is a new row with a later
``valid_from``)."""

from __future__ import annotations

from datetime import date

from .models import RoutingRule

LEADER_RANKS = ["head_of_state", "head_of_government", "minister"]
SENSITIVE_TOPICS = ["sovereignty", "security", "defence", "ethnic", "religion", "human_rights", "state_secret"]

# (code, name_vi, name_en, condition, outcome, deadline rule, priority, legal basis, verified)
DEFAULT_ROUTING = [
    ("delegation_party_clearance", "Ý kiến của Ban Thường vụ Tỉnh ủy (đoàn lãnh đạo tỉnh)",
     "Provincial Party Standing Committee's clearance: trips of provincial leaders",
     {"direction": ["outgoing"], "level": ["provincial_leader"]}, "required", "", 10,
     "QĐ 272-QĐ/TW (Politburo, 21/01/2015) on unified management of external activities and the Provincial "
     "Party Committee's regulation (research/domain.md W1 step 3; clause to verify)", False),
    ("delegation_party_clearance", "Ý kiến của Ban Thường vụ Tỉnh ủy (đoàn đối ngoại Đảng)",
     "Provincial Party Standing Committee's clearance: Party delegations",
     {"direction": ["outgoing"], "pillar": ["party"]}, "required", "", 20,
     "QĐ 272-QĐ/TW (Politburo, 21/01/2015) and the Provincial Party Committee's regulation (clause to verify)",
     False),
    ("event_permit_required", "Hội nghị, hội thảo quốc tế phải được cho phép",
     "International conferences and seminars need a permit", {"kind": ["conference"]}, "required", "", 10,
     "QĐ 06/2020/QĐ-TTg on international conferences and seminars in Vietnam, Art. 1–3", True),
    ("conference_competence", "Thủ tướng cho phép: khách cấp cao", "Permitted by the Prime Minister: "
     "heads of state or government, ministers", {"guest_rank": LEADER_RANKS}, "prime_minister",
     "conference_application_pm", 10, "QĐ 06/2020/QĐ-TTg (Prime Minister's competence)", True),
    ("conference_competence", "Thủ tướng cho phép: nội dung nhạy cảm", "Permitted by the Prime Minister: "
     "sovereignty, security, defence, ethnic, religious, human-rights subjects or state secrets",
     {"topics": SENSITIVE_TOPICS}, "prime_minister", "conference_application_pm", 20,
     "QĐ 06/2020/QĐ-TTg (Prime Minister's competence)", True),
    ("conference_competence", "Chủ tịch UBND tỉnh cho phép", "Permitted by the Chairman of the Provincial "
     "People's Committee (the other cases)", {}, "provincial_chair", "conference_application", 100,
     "QĐ 06/2020/QĐ-TTg (competent person for local events; check against NĐ 134/2025/NĐ-CP)", False),
]


def default_routing_load() -> None:
    """Add the default routing rules of each code that has no row yet; rows are never changed."""
    existing = set(RoutingRule.objects.values_list("code", flat=True))
    RoutingRule.objects.bulk_create([
        RoutingRule(code=code, name_vi=name_vi, name_en=name_en, condition=condition, outcome=outcome,
                    deadline_rule=deadline_rule, priority=priority, legal_basis=basis, verified=verified)
        for code, name_vi, name_en, condition, outcome, deadline_rule, priority, basis, verified in DEFAULT_ROUTING
        if code not in existing
    ])


def route(code: str, record, on: date) -> RoutingRule | None:
    """The first rule with this code in force on ``on`` (by priority) that matches the record,
    or None when none does."""
    rules = RoutingRule.objects.filter(code=code).order_by("priority", "pk")
    for rule in rules:
        if rule.valid_from and rule.valid_from > on:
            continue
        if rule.valid_until and rule.valid_until < on:
            continue
        if rule.matches(record):
            return rule
    return None
