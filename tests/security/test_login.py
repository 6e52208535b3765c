"""Login throttling, password rules and the security settings."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_repeated_failed_logins_lock_the_account_out(client, officer):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/accounts/login/", {"username": "officer", "password": "wrong"})
        assert response.status_code == 200  # the form again, with its error
    assert client.post("/accounts/login/", {"username": "officer", "password": "wrong"}).status_code == 429
    # Locked: even the right password is refused for now.
    response = client.post("/accounts/login/", {"username": "officer", "password": "correct horse battery"})
    assert response.status_code == 429
    assert not client.session.get("_auth_user_id")


def test_a_good_login_resets_the_count(client, officer):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        client.post("/accounts/login/", {"username": "officer", "password": "wrong"})
    response = client.post("/accounts/login/", {"username": "officer", "password": "correct horse battery"})
    assert response.status_code == 302


def test_weak_passwords_are_refused():
    from django.core.exceptions import ValidationError

    from foreign_affairs.core.services import user_create

    with pytest.raises(ValidationError):
        user_create(username="lan", password="12345678", role="viewer")


def test_debug_is_off_and_cookies_are_http_only():
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_HTTPONLY and settings.X_FRAME_OPTIONS == "DENY"
