"""Pages of the notifications app (namespace ``notifications``)."""

from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("worklist/", views.WorklistView.as_view(), name="worklist"),
    path("notifications/", views.NotificationListView.as_view(), name="list"),
    path("notifications/read-all/", views.NotificationReadAllView.as_view(), name="read_all"),
    path("notifications/<int:pk>/", views.NotificationOpenView.as_view(), name="open"),
    path("notifications/<int:pk>/read/", views.NotificationReadView.as_view(), name="read"),
    path("account/", views.AccountView.as_view(), name="account"),
    path("account/calendar/reset/", views.CalendarResetView.as_view(), name="calendar_reset"),
    path("account/calendar/disable/", views.CalendarDisableView.as_view(), name="calendar_disable"),
    path("calendar/<str:token>.ics", views.CalendarFeedView.as_view(), name="calendar_feed"),
]
