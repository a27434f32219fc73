"""thidua settings: one module, configured from the environment (THIDUA_*).

Every variable is documented in `.env.example`. SQLite (WAL) is the default database;
PostgreSQL is chosen with THIDUA_DATABASE_URL.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(__file__).resolve().parent


def env_str(name: str, default: str = "") -> str:
    """A string from THIDUA_<name>, or from the file named by THIDUA_<name>_FILE."""
    file_path = os.environ.get(f"THIDUA_{name}_FILE")
    if file_path:
        return Path(file_path).read_text(encoding="utf-8").strip()
    return os.environ.get(f"THIDUA_{name}", default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = env_str(name, "1" if default else "0").strip().lower()
    return raw in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    raw = env_str(name, str(default)).strip()
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"THIDUA_{name} must be an integer, got {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# Production servers refuse to start without a secret key and hosts (see `production_problems`,
# called by thidua/wsgi.py). Management commands such as `thidua eligibility check` must work
# without them, so they get a per-process key that signs nothing that outlives the process.
SECRET_KEY_IS_EPHEMERAL = not SECRET_KEY
if not SECRET_KEY:
    import secrets as _secrets

    SECRET_KEY = (
        "thidua-insecure-development-key-do-not-use-in-production"
        if DEBUG
        else _secrets.token_urlsafe(50)
    )
if not ALLOWED_HOSTS and DEBUG:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]


def production_problems() -> list[str]:
    """Why this configuration must not serve requests in production (empty when fine)."""
    if DEBUG:
        return []
    problems = []
    if SECRET_KEY_IS_EPHEMERAL:
        problems.append("THIDUA_SECRET_KEY is required when THIDUA_DEBUG is off (production).")
    if not ALLOWED_HOSTS:
        problems.append("THIDUA_ALLOWED_HOSTS is required when THIDUA_DEBUG is off (production).")
    return problems


CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "ninja",
    "django_tasks",
    "thidua.core",
    "thidua.accounts",
    "thidua.org",
    "thidua.movements",
    "thidua.scoring",
    "thidua.awards",
    "thidua.nominations",
    "thidua.council",
    "thidua.decisions",
    "thidua.reports",
    "thidua.exemplars",
    "thidua.interchange",
    "thidua.bench",
    # After thidua.interchange, so that its `db_worker` (recovery first) wins over the package's.
    "django_tasks_db",
]

MIDDLEWARE = [
    "thidua.core.monitoring.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "thidua.core.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "thidua.accounts.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
    "thidua.core.idempotency.IdempotencyMiddleware",
]

# Background work (imports): django-tasks, queued in the database (django-tasks-db) and run by
# `thidua db_worker` (thidua/interchange/worker.py).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

ROOT_URLCONF = "thidua.urls"
WSGI_APPLICATION = "thidua.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "thidua.core.context_processors.navigation",
            ],
        },
    },
]


def _database_from_url(url: str) -> dict[str, object]:
    import dj_database_url

    # Persistent connections (THIDUA_DB_CONN_MAX_AGE seconds, 0 = one per request), checked
    # before each request reuses them: after a PostgreSQL restart or a killed backend the next
    # request opens a fresh connection instead of failing.
    config: dict[str, object] = dict(
        dj_database_url.parse(
            url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60), conn_health_checks=True
        )
    )
    if str(config.get("ENGINE", "")).endswith("sqlite3"):
        config["OPTIONS"] = _SQLITE_OPTIONS
    return config


# WAL lets readers work while one writer commits; IMMEDIATE transactions make concurrent
# writers queue instead of failing with "database is locked" half-way through a transaction.
_SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        " PRAGMA busy_timeout=10000;"
    ),
    "transaction_mode": "IMMEDIATE",
}

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": _database_from_url(DATABASE_URL)}
else:
    SQLITE_PATH = Path(env_str("SQLITE_PATH", str(BASE_DIR / "var" / "thidua.sqlite3")))
    # A fresh clone has no var/ yet; SQLite creates the file but not its folder.
    SQLITE_PATH.parent.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": _SQLITE_OPTIONS,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lockout after repeated failed logins (django-axes): per user name and address.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# Two-factor (TOTP) is required for these roles; THIDUA_REQUIRE_2FA=0 turns it off for demos.
REQUIRE_TWO_FACTOR = env_bool("REQUIRE_2FA", default=True)
OTP_TOTP_ISSUER = "thidua"

# --- Security (issue 10; docs/security.md) -------------------------------------------------
# Production (THIDUA_DEBUG off) is HTTPS-only: secure cookies, HSTS for a year, HTTP redirected to
# HTTPS. Behind a TLS-terminating proxy set THIDUA_BEHIND_PROXY=1 so Django sees the scheme.
# `thidua check --deploy --fail-level WARNING` is clean with the production environment
# (tests/security/test_settings_deploy.py).
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("SESSION_HOURS", 8) * 3600
SESSION_COOKIE_SECURE = not DEBUG and env_bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", default=not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", default=not DEBUG)
# The health check answers plain HTTP inside the private network (load balancers probe it).
SECURE_REDIRECT_EXEMPT = [r"^healthz", r"^metrics"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY") else None

# Content-Security-Policy (django-csp 4): scripts and styles only from our own origin, no
# inline script or style (static/thidua/app.js replaces inline handlers), no framing.
# QR codes are data: images. tests/security/test_csp.py scans the templates.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}

# Idempotency-Key on API writes (thidua/core/idempotency.py): a repeated request with the same
# key and body gets the stored response instead of running again; keys live this long.
IDEMPOTENCY_KEY_TTL_HOURS = env_int("IDEMPOTENCY_KEY_TTL_HOURS", 24)
IDEMPOTENCY_PATH_PREFIX = "/api/v1/"
# How the middleware recognises a Bearer token before the API does (core imports no app).
IDEMPOTENCY_TOKEN_USER = "thidua.accounts.services.user_for_api_key"

# Optional single sign-on (OpenID Connect, mozilla-django-oidc): on only when the provider is
# configured. An OIDC login maps to an existing thidua user (by e-mail, then user name) and
# never creates users or roles (thidua/core/security_oidc.py).
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env_str("OIDC_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_SIGN_ALGO", "RS256")
    OIDC_CREATE_USER = False
    AUTHENTICATION_BACKENDS = [
        *AUTHENTICATION_BACKENDS,
        "thidua.core.security_oidc.ExistingUserOIDCBackend",
    ]
# --- end of security block -------------------------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["thidua.formats"]

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor", BASE_DIR / "node_modules"),
]
MEDIA_URL = "media/"
# Uploaded files live outside the web root and are served only through permission checks.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_UPLOAD_MB", 25) * 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = env_str("EMAIL_FROM", "thidua@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Third-party libraries that narrate every step at INFO (WeasyPrint: "Step 5 - Creating
    # layout") speak only when something is wrong.
    "loggers": {name: {"level": "WARNING"} for name in ("axes", "weasyprint", "fontTools")},
}

# Monitoring: /metrics answers only a scraper sending "Authorization: Bearer <token>" (absent
# when unset); /healthz says "degraded" when a task has waited this long for a worker.
METRICS_TOKEN = env_str("METRICS_TOKEN")
QUEUE_STALE_SECONDS = env_int("QUEUE_STALE_SECONDS", 600)
