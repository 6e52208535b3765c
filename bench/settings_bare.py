"""Settings for serving the bench's bare view beside the product (gunicorn + wrk runs only)."""

from foreign_affairs.settings import *  # noqa: F403

ROOT_URLCONF = "bench.bare_urls"
DEBUG = False
