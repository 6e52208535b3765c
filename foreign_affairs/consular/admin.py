from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from foreign_affairs.core.services import personal_data_access_log

from .models import ConsularCase, ConsularCaseAction


class ConsularCaseActionInline(admin.TabularInline):
    model = ConsularCaseAction
    extra = 0


@admin.register(ConsularCase)
class ConsularCaseAdmin(SimpleHistoryAdmin):
    """Cases are personal data: only officers and admins reach this admin, and opening a case
    is logged like any other read."""

    list_display = ("ref", "kind", "country", "opened_on", "closed_on", "status")
    list_filter = ("kind", "status")
    search_fields = ("ref", "summary")
    date_hierarchy = "opened_on"
    autocomplete_fields = ("country",)
    inlines = [ConsularCaseActionInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        case = self.get_object(request, object_id)
        if case is not None and request.method == "GET":
            personal_data_access_log(actor=request.user, record=case, channel=request.path)
        return super().change_view(request, object_id, form_url, extra_context)
