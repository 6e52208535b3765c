from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from foreign_affairs.core.services import personal_data_access_log

from .models import (
    BorderEvent,
    BorderFigure,
    BorderItem,
    Expert,
    HonourAward,
    JournalistReporter,
    JournalistVisit,
    OverseasCommunityFigure,
)


class LoggedReadMixin:
    """Opening a record that holds personal data in the admin is logged like any other read."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        if obj is not None and request.method == "GET":
            personal_data_access_log(actor=request.user, record=obj, channel=request.path)
        return super().change_view(request, object_id, form_url, extra_context)


class JournalistReporterInline(admin.TabularInline):
    model = JournalistReporter
    extra = 0
    autocomplete_fields = ("nationality",)


@admin.register(JournalistVisit)
class JournalistVisitAdmin(LoggedReadMixin, SimpleHistoryAdmin):
    """The reporters' names are personal data: opening a visit (with its reporters) is logged."""

    list_display = ("outlet", "country", "start_on", "end_on", "status", "accompanying_unit")
    list_filter = ("status", "resident")
    search_fields = ("outlet", "ref", "topics")
    date_hierarchy = "start_on"
    autocomplete_fields = ("country", "accompanying_unit")
    inlines = [JournalistReporterInline]


@admin.register(HonourAward)
class HonourAwardAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "status", "decision_no", "decision_on", "ceremony_on")
    list_filter = ("award_type", "status")
    search_fields = ("recipient_name", "ref", "decision_no")
    autocomplete_fields = ("recipient_partner", "recipient_country", "proposer_unit")


@admin.register(OverseasCommunityFigure)
class OverseasCommunityFigureAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "population", "investment_projects", "remittances_usd", "source_title")
    search_fields = ("ref", "source_title")
    autocomplete_fields = ("country",)


@admin.register(Expert)
class ExpertAdmin(LoggedReadMixin, SimpleHistoryAdmin):
    """Experts are personal data: only officers and admins reach this admin, and reads are logged."""

    list_display = ("full_name", "country", "expertise", "organisation")
    list_filter = ("from_province",)
    search_fields = ("full_name", "ref", "expertise", "organisation")
    autocomplete_fields = ("country",)


@admin.register(BorderItem)
class BorderItemAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "gate_class", "opposite_province", "opposite_name", "status")
    list_filter = ("kind", "gate_class", "status")
    search_fields = ("name", "ref", "opposite_name")
    autocomplete_fields = ("commune", "opposite_province")


@admin.register(BorderEvent)
class BorderEventAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "date", "unit")
    list_filter = ("kind",)
    search_fields = ("title", "ref", "document")
    date_hierarchy = "date"
    autocomplete_fields = ("unit", "partners", "items")


@admin.register(BorderFigure)
class BorderFigureAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "length_km", "markers", "village_pairs", "post_pairs", "source_title")
    search_fields = ("ref", "source_title")
    autocomplete_fields = ("opposite_province",)
