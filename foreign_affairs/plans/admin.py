from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Directive, Plan, Task, TaskGroup, TaskProgress


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
