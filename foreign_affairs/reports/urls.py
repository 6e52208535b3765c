from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("view/", views.ReportPreviewView.as_view(), name="preview"),
    path("figures/<slug:code>/", views.FigureRecordsView.as_view(), name="figure_records"),
    path("<int:pk>/finalise/", views.ReportFinaliseView.as_view(), name="finalise"),
    path("<int:pk>/document.<str:lang>.<str:fmt>", views.ReportDownloadView.as_view(), name="download"),
]

# Dashboards, effectiveness of trips, relationship health (reports/dashboard_views.py).
from . import dashboard_views  # noqa: E402

urlpatterns += [
    path("dashboard/", dashboard_views.DashboardView.as_view(), name="dashboard"),
    path("dashboard/trends/", dashboard_views.TrendsView.as_view(), name="dashboard_trends"),
    path("dashboard/map/", dashboard_views.MapView.as_view(), name="dashboard_map"),
    path("dashboard/calendar/", dashboard_views.CalendarView.as_view(), name="dashboard_calendar"),
    path("effectiveness/", dashboard_views.EffectivenessView.as_view(), name="effectiveness"),
    path("effectiveness/<int:pk>/", dashboard_views.TripEffectView.as_view(), name="effectiveness_trip"),
    path("relationships/", dashboard_views.RelationshipsView.as_view(), name="relationships"),
]
