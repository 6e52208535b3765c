from foreign_affairs.api.tests.conftest import api  # noqa: F401
