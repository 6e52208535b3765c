def navigation(request):
    """The navbar's links, the signed-in user's role and the province's name, for base.html."""
    from .registry import navigation_items

    user = getattr(request, "user", None)
    role = user.get_role_display() if user is not None and user.is_authenticated and hasattr(user, "role") else ""
    return {"nav_items": navigation_items(request), "user_role": role, "province_name": province_name()}


def province_name() -> str:
    """The name of the province the installation serves, in the reader's language (the brand
    names it)."""
    from django.utils.translation import get_language

    from foreign_affairs.core.models import Province

    province = Province.objects.only("name_vi", "name_en").first()
    if province is None:
        return ""
    if (get_language() or "vi").startswith("en"):
        return province.name_en or province.name_vi
    return province.name_vi or province.name_en
