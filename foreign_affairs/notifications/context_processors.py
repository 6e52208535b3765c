from django.utils.functional import SimpleLazyObject


def notifications(request):
    """The navbar's unread-notifications badge: one count query, made only if a page shows it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from .selectors import notification_unread_count

    return {"unread_notifications": SimpleLazyObject(lambda: notification_unread_count(user=user))}
