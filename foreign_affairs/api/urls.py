from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from rest_framework import routers
from rest_framework.permissions import IsAuthenticated

from foreign_affairs.notifications.api import NotificationViewSet, WorklistAPIView
from foreign_affairs.reports import api as report_api

from . import economy, views, views_people


@extend_schema(exclude=True)
class APIRootView(routers.APIRootView):
    """The register's API: one endpoint per record group."""

    permission_classes = [IsAuthenticated]


class Router(routers.DefaultRouter):
    APIRootView = APIRootView
    include_format_suffixes = False


DOCS_CSP = csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["'self'", "blob:"]})

router = Router()
router.register("units", views.UnitViewSet)
router.register("countries", views.CountryViewSet)
router.register("fields", views.FieldViewSet)
router.register("partners", views.PartnerViewSet)
router.register("contacts", views.ContactViewSet)
router.register("interactions", views.InteractionViewSet)
router.register("agreements", views.AgreementViewSet)
router.register("events", views.EventViewSet)
router.register("delegations", views.DelegationViewSet)
router.register("delegation-members", views.DelegationMemberViewSet)
router.register("fdi-projects", views.FDIProjectViewSet)
router.register("oda-programmes", views.ODAProgrammeViewSet)
router.register("statistics", views.StatisticViewSet)
router.register("indicators", views.IndicatorViewSet)
router.register("plans", views.PlanViewSet)
router.register("plan-tasks", views.TaskViewSet)
router.register("consular-cases", views.ConsularCaseViewSet)
router.register("reports", report_api.ReportViewSet)
router.register("investment-leads", economy.InvestmentLeadViewSet)
router.register("aftercare-visits", economy.AftercareVisitViewSet)
router.register("aftercare-issues", economy.AftercareIssueViewSet)
router.register("foreign-ngos", economy.ForeignNGOViewSet)
router.register("ngo-certificates", economy.NGOCertificateViewSet)
router.register("aid-items", economy.AidItemViewSet)
router.register("notifications", NotificationViewSet, basename="notification")
# Annual programmes and people's records (issue 4, items 5–7).
router.register("programmes", views_people.ProgrammeViewSet)
router.register("programme-items", views_people.ProgrammeItemViewSet)
router.register("journalist-visits", views_people.JournalistVisitViewSet)
router.register("honours", views_people.HonourAwardViewSet)
router.register("overseas-community", views_people.OverseasCommunityFigureViewSet)
router.register("experts", views_people.ExpertViewSet)
router.register("border-items", views_people.BorderItemViewSet)
router.register("border-events", views_people.BorderEventViewSet)
router.register("border-figures", views_people.BorderFigureViewSet)

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The documentation pages: their script is served as a file (the split view), their small
    # inline styles are allowed on these two pages only (settings.CONTENT_SECURITY_POLICY).
    path("docs/", DOCS_CSP(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"),
    path("redoc/", DOCS_CSP(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    path("worklist/", WorklistAPIView.as_view(), name="worklist"),
    # Before the router, whose reports/<pk>/ would take "annual" for a record id.
    path("reports/annual/", report_api.AnnualReportView.as_view(), name="reports-annual"),
    path("reports/period/", report_api.PeriodReportView.as_view(), name="reports-period"),
    path("", include(router.urls)),
]
