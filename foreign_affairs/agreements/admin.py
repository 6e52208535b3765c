from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Agreement, AgreementAttachment, AgreementConsultation, AgreementTransition


class AttachmentInline(admin.TabularInline):
    model = AgreementAttachment
    extra = 0
    fields = ("file", "original_name", "description", "uploaded_by", "uploaded_at")
    readonly_fields = ("uploaded_by", "uploaded_at")


class ConsultationInline(admin.TabularInline):
    model = AgreementConsultation
    extra = 0


class TransitionInline(admin.TabularInline):
    """The workflow log is written by the steps only."""

    model = AgreementTransition
    extra = 0
    can_delete = False
    readonly_fields = ("action", "from_status", "to_status", "actor", "at", "comment", "document_no", "document_on",
                       "signer")

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Agreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ("__str__", "kind", "number", "signed_on", "status", "valid_until")
    list_filter = ("kind", "status")
    search_fields = ("title_en", "title_vi", "number", "ref")
    date_hierarchy = "signed_on"
    autocomplete_fields = ("units", "partners")
    filter_horizontal = ("fields",)
    inlines = [ConsultationInline, TransitionInline, AttachmentInline]


@admin.register(AgreementAttachment)
class AgreementAttachmentAdmin(admin.ModelAdmin):
    list_display = ("original_name", "record", "size", "uploaded_by", "uploaded_at")
