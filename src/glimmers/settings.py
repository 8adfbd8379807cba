"""The one settings module. Every knob is an environment variable, read with a type.

The full list, with defaults, is in docs/settings.md; a test keeps the two in step.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import dj_database_url
from django.utils.translation import gettext_lazy as _

from glimmers.lib.env import env_bool, env_int, env_list, env_str
from glimmers.lib.home import glimmers_home, private_file, secret_key
from glimmers.lib.zones import machine_time_zone

PACKAGE_DIR = Path(__file__).resolve().parent
HOME = glimmers_home()

SECRET_KEY = secret_key(HOME)
DEBUG = env_bool("GLIMMERS_DEBUG", False)
ALLOWED_HOSTS = env_list("GLIMMERS_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("GLIMMERS_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    # The ground floor first, then what builds on it (see the README's "How it is built").
    "glimmers.diary",
    "glimmers.practice",
    "glimmers.questions",
    "glimmers.conversations",
    "glimmers.insights",
    "glimmers.accounts",
    "glimmers.portability",
    "glimmers.api",
    "glimmers.booklet",
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
    "django_htmx.middleware.HtmxMiddleware",
    "glimmers.accounts.middleware.FirstRunMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "glimmers.urls"
WSGI_APPLICATION = "glimmers.wsgi.application"

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
            ],
        },
    }
]

# --- Database ---------------------------------------------------------------
SQLITE_PATH = HOME / "glimmers.sqlite3"
DATABASE_URL = env_str("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(private_file(SQLITE_PATH)),
            "OPTIONS": {
                # WAL lets readers and one writer work at once; IMMEDIATE takes the
                # write lock at BEGIN, so a busy writer waits (up to the timeout)
                # instead of failing half-way with "database is locked".
                "transaction_mode": "IMMEDIATE",
                "timeout": 30,
                # FULL: an acknowledged capture survives a power cut, not only a crash
                # (about 2 ms more a capture; `python -m bench.durability`). secure_delete:
                # deleted words are overwritten, not left in the file's free pages.
                "init_command": (
                    "PRAGMA journal_mode=WAL;"
                    "PRAGMA synchronous=FULL;"
                    "PRAGMA secure_delete=ON;"
                    "PRAGMA foreign_keys=ON;"
                    "PRAGMA busy_timeout=30000;"
                ),
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts ----------------------------------------------------------------
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
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "diary:home"
LOGOUT_REDIRECT_URL = "accounts:login"

AXES_FAILURE_LIMIT = env_int("GLIMMERS_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours: a locked-out person can try again after 15 minutes
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

SESSION_COOKIE_AGE = 60 * 60 * 24 * 90
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# --- Running behind HTTPS -------------------------------------------------------
SECURE = env_bool("GLIMMERS_SECURE", False)
SESSION_COOKIE_SECURE = SECURE
CSRF_COOKIE_SECURE = SECURE
SECURE_SSL_REDIRECT = SECURE
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if SECURE else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE
SECURE_HSTS_PRELOAD = SECURE
if env_bool("GLIMMERS_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# --- Language and time ----------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("uk", _("Ukrainian")), ("de", _("German"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("GLIMMERS_TIME_ZONE", "UTC")
# Read now: once Django has started it sets the process's TZ to TIME_ZONE. A diary first
# used from this machine (the CLI, or a browser that does not say) starts in this zone.
MACHINE_TIME_ZONE = machine_time_zone()

# --- Files ------------------------------------------------------------------------
STATIC_URL = "/static/"
# Static files are served by WhiteNoise straight from the installed package (finders), so
# there is nothing to collect; without a STATIC_ROOT WhiteNoise has no folder to warn about.
STATIC_ROOT = None
# The project package is not an app, so its static folder is named here.
STATICFILES_DIRS: list[Any] = [PACKAGE_DIR / "static"]
# The API docs page uses django-ninja's own copy of Swagger UI (no CDN). Ninja is found, not
# imported: it is not an installed app, so the CLI's start stays free of it and pydantic.
_ninja = importlib.util.find_spec("ninja")
if _ninja is not None and _ninja.submodule_search_locations:
    STATICFILES_DIRS.append(
        ("ninja", Path(next(iter(_ninja.submodule_search_locations))) / "static" / "ninja")
    )
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": HOME / "media", "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = HOME / "media"
# Static files are served from the installed package: nothing to collect first.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_MAX_AGE = 60 * 60 * 24

PHOTO_MAX_BYTES = env_int("GLIMMERS_PHOTO_MAX_MB", 20, minimum=1) * 1024 * 1024
PHOTO_MAX_PIXELS = env_int("GLIMMERS_PHOTO_MAX_MEGAPIXELS", 50, minimum=1) * 1_000_000
PHOTO_MAX_SIDE = 2560
# The room each person's photos may take, in bytes (0: no limit). Words are never refused.
PHOTO_QUOTA_BYTES = env_int("GLIMMERS_PHOTO_QUOTA_MB", 2048, minimum=0) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("GLIMMERS_LOG_LEVEL", "WARNING")},
}
