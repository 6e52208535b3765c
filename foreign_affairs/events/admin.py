from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event, EventAttachment


class AttachmentInline(admin.TabularInline):
    model = EventAttachment
    extra = 0
    fields = ("file", "original_name", "description", "uploaded_by", "uploaded_at")
    readonly_fields = ("uploaded_by", "uploaded_at")


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "pillar", "start_on", "end_on", "country", "unit")
    list_filter = ("kind", "pillar")
    search_fields = ("title", "place", "ref")
    date_hierarchy = "start_on"
    autocomplete_fields = ("partners", "unit", "country")
    filter_horizontal = ("fields",)
    inlines = [AttachmentInline]


@admin.register(EventAttachment)
class EventAttachmentAdmin(admin.ModelAdmin):
    list_display = ("original_name", "record", "size", "uploaded_by", "uploaded_at")
