from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Directive, Plan, Programme, ProgrammeItem, Task, TaskGroup, TaskLink, TaskProgress


@admin.register(Directive)
class DirectiveAdmin(SimpleHistoryAdmin):
    list_display = ("number", "title", "issued_on", "issuer")
    search_fields = ("number", "title", "issuer")


class TaskGroupInline(admin.TabularInline):
    model = TaskGroup
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ("number", "title", "issued_on", "issuer", "implements")
    search_fields = ("number", "title", "issuer", "ref")
    autocomplete_fields = ("implements",)
    inlines = [TaskGroupInline]


class TaskInline(admin.TabularInline):
    model = Task
    extra = 0
    fields = ("ref", "position", "title", "lead_unit", "due_on", "status")
    autocomplete_fields = ("lead_unit",)


@admin.register(TaskGroup)
class TaskGroupAdmin(SimpleHistoryAdmin):
    list_display = ("plan", "ordinal", "title")
    search_fields = ("title", "plan__number", "plan__title")
    list_select_related = ("plan",)
    inlines = [TaskInline]


class TaskProgressInline(admin.TabularInline):
    model = TaskProgress
    extra = 0


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ("title", "group", "lead_unit", "due_on", "status")
    list_filter = ("status",)
    search_fields = ("title", "ref")
    list_select_related = ("group__plan", "lead_unit")
    autocomplete_fields = ("group", "lead_unit", "supporting_units")
    inlines = [TaskProgressInline]


@admin.register(TaskProgress)
class TaskProgressAdmin(SimpleHistoryAdmin):
    list_display = ("task", "date", "percent")
    list_select_related = ("task",)
    date_hierarchy = "date"


class TaskLinkInline(admin.TabularInline):
    model = TaskLink
    extra = 0
    raw_id_fields = ("delegation", "agreement", "event", "fdi_project", "programme_item")


TaskAdmin.inlines = [TaskProgressInline, TaskLinkInline]


class ProgrammeItemInline(admin.TabularInline):
    model = ProgrammeItem
    extra = 0
    fields = ("ref", "position", "kind", "title", "month", "quarter", "lead_unit", "status")
    autocomplete_fields = ("lead_unit",)
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ("year", "title", "number", "approved_on", "status")
    list_filter = ("status",)
    search_fields = ("title", "number", "ref")
    inlines = [ProgrammeItemInline]


@admin.register(ProgrammeItem)
class ProgrammeItemAdmin(SimpleHistoryAdmin):
    list_display = ("title", "programme", "kind", "month", "quarter", "lead_unit", "status")
    list_filter = ("kind", "status", "pillar")
    search_fields = ("title", "ref")
    list_select_related = ("programme", "lead_unit")
    autocomplete_fields = ("programme", "lead_unit", "supporting_units", "partners", "countries")
    raw_id_fields = ("delegation", "event", "agreement")


@admin.register(TaskLink)
class TaskLinkAdmin(SimpleHistoryAdmin):
    list_display = ("task", "date", "__str__")
    list_select_related = ("task", "delegation", "agreement", "event", "fdi_project", "programme_item")
    raw_id_fields = ("task", "delegation", "agreement", "event", "fdi_project", "programme_item")
