from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("view/", views.ReportPreviewView.as_view(), name="preview"),
    path("figures/<slug:code>/", views.FigureRecordsView.as_view(), name="figure_records"),
    path("<int:pk>/finalise/", views.ReportFinaliseView.as_view(), name="finalise"),
    path("<int:pk>/document.<str:lang>.<str:fmt>", views.ReportDownloadView.as_view(), name="download"),
]
