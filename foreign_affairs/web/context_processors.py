def navigation(request):
    """The navbar's links and the signed-in user's role, for base.html."""
    from .registry import navigation_items

    user = getattr(request, "user", None)
    role = user.get_role_display() if user is not None and user.is_authenticated and hasattr(user, "role") else ""
    return {"nav_items": navigation_items(request), "user_role": role}
