import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english(settings):
    """Messages and e-mails in English, so their texts can be compared."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def with_email(make_user):
    """``with_email(user)``: gives the user an address (user@example.vn)."""

    def give(user):
        user.email = f"{user.username}@example.vn"
        user.save(update_fields=["email"])
        return user

    return give
