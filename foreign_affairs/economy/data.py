"""The indicator catalogue of DESIGN §2, shipped with the product and loaded on every migrate."""

from __future__ import annotations

# (code, name_vi, name_en, unit, computed, description)
INDICATORS: list[tuple[str, str, str, str, bool, str]] = [
    ("delegations_out", "Số đoàn ra", "Outgoing delegations", "count", True,
     "Outgoing delegations that took place (status completed or later), by start date."),
    ("delegations_out_leaders", "Số đoàn ra của lãnh đạo tỉnh", "Outgoing delegations of provincial leaders",
     "count", True, "Outgoing delegations that took place, level provincial_leader."),
    ("delegations_in_received", "Số đoàn vào lãnh đạo tỉnh tiếp", "Incoming delegations received", "count", True,
     "Incoming delegations that took place and were received by provincial leaders."),
    ("foreign_visitors_received", "Số lượt khách nước ngoài được tiếp", "Foreign visitors received", "persons",
     True, "Sum of foreign visitors of the incoming delegations received."),
    ("delegations_in_permitted", "Số đoàn vào được cho phép", "Incoming delegations permitted", "count", True,
     "Incoming delegations permitted to work with a unit, by permit date."),
    ("agreements_signed", "Số thỏa thuận quốc tế được ký", "Agreements signed", "count", True,
     "Agreements by signed date."),
    ("events_held", "Số sự kiện, hội nghị quốc tế", "Events held", "count", True, "Events by start date."),
    ("fdi_new_projects", "Số dự án FDI cấp mới", "New FDI projects", "count", True,
     "FDI projects by registration date."),
    ("fdi_new_capital_usd", "Vốn FDI đăng ký mới", "New FDI capital", "USD", True,
     "Sum of the registered capital of the new FDI projects."),
    ("fdi_adjusted_projects", "Số dự án FDI điều chỉnh vốn", "FDI projects with capital adjusted", "count", True,
     "Distinct FDI projects with a capital adjustment dated in the period."),
    ("fdi_adjusted_capital_usd", "Vốn FDI điều chỉnh", "Adjusted FDI capital", "USD", True,
     "Sum of the capital adjustments dated in the period."),
    ("fdi_total_capital_usd", "Tổng vốn FDI cấp mới và điều chỉnh", "Total FDI capital (new and adjusted)", "USD",
     True, "New plus adjusted FDI capital."),
    ("oda_active_programmes", "Số chương trình, dự án ODA đang thực hiện", "Active ODA programmes", "count", True,
     "ODA programmes active in any part of the period (years overlap it, not cancelled)."),
    ("oda_total_investment_vnd", "Tổng vốn đầu tư các chương trình ODA", "Total investment of active ODA programmes",
     "VND", True, "Sum of the total investment of the active ODA programmes."),
    ("export_turnover_usd", "Kim ngạch xuất khẩu", "Export turnover", "USD", False, "Reported only."),
    ("workers_abroad", "Số lao động đi làm việc ở nước ngoài", "Workers sent abroad under contract", "persons",
     False, "Reported only; with a plan target, fulfilment = value / plan."),
    ("consular_cases_opened", "Số vụ việc bảo hộ công dân", "Consular cases opened", "count", True,
     "Citizen-protection cases by opening date."),
]
