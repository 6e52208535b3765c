def navigation(request):
    from .registry import navigation_items

    return {"nav_items": navigation_items(request)}
