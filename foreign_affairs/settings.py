"""Settings, read from the environment through small strict helpers (as healthchecks does)."""

import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_noop

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("FA_VAR_DIR", BASE_DIR / "var"))
# Database, uploads and collected static files live here; created on first start.
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """DATABASE_URL → DATABASES['default']; only PostgreSQL and SQLite are supported."""
    parsed = urlparse(url)
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    if parsed.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parsed.path),
                "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"}}
    raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {parsed.scheme!r}")


DEBUG = env_bool("DEBUG", False)
# Served over HTTPS (behind the reverse proxy): secure cookies, HSTS, and a real SECRET_KEY.
HTTPS = env_bool("FA_HTTPS", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    # The development key is public (it is in this file): never accepted over HTTPS.
    if DEBUG or env_bool("FA_ALLOW_INSECURE_KEY", not HTTPS):
        # Development and tests only; a deployment sets SECRET_KEY (see docs/deployment.md).
        SECRET_KEY = "insecure-development-key-set-SECRET_KEY-in-production"
    else:
        raise ImproperlyConfigured("SECRET_KEY must be set")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_htmx",
    "axes",
    "csp",
    "foreign_affairs.core",
    "foreign_affairs.partners",
    "foreign_affairs.agreements",
    "foreign_affairs.events",
    "foreign_affairs.delegations",
    "foreign_affairs.economy",
    "foreign_affairs.aid",
    "foreign_affairs.plans",
    "foreign_affairs.consular",
    "foreign_affairs.reports",
    "foreign_affairs.notifications",
    "foreign_affairs.people",
    "foreign_affairs.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it locks out repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "foreign_affairs.urls"
WSGI_APPLICATION = "foreign_affairs.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "foreign_affairs" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "foreign_affairs.web.context_processors.navigation",
                "foreign_affairs.notifications.context_processors.notifications",
            ],
        },
    }
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "foreign_affairs.sqlite3",
            # IMMEDIATE: a transaction that will write takes SQLite's write lock when it begins, so
            # two saves of one record run one after the other (the second sees the first and gets
            # an edit conflict) instead of failing with "database is locked".
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Login throttling: after FA_LOGIN_FAILURES failed attempts for one user name from one address,
# that pair is locked out for FA_LOGIN_COOLOFF_MINUTES.
AXES_FAILURE_LIMIT = int(os.environ.get("FA_LOGIN_FAILURES", 5))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("FA_LOGIN_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Marked, not translated here: {% get_available_languages %} translates the names when shown.
LANGUAGES = [("vi", gettext_noop("Vietnamese")), ("en", gettext_noop("English"))]
LOCALE_PATHS = [BASE_DIR / "foreign_affairs" / "locale"]
FORMAT_MODULE_PATH = ["foreign_affairs.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "foreign_affairs" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded attachments live outside the web root and have no public URL:
# they are served only by a view that checks the reader may see the record.
MEDIA_ROOT = Path(os.environ.get("FA_MEDIA_ROOT", VAR_DIR / "uploads"))
# A URL no route serves: uploads have no public address (Django needs a string here).
MEDIA_URL = "/_no_public_media/"
ATTACHMENT_MAX_BYTES = int(os.environ.get("FA_ATTACHMENT_MAX_BYTES", 20 * 1024 * 1024))
ATTACHMENT_EXTENSIONS = {
    ".pdf", ".doc", ".docx", ".odt", ".xls", ".xlsx", ".ods", ".ppt", ".pptx", ".txt", ".csv",
    ".jpg", ".jpeg", ".png", ".gif", ".webp",
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 30 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["foreign_affairs.api.permissions.RolePermission"],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "foreign_affairs.api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Foreign Affairs Register API",
    "DESCRIPTION": "Records of a province's foreign affairs: units, partners, agreements, delegations, events.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Several record types have a ``status``; each vocabulary gets its own schema name.
    "ENUM_NAME_OVERRIDES": {
        "TaskStatusEnum": "foreign_affairs.plans.choices.TaskStatus",
        "ConsularCaseStatusEnum": "foreign_affairs.consular.choices.CaseStatus",
        "AidStatusEnum": "foreign_affairs.aid.choices.AidStatus",
        "AftercareIssueStatusEnum": "foreign_affairs.economy.choices.IssueStatus",
        "NGOCertificateStatusEnum": "foreign_affairs.aid.choices.CertificateStatus",
        "ForeignNGOStatusEnum": "foreign_affairs.aid.choices.NGOStatus",
        "CostItemKindEnum": "foreign_affairs.delegations.choices.CostItemKind",
        "ProgrammeStatusEnum": "foreign_affairs.plans.choices.ProgrammeStatus",
        "ProgrammeItemKindEnum": "foreign_affairs.plans.choices.ItemKind",
        "ProgrammeItemStatusEnum": "foreign_affairs.plans.choices.ItemStatus",
        "PressVisitStatusEnum": "foreign_affairs.people.choices.VisitStatus",
        "HonourStatusEnum": "foreign_affairs.people.choices.AwardStatus",
        "BorderItemKindEnum": "foreign_affairs.people.choices.BorderItemKind",
        "BorderStatusEnum": "foreign_affairs.people.choices.BorderStatus",
        "BorderEventKindEnum": "foreign_affairs.people.choices.BorderEventKind",
    },
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

# Security: secure cookies and HSTS when served over HTTPS (FA_HTTPS=true behind the proxy).
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("FA_HSTS_SECONDS", 31536000)) if HTTPS else 0
# Only if every host under the domain is on HTTPS (a province's domain often is not).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("FA_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
# The proxy redirects http:// to https://; the app does too, in case a request gets past it.
SECURE_SSL_REDIRECT = env_bool("FA_SSL_REDIRECT", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Behind FA_PROXY_COUNT reverse proxies, a client's address is the one they add to
# X-Forwarded-For (login throttling counts failures per user name and address).
PROXY_COUNT = int(os.environ.get("FA_PROXY_COUNT", 0))
AXES_CLIENT_IP_CALLABLE = "foreign_affairs.core.client_ip.client_ip"

# Content Security Policy (django-csp): every script, style, font and image is the app's own
# (vendored, no CDN), so nothing inline and nothing from elsewhere runs. Bootstrap draws some
# icons as data: images. The API's documentation pages relax it for their own inline styles.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# E-mail (reminders, notifications): printed on the console unless an SMTP server is set.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", 30))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# The site's address as users reach it, for the links in e-mails (no trailing slash).
FA_BASE_URL = os.environ.get("FA_BASE_URL", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"foreign_affairs": {"handlers": ["console"], "level": os.environ.get("FA_LOG_LEVEL", "INFO")}},
}
