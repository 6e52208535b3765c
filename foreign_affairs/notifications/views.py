"""Pages of the notifications app: the worklist, the notifications, the user's account page
with their calendar address, and the calendar feed itself (opened by its secret token)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from foreign_affairs.web.views.base import PermissionView

from . import selectors, services
from .calendar import calendar_feed
from .models import CalendarFeed, Notification

PAGE_SIZE = 25
FEED_SESSION_KEY = "notifications_new_calendar_url"


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return default


class WorklistView(PermissionView):
    """What needs my action, what is overdue in my scope, what is coming up."""

    def get(self, request):
        work = selectors.worklist(user=request.user, today=timezone.localdate())
        return render(request, "notifications/worklist.html", {"work": work})


class NotificationListView(PermissionView):
    """My notifications, newest first, 25 a page; unread ones marked."""

    def get(self, request):
        unread_only = request.GET.get("unread") == "1"
        qs = selectors.notification_list(user=request.user, unread_only=unread_only)
        paginator = Paginator(qs, PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        return render(request, "notifications/list.html", {
            "page_obj": page,
            "notifications": page.object_list,
            "page_range": list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)),
            "page_query": "unread=1" if unread_only else "",
            "unread_only": unread_only,
        })


class NotificationOpenView(PermissionView):
    """Open the record a notification is about; the notification counts as read."""

    def get(self, request, pk):
        notification = get_object_or_404(Notification.objects.restrict(request.user), pk=pk)
        services.notification_mark_read(notification=notification, actor=request.user)
        target = notification.url
        if not target or not url_has_allowed_host_and_scheme(target, allowed_hosts=set()):
            return redirect("notifications:list")
        return redirect(target)


class NotificationReadView(PermissionView):
    http_method_names = ["post"]

    def post(self, request, pk):
        notification = get_object_or_404(Notification.objects.restrict(request.user), pk=pk)
        services.notification_mark_read(notification=notification, actor=request.user)
        return redirect(_safe_next(request, reverse("notifications:list")))


class NotificationReadAllView(PermissionView):
    http_method_names = ["post"]

    def post(self, request):
        count = services.notifications_mark_all_read(actor=request.user)
        messages.success(request, _("%(count)s notification(s) marked as read.") % {"count": count})
        return redirect(_safe_next(request, reverse("notifications:list")))


class AccountView(PermissionView):
    """The signed-in user's page: who they are, and their calendar address."""

    def get(self, request):
        feed = CalendarFeed.objects.filter(user=request.user).first()
        return render(request, "notifications/account.html", {
            "feed": feed,
            "new_feed_url": request.session.pop(FEED_SESSION_KEY, None),
        })


class CalendarResetView(PermissionView):
    """Make a new secret calendar address (the old one stops working)."""

    http_method_names = ["post"]

    def post(self, request):
        token = services.calendar_feed_reset(actor=request.user)
        path = reverse("notifications:calendar_feed", args=[token])
        request.session[FEED_SESSION_KEY] = request.build_absolute_uri(path)
        messages.success(request, _("Your new calendar address is shown below; any earlier one no longer works."))
        return redirect("notifications:account")


class CalendarDisableView(PermissionView):
    http_method_names = ["post"]

    def post(self, request):
        services.calendar_feed_disable(actor=request.user)
        messages.success(request, _("Your calendar address was switched off."))
        return redirect("notifications:account")


class CalendarFeedView(View):
    """The iCalendar feed, for a calendar program: no session, the secret token in the address
    names the user, and the feed shows exactly what that user's own lists show."""

    http_method_names = ["get", "head"]

    def get(self, request, token):
        feed = selectors.calendar_feed_get(token=token)
        if feed is None:
            raise Http404
        body = calendar_feed(user=feed.user, today=timezone.localdate(), absolute=request.build_absolute_uri)
        services.calendar_feed_used(feed=feed)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = 'inline; filename="foreign-affairs.ics"'
        response["Cache-Control"] = "private, max-age=900"
        response["X-Robots-Tag"] = "noindex"
        return response
