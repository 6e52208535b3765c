"""Named test users in fixed roles (as healthchecks' hc/test.py keeps them)."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Test users need no real hashing; PBKDF2 would dominate the run time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_user(db):
    from foreign_affairs.core.services import user_create

    def make(username: str, role: str, unit=None):
        user, _token = user_create(username=username, password="correct horse battery", role=role, unit=unit)
        return user

    return make


@pytest.fixture
def unit_a(db):
    from foreign_affairs.core.tests.factories import UnitFactory

    return UnitFactory(ref="unit-a", name_vi="Sở A", name_en="Department A")


@pytest.fixture
def unit_b(db):
    from foreign_affairs.core.tests.factories import UnitFactory

    return UnitFactory(ref="unit-b", name_vi="Sở B", name_en="Department B")


@pytest.fixture
def admin(make_user):
    return make_user("admin", "admin")


@pytest.fixture
def officer(make_user):
    return make_user("officer", "officer")


@pytest.fixture
def unit_officer_a(make_user, unit_a):
    return make_user("unit_officer_a", "unit_officer", unit_a)


@pytest.fixture
def unit_officer_b(make_user, unit_b):
    return make_user("unit_officer_b", "unit_officer", unit_b)


@pytest.fixture
def approver(make_user):
    return make_user("approver", "approver")


@pytest.fixture
def viewer(make_user):
    return make_user("viewer", "viewer")


@pytest.fixture
def role_users(admin, officer, unit_officer_a, unit_officer_b, approver, viewer):
    return {u.username: u for u in (admin, officer, unit_officer_a, unit_officer_b, approver, viewer)}
