from django.contrib import admin

from .models import CalendarFeed, Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("created_at", "recipient", "verb", "record_label", "read_at", "emailed_at")
    list_filter = ("verb", "app_label")
    search_fields = ("record_label", "recipient__username")
    raw_id_fields = ("recipient", "actor")
    readonly_fields = [f.name for f in Notification._meta.fields]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Admins see who has a calendar address and may delete one; the token itself is never shown."""

    list_display = ("user", "created_at", "last_used_at")
    readonly_fields = ("user", "created_at", "last_used_at")
    exclude = ("token_hash",)

    def has_add_permission(self, request):
        return False
