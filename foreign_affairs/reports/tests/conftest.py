from foreign_affairs.api.tests.conftest import api  # noqa: F401 - the token client fixture
