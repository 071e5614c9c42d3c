"""Django settings, read from the environment. A value that makes no sense stops start-up.

SQLite in `CUSTODES_DATA_DIR` is the embedded default; `DATABASE_URL` switches to PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from custodes.audit import keys as audit_keys
from custodes.env import SettingError, env_bool, env_days, env_int, env_list, env_text
from custodes.law.pack import load_pack
from custodes.mailbox.config import mailbox_from_env
from custodes.transparency import agencies as agency_tables

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_text("CUSTODES_DATA_DIR", str(Path.cwd() / "var"))).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("CUSTODES_DEBUG", False)
SECRET_KEY = env_text("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise SettingError(
            "SECRET_KEY is not set; set it (or SECRET_KEY_FILE), or CUSTODES_DEBUG=true"
        )
    SECRET_KEY = "insecure-development-key-only-with-CUSTODES_DEBUG"
ALLOWED_HOSTS = list(env_list("ALLOWED_HOSTS", ",")) or ["127.0.0.1", "localhost"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # the API docs page from ninja's own Swagger UI files, not a CDN
    "django_otp",
    "django_otp.plugins.otp_totp",
    "custodes.audit",
    "custodes.cases",
    "custodes.outbox",
    "custodes.notices",
    "custodes.challenges",
    "custodes.letters",
    "custodes.production",
    "custodes.transparency",
    "custodes.publishing",
    "custodes.guidelines",
    "custodes.requesters",
    "custodes.portal",
    "custodes.mailbox",
    "custodes.staff",
    "custodes.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "custodes.web.middleware.RefuseNulCharacters",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "custodes.urls"
WSGI_APPLICATION = "custodes.wsgi.application"

# A folder of the provider's own templates (the letters to requesters, the notices): a file
# there takes the place of custodes' template of the same path.
TEMPLATES_DIR = env_text("CUSTODES_TEMPLATES_DIR", "")
if TEMPLATES_DIR and not Path(TEMPLATES_DIR).is_dir():
    raise SettingError(
        f"CUSTODES_TEMPLATES_DIR={TEMPLATES_DIR} is not a folder; create it or unset it"
    )

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [TEMPLATES_DIR] if TEMPLATES_DIR else [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ]
        },
    }
]

_database_url = env_text("DATABASE_URL", "")
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "custodes.sqlite3",
            # Kept open between requests, as on PostgreSQL: reopening costs each request a
            # WAL checkpoint when it closes.
            "CONN_MAX_AGE": 60,
            # WAL lets readers run beside the writer; synchronous=NORMAL is durable under WAL
            # and spares an fsync per commit (the rate-limit buckets write on every API call).
            # A writer waits up to `timeout` seconds for the lock (SQLite's busy timeout), and
            # IMMEDIATE takes it at BEGIN, so a transaction never fails halfway on "locked".
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:queue"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("CUSTODES_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_AGE = 8 * 60 * 60
OTP_TOTP_ISSUER = "custodes"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_TZ = True
STATIC_URL = "/static/"
# The few static files (the API docs' Swagger UI) are served by WhiteNoise from the installed
# packages as they are: there is no `collectstatic` step, so no STATIC_ROOT.
WHITENOISE_USE_FINDERS = True

MEDIA_ROOT = DATA_DIR / "documents"
MAX_UPLOAD_BYTES = 25 * 1024 * 1024
# The most text a document may hold, whatever it came as: the reader takes about 1.5 s a
# megabyte of text, so a demand at the limit is read in seconds (a PDF's scans and an
# e-mail's attachments may be larger; their text may not).
CUSTODES_MAX_TEXT_MB = env_int("CUSTODES_MAX_TEXT_MB", 2)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024

CUSTODES_PROVIDER = env_list("CUSTODES_PROVIDER")
CUSTODES_GOVERNMENT_DOMAINS = env_list("CUSTODES_GOVERNMENT_DOMAINS")
# The legal-process mailbox the worker reads (custodes/mailbox/config.py); None without one.
CUSTODES_MAILBOX = mailbox_from_env()
# The review's thresholds: unset, each is the rule pack's ([defaults] of law/packs/us.toml).
PACK_DEFAULTS = load_pack().defaults
CUSTODES_MAX_SELECTORS = env_int("CUSTODES_MAX_SELECTORS", PACK_DEFAULTS["max_selectors"])
CUSTODES_MAX_DATE_RANGE_DAYS = env_int(
    "CUSTODES_MAX_DATE_RANGE_DAYS", PACK_DEFAULTS["max_date_range_days"]
)

# User notice: the days a user has to object before anything is produced; the days after an
# emergency disclosure before the user is told; where the notice points for legal help
# ("name|address" entries separated by ";"). The window unset is the rule pack's.
CUSTODES_CHALLENGE_WINDOW_DAYS = env_int(
    "CUSTODES_CHALLENGE_WINDOW_DAYS", PACK_DEFAULTS["challenge_window_days"]
)
# Days after a user's objection within which a filing in court is expected; past them, the
# objection comes back to counsel to decide whether it lapses (it never lapses by itself).
CUSTODES_CHALLENGE_FILING_DAYS = env_int("CUSTODES_CHALLENGE_FILING_DAYS", 14)
CUSTODES_EMERGENCY_NOTICE_DAYS = env_int("CUSTODES_EMERGENCY_NOTICE_DAYS", 90)
# An emergency request is answered within hours of its arrival.
CUSTODES_EMERGENCY_HOURS = env_int("CUSTODES_EMERGENCY_HOURS", 4)
CUSTODES_LEGAL_HELP = env_list("CUSTODES_LEGAL_HELP") or (
    "Electronic Frontier Foundation, legal assistance|https://www.eff.org/pages/legal-assistance",
    "American Civil Liberties Union, state affiliates|https://www.aclu.org/about/affiliates",
)
# Reminders to the case's assignee, this many days before each deadline (","-separated).
CUSTODES_REMINDER_DAYS = env_days("CUSTODES_REMINDER_DAYS", (7, 1))
CUSTODES_PROVIDER_CONTACT = env_text("CUSTODES_PROVIDER_CONTACT", "")
# Where process is served by post, as /guidelines/ publishes it.
CUSTODES_PROVIDER_ADDRESS = env_text("CUSTODES_PROVIDER_ADDRESS", "")

# Production: the connector file mapping the provider's data (the demo's by default), the
# provider's database (replaces the file's `url`), and how many days the requester's
# download link lasts.
CUSTODES_CONNECTOR = Path(
    env_text("CUSTODES_CONNECTOR", str(BASE_DIR / "production" / "connectors" / "demo.toml"))
)
CUSTODES_PROVIDER_DATABASE_URL = env_text("CUSTODES_PROVIDER_DATABASE_URL", "")
CUSTODES_DOWNLOAD_DAYS = env_int("CUSTODES_DOWNLOAD_DAYS", 14)

# The transparency report: the band width for national security letters that the provider
# chose under 50 U.S.C. § 1874(a) (1000, 500, 250 or 100).
CUSTODES_NSL_BAND = env_int("CUSTODES_NSL_BAND", 250)
if CUSTODES_NSL_BAND not in (1000, 500, 250, 100):
    raise SettingError(f"CUSTODES_NSL_BAND={CUSTODES_NSL_BAND} must be 1000, 500, 250 or 100")

# A half-year is published this many days after it ends (0: at once), so that a single new
# case cannot be spotted in it; the current half-year is never shown.
CUSTODES_REPORT_DELAY_DAYS = env_int("CUSTODES_REPORT_DELAY_DAYS", 30, minimum=0)

# The public report's figures are kept this many seconds at most (0: computed on every
# request); a new or changed case makes them be computed again at once.
CUSTODES_REPORT_CACHE_SECONDS = env_int("CUSTODES_REPORT_CACHE_SECONDS", 300, minimum=0)

# The report groups requesting agencies by a built-in table; these TOML files (";"-separated
# paths, in its shape) add agencies and spellings. Each is read now: a missing or bad file
# stops the start.
CUSTODES_AGENCY_TABLES = env_list("CUSTODES_AGENCY_TABLES")
try:
    agency_tables.load(CUSTODES_AGENCY_TABLES)
except agency_tables.TableError as error:
    raise SettingError(f"CUSTODES_AGENCY_TABLES: {error}") from None

CUSTODES_SITE_URL = env_text("CUSTODES_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# E-mail: SMTP in production; printed to the terminal on a debug desk.
EMAIL_BACKEND = env_text(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env_text("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_text("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_text("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# Seconds the worker waits on each step of an SMTP conversation before it gives up and retries
# later: a mail server that accepts and never answers holds one message, not the worker.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
if EMAIL_TIMEOUT > 60:  # the outbox's lease (10 min) must outlast a whole SMTP conversation
    raise SettingError(f"EMAIL_TIMEOUT={EMAIL_TIMEOUT} must be at most 60 seconds")
DEFAULT_FROM_EMAIL = env_text("DEFAULT_FROM_EMAIL", "custodes@localhost")

# API rate limits: requests per minute for one token and for one address.
CUSTODES_API_PER_TOKEN = env_int("CUSTODES_API_PER_TOKEN", 120)
CUSTODES_API_PER_ADDRESS = env_int("CUSTODES_API_PER_ADDRESS", 240)

# Sign-in attempts (staff and portal), per address and per account, in a quarter of an hour.
CUSTODES_SIGNIN_PER_ADDRESS = env_int("CUSTODES_SIGNIN_PER_ADDRESS", 30)
CUSTODES_SIGNIN_PER_ACCOUNT = env_int("CUSTODES_SIGNIN_PER_ACCOUNT", 10)

# The audit key (CUSTODES_AUDIT_KEY_FILE, a PEM file) signs every event and checkpoint.
CUSTODES_AUDIT_KEY = env_text("CUSTODES_AUDIT_KEY", "")
if CUSTODES_AUDIT_KEY:
    audit_keys.load(CUSTODES_AUDIT_KEY)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
