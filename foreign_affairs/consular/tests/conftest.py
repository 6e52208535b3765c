from foreign_affairs.api.tests.conftest import api  # noqa: F401
from foreign_affairs.web.tests.conftest import login  # noqa: F401
