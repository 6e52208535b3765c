def navigation_items(request):
    return []
