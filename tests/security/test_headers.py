"""The security baseline: headers on every response (Content Security Policy, framing, referrer,
nosniff), settings by environment (DEBUG off unless asked for, secure cookies and HSTS over
HTTPS, no public secret key over HTTPS), the production checklist, and no secrets in the repo."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def settings_in_fresh_process(**env) -> dict:
    """The settings a new process gets from the given environment (nothing inherited)."""
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("FA_", "DEBUG", "SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS", "EMAIL_"))}
    clean.update({"DJANGO_SETTINGS_MODULE": "foreign_affairs.settings", "FA_VAR_DIR": str(ROOT / "var"), **env})
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({"
        "'DEBUG': s.DEBUG, 'SESSION_COOKIE_SECURE': s.SESSION_COOKIE_SECURE,"
        "'CSRF_COOKIE_SECURE': s.CSRF_COOKIE_SECURE,"
        "'SECURE_HSTS_SECONDS': s.SECURE_HSTS_SECONDS, 'SECURE_PROXY_SSL_HEADER': s.SECURE_PROXY_SSL_HEADER,"
        "'SECURE_SSL_REDIRECT': s.SECURE_SSL_REDIRECT, 'SECRET_KEY_SET': 'insecure' not in s.SECRET_KEY}))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True,
                            timeout=60)
    if result.returncode:
        return {"error": result.stderr}
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_debug_is_off_unless_asked_for():
    assert settings_in_fresh_process()["DEBUG"] is False
    assert settings_in_fresh_process(DEBUG="true")["DEBUG"] is True
    assert "must be true or false" in settings_in_fresh_process(DEBUG="maybe")["error"]


def test_over_https_cookies_are_secure_hsts_is_on_and_the_proxy_is_trusted():
    plain = settings_in_fresh_process()
    assert (plain["SESSION_COOKIE_SECURE"], plain["CSRF_COOKIE_SECURE"], plain["SECURE_HSTS_SECONDS"]) == (
        False, False, 0)
    https = settings_in_fresh_process(FA_HTTPS="1", SECRET_KEY="x" * 60)
    assert https["SESSION_COOKIE_SECURE"] is True and https["CSRF_COOKIE_SECURE"] is True
    assert https["SECURE_HSTS_SECONDS"] >= 31536000
    assert https["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert https["SECURE_SSL_REDIRECT"] is True


def test_over_https_the_public_development_key_is_refused():
    assert "SECRET_KEY must be set" in settings_in_fresh_process(FA_HTTPS="1")["error"]
    assert settings_in_fresh_process(FA_HTTPS="1", SECRET_KEY="k" * 60)["SECRET_KEY_SET"] is True
    assert "SECRET_KEY must be set" in settings_in_fresh_process(FA_ALLOW_INSECURE_KEY="false")["error"]


def test_the_production_checklist_passes():
    """``manage.py check --deploy`` with a production environment: no warning but the
    deliberate one (HSTS for subdomains and preload are the province's decision)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FA_", "DEBUG", "SECRET_KEY", "DATABASE_URL"))}
    env.update({"FA_HTTPS": "true", "SECRET_KEY": "a-long-random-production-key-" + "q7Zp" * 12,
                "ALLOWED_HOSTS": "doingoai.example.gov.vn", "FA_VAR_DIR": str(ROOT / "var")})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING",
         "--settings", "foreign_affairs.settings"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    found = set(re.findall(r"\((security\.\w+)\)", result.stdout + result.stderr))
    assert found <= {"security.W005", "security.W021"}, result.stdout + result.stderr


@pytest.mark.parametrize("path", ["/accounts/login/", "/", "/partners/", "/api/v1/partners/"])
def test_every_response_carries_the_security_headers(client, officer, path):
    client.force_login(officer)
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_pages_have_no_inline_script_or_style(client, officer):
    """What the policy forbids is not in the pages either (it would only show as errors)."""
    client.force_login(officer)
    for path in ("/", "/partners/", "/delegations/add/", "/worklist/", "/notifications/", "/account/"):
        page = client.get(path).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), path
        assert not re.search(r"<style|\sstyle=\"|\son\w+=\"", page), path


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
                   SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_over_https_the_browser_gets_hsts_and_secure_cookies(client, officer):
    response = client.get("/accounts/login/", HTTP_X_FORWARDED_PROTO="https")
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert response.cookies["csrftoken"]["secure"]
    response = client.post("/accounts/login/", {"username": "officer", "password": "correct horse battery"},
                           HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 302
    assert response.cookies["sessionid"]["secure"] and response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


def test_password_rules():
    from django.conf import settings

    names = {v["NAME"].rsplit(".", 1)[-1] for v in settings.AUTH_PASSWORD_VALIDATORS}
    assert names >= {"UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator",
                     "NumericPasswordValidator"}
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for weak in ("password", "12345678", "abc"):
        with pytest.raises(ValidationError):
            validate_password(weak)


@override_settings(PROXY_COUNT=1)
def test_behind_a_proxy_failures_count_per_client_address(client, officer, settings):
    """Every request arrives from the proxy's address; the client's is the last entry of
    X-Forwarded-For. One address locked out does not lock the same user name out from another,
    and a client cannot pick its address by writing the header itself."""
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "officer", "password": "wrong"},
                    HTTP_X_FORWARDED_FOR="203.0.113.5")
    locked = client.post("/accounts/login/", {"username": "officer", "password": "correct horse battery"},
                         HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert locked.status_code == 429
    spoofed = client.post("/accounts/login/", {"username": "officer", "password": "correct horse battery"},
                          HTTP_X_FORWARDED_FOR="198.51.100.7, 203.0.113.5")
    assert spoofed.status_code == 429
    elsewhere = client.post("/accounts/login/", {"username": "officer", "password": "correct horse battery"},
                            HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert elsewhere.status_code == 302


SECRET_PATTERNS = [
    re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    re.compile(r"AKIA[0-9A-Z]{16}"),
    re.compile(r"(?i)(secret_key|password|passwd|api_key|token)\s*=\s*['\"][A-Za-z0-9+/=_\-]{24,}['\"]"),
    re.compile(r"postgres(ql)?://[^:@/\s]+:[^@/\s]{6,}@(?!127\.0\.0\.1|localhost)"),
]


def test_no_secrets_in_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if tracked.returncode:
        pytest.skip("not a git checkout")
    problems = []
    for name in tracked.stdout.splitlines():
        path = ROOT / name
        if not path.is_file() or path.suffix in {".png", ".jpg", ".mo", ".xlsx", ".docx", ".pdf", ".ico"}:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        for pattern in SECRET_PATTERNS:
            for match in pattern.finditer(text):
                if "insecure-development-key" in match.group(0):
                    continue  # the public development key, refused over HTTPS (test above)
                problems.append(f"{name}: {match.group(0)[:60]}")
    assert not problems, problems
    for forbidden in (".env", "foreign-affairs.env", "var/foreign_affairs.sqlite3"):
        assert forbidden not in tracked.stdout.splitlines()
