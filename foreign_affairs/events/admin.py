from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Event, EventAttachment, EventConsultation, EventTransition


class AttachmentInline(admin.TabularInline):
    model = EventAttachment
    extra = 0
    fields = ("file", "original_name", "description", "uploaded_by", "uploaded_at")
    readonly_fields = ("uploaded_by", "uploaded_at")


class ConsultationInline(admin.TabularInline):
    model = EventConsultation
    extra = 0


class TransitionInline(admin.TabularInline):
    """The workflow log is written by the steps only."""

    model = EventTransition
    extra = 0
    can_delete = False
    readonly_fields = ("action", "from_status", "to_status", "actor", "at", "comment", "document_no", "document_on",
                       "signer")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "pillar", "status", "start_on", "end_on", "country", "unit")
    list_filter = ("kind", "pillar", "status")
    search_fields = ("title", "place", "ref")
    date_hierarchy = "start_on"
    autocomplete_fields = ("partners", "unit", "country")
    filter_horizontal = ("fields",)
    inlines = [ConsultationInline, TransitionInline, AttachmentInline]


@admin.register(EventAttachment)
class EventAttachmentAdmin(admin.ModelAdmin):
    list_display = ("original_name", "record", "size", "uploaded_by", "uploaded_at")
