from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    AftercareIssue,
    AftercareVisit,
    CapitalAdjustment,
    FDIProject,
    Indicator,
    InvestmentLead,
    LeadContact,
    ODADisbursement,
    ODAProgramme,
    Statistic,
)


class CapitalAdjustmentInline(admin.TabularInline):
    model = CapitalAdjustment
    extra = 0


class ODADisbursementInline(admin.TabularInline):
    model = ODADisbursement
    extra = 0


@admin.register(FDIProject)
class FDIProjectAdmin(SimpleHistoryAdmin):
    list_display = ("name", "investor", "investor_country", "registered_on", "capital_usd", "status", "estimated")
    list_filter = ("status", "estimated", "investor_country")
    search_fields = ("name", "investor", "irc_number", "ref", "search_text")
    autocomplete_fields = ("origin_delegation", "origin_event")
    inlines = [CapitalAdjustmentInline]


@admin.register(CapitalAdjustment)
class CapitalAdjustmentAdmin(SimpleHistoryAdmin):
    list_display = ("date", "project", "delta_usd")
    autocomplete_fields = ("project",)


@admin.register(ODAProgramme)
class ODAProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "sector", "start_year", "end_year", "total_vnd", "oda_vnd", "status")
    list_filter = ("kind", "status")
    search_fields = ("name", "ref", "search_text")
    inlines = [ODADisbursementInline]


@admin.register(ODADisbursement)
class ODADisbursementAdmin(SimpleHistoryAdmin):
    list_display = ("year", "programme", "amount_vnd")
    autocomplete_fields = ("programme",)


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ("code", "name_vi", "name_en", "unit", "computed")
    list_filter = ("unit", "computed")
    search_fields = ("code", "name_vi", "name_en")


@admin.register(Statistic)
class StatisticAdmin(SimpleHistoryAdmin):
    list_display = ("indicator", "start", "end", "value", "unit", "plan", "estimated", "source_title")
    list_filter = ("indicator", "estimated")
    search_fields = ("ref", "source_title", "search_text")
    autocomplete_fields = ("indicator",)


class LeadContactInline(admin.TabularInline):
    model = LeadContact
    extra = 0
    fields = ("date", "kind", "summary", "unit")


@admin.register(InvestmentLead)
class InvestmentLeadAdmin(SimpleHistoryAdmin):
    list_display = ("name", "investor", "country", "stage", "owner_unit", "response_due_on", "responded_on",
                    "project")
    list_filter = ("stage", "country")
    search_fields = ("name", "investor", "ref", "search_text")
    autocomplete_fields = ("partner", "origin_delegation", "origin_event", "project")
    inlines = [LeadContactInline]


@admin.register(AftercareVisit)
class AftercareVisitAdmin(SimpleHistoryAdmin):
    list_display = ("date", "project", "unit", "participants")
    search_fields = ("ref", "search_text", "project__name")
    autocomplete_fields = ("project",)


@admin.register(AftercareIssue)
class AftercareIssueAdmin(SimpleHistoryAdmin):
    list_display = ("issue", "project", "raised_on", "responsible_unit", "status", "resolved_on")
    list_filter = ("status",)
    search_fields = ("ref", "search_text", "project__name")
    autocomplete_fields = ("project", "visit")
