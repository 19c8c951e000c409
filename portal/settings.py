"""Settings, read from the environment.

With nothing set the portal runs as the demo: SQLite, Celery tasks executed
in-process, e-mail to the console. Tests and production set DATABASE_URL and
REDIS_URL. PORTAL_ENV=production turns on the hardened settings that
``manage.py check --deploy`` expects.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

PRODUCTION = env.str("PORTAL_ENV", default="development") == "production"

# Off unless asked for: Django's debug pages list every URL, so even the demo shows ours.
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str(
    "SECRET_KEY",
    default="" if PRODUCTION else "demo-only-secret-key-not-for-production-use-0123456789abcdef",
)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("SECRET_KEY must be set when PORTAL_ENV=production.")
# Keys for personal data encrypted at rest (portal.crypto); the first encrypts, all decrypt,
# so a new key is put first and the old ones kept until the rows are re-encrypted.
FIELD_ENCRYPTION_KEYS = env.list(
    "FIELD_ENCRYPTION_KEYS", default=[] if PRODUCTION else [SECRET_KEY]
)
if not FIELD_ENCRYPTION_KEYS:
    raise environ.ImproperlyConfigured(
        "FIELD_ENCRYPTION_KEYS must be set when PORTAL_ENV=production."
    )
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "portal",
    "enterprises",
    "monitoring",
    "credit",
    "complaints",
    "reporting",
]

MIDDLEWARE = [
    "portal.proxy.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.accounts.IdleTimeoutMiddleware",
    "portal.two_factor.RequireVerifiedMiddleware",
    "portal.access.AgencyWorkMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.audit.AuditMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.navigation.navigation",
            ],
        },
    },
    {
        # E-mails (portal.mail): plain text, so nothing is HTML-escaped.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "NAME": "mail",
        "DIRS": [BASE_DIR / "templates" / "mail"],
        "OPTIONS": {"autoescape": False},
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'demo.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = ["portal.lockout.LockoutBackend"]
# argon2 first; older hashes are upgraded at the next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "portal.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "portal:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

# After this many failed logins in a row a username and an address wait 1 min, then 2, 4 ...
LOGIN_FAILURES_BEFORE_LOCKOUT = 5
LOGIN_LOCKOUT_MAX_SECONDS = env.int("LOGIN_LOCKOUT_MAX_SECONDS", default=60 * 60)
# Sessions end after this long without a request (staff: headquarters, provinces, superusers).
STAFF_SESSION_IDLE_MINUTES = env.int("STAFF_SESSION_IDLE_MINUTES", default=30)
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=120)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=12 * 60 * 60)
# Public forms and the CSP report endpoint, per source address (portal.ratelimit).
PORTAL_RATE_LIMITS = {
    "signup": env.str("RATE_LIMIT_SIGNUP", default="5/hour"),
    "password_reset": env.str("RATE_LIMIT_PASSWORD_RESET", default="5/hour"),
    "public_search": env.str("RATE_LIMIT_PUBLIC_SEARCH", default="60/minute"),
    "complaint": env.str("RATE_LIMIT_COMPLAINT", default="10/hour"),
    "complaint_phone": env.str("RATE_LIMIT_COMPLAINT_PHONE", default="5/day"),
    "tracking": env.str("RATE_LIMIT_TRACKING", default="20/hour"),
    "evaluation": env.str("RATE_LIMIT_EVALUATION", default="20/hour"),
    "csp_report": env.str("RATE_LIMIT_CSP_REPORT", default="30/minute"),
}
# A public form posted sooner than this after it was served is a robot's (portal.form_guard).
PORTAL_FORM_MIN_SECONDS = env.int("PORTAL_FORM_MIN_SECONDS", default=3)
# A spent one-time form token is kept this long (portal.once): a form posted again later
# than that is taken as new.
PORTAL_SENT_FORM_DAYS = env.int("PORTAL_SENT_FORM_DAYS", default=7)

# Post-consumption evaluations (monitoring, task 12); see docs/monitoring-evaluations.md.
# The aspects a consumer scores besides the overall score (1-5 each); a key, once used, stays.
PORTAL_EVALUATION_ASPECTS = [
    ("service", _("Service attitude")),
    ("quality", _("Quality of the service")),
    ("environment", _("Environment")),
    ("price", _("Value for money")),
]
PORTAL_EVALUATION_CODE_DAYS = env.int("PORTAL_EVALUATION_CODE_DAYS", default=90)
PORTAL_EVALUATION_BATCH_MAX = env.int("PORTAL_EVALUATION_BATCH_MAX", default=1000)
# A burst: at least COUNT evaluations of one enterprise within WINDOW minutes (the new one
# included) from at most SOURCES distinct sources; a source is a code batch used from one
# address network (IPv4 /24, IPv6 /48).
PORTAL_EVALUATION_BURST_WINDOW_MINUTES = env.int(
    "PORTAL_EVALUATION_BURST_WINDOW_MINUTES", default=60
)
PORTAL_EVALUATION_BURST_COUNT = env.int("PORTAL_EVALUATION_BURST_COUNT", default=5)
PORTAL_EVALUATION_BURST_SOURCES = env.int("PORTAL_EVALUATION_BURST_SOURCES", default=2)
# A duplicate: the same comment text for the same enterprise within this many days.
PORTAL_EVALUATION_DUPLICATE_DAYS = env.int("PORTAL_EVALUATION_DUPLICATE_DAYS", default=90)

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
MEDIA_URL = "media/"
# Uploaded and generated files are never served directly: views check scope first.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "media-private")
# Where `manage.py backup` (make backup) writes its dated directories (portal.backups).
PORTAL_BACKUP_DIR = env.path("PORTAL_BACKUP_DIR", default=BASE_DIR / "backups")
WHITENOISE_USE_FINDERS = not PRODUCTION
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Form and JSON bodies (files not counted): a full report's texts fit in well under 3 MB.
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Celery: Redis when REDIS_URL is set; otherwise tasks run in-process (the demo).
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 3, "interval_start": 0.5, "interval_step": 1}
CELERY_RESULT_EXPIRES = 60 * 60 * 24
CELERY_TASK_TIME_LIMIT = 60 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 55 * 60
CELERY_TIMEZONE = TIME_ZONE
# Complaint publicity: operators with fewer complaints in a quarter are shown together
# (DOMAIN.md gives no number: unverified, a setting).
COMPLAINT_PUBLICITY_MINIMUM = env.int("COMPLAINT_PUBLICITY_MINIMUM", default=3)

# A recognised trustworthy-consumption model with this many complaints since its recognition
# is shown as under review (DOMAIN.md gives no number: unverified, a setting).
TRUSTWORTHY_REVIEW_COMPLAINTS = env.int("TRUSTWORTHY_REVIEW_COMPLAINTS", default=5)

# Closed complaints keep the consumer's data this long, then are anonymised (DOMAIN.md gives
# no period: unverified, a setting; three years by default).
COMPLAINT_RETENTION_DAYS = env.int("COMPLAINT_RETENTION_DAYS", default=3 * 365)

CELERY_BEAT_SCHEDULE = {
    "send-waiting-jobs": {
        "task": "portal.tasks.send_waiting_jobs",
        "schedule": 60.0,
    },
    "forget-sent-forms": {
        "task": "portal.tasks.forget_sent_forms",
        "schedule": crontab(hour=3, minute=30),
    },
    "complaint-anonymisation": {
        "task": "complaints.tasks.anonymise_past_retention",
        "schedule": crontab(hour=3, minute=0),
    },
    "complaint-publicity-drafts": {
        "task": "complaints.tasks.draft_last_quarter_publications",
        "schedule": crontab(day_of_month=1, month_of_year="1,4,7,10", hour=2, minute=0),
    },
    "reporting-schedule": {
        "task": "reporting.tasks.run_schedule",
        "schedule": crontab(hour=1, minute=0),
    },
    "expire-certificates": {
        "task": "enterprises.tasks.expire_certificates",
        "schedule": crontab(hour=1, minute=30),
    },
    "complaint-odr-hand-over": {
        "task": "complaints.tasks.hand_over_unsettled_odr",
        "schedule": crontab(hour=6, minute=30),
    },
    "complaint-deadline-reminders": {
        "task": "complaints.tasks.send_deadline_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "credit-lists-daily": {
        "task": "credit.tasks.run_daily_lists",
        "schedule": crontab(hour=2, minute=0),
    },
    # After the lists' daily job, so the night's listings count in the classes.
    "credit-risk-classes": {
        "task": "credit.tasks.recompute_risk_classes",
        "schedule": crontab(hour=2, minute=30),
    },
    "credit-inspection-results-due": {
        "task": "credit.tasks.warn_inspection_results_due",
        "schedule": crontab(hour=7, minute=10),
    },
    "remove-expired-import-uploads": {
        "task": "enterprises.tasks.remove_expired_import_uploads",
        "schedule": crontab(minute=15),
    },
    "remove-expired-survey-uploads": {
        "task": "monitoring.tasks.remove_expired_survey_uploads",
        "schedule": crontab(minute=20),
    },
}

CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # a Redis that hangs fails a cache call in a second (portal.ratelimit fails soft)
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "portal.api_tokens.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": [
        "portal.api.filters.PortalFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "portal.api.pagination.PortalCursorPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "portal.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "portal.api.throttles.RoleRateThrottle",
        "portal.api.throttles.AnonymousRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": "60/minute",
        "enterprise": "300/minute",
        "provincial": "1200/minute",
        "headquarters": "1200/minute",
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": _("Service Quality Campaign Portal API"),
    "DESCRIPTION": _("The API of the campaign portal. All lists are paginated and filterable."),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "IndustrySectionEnum": "enterprises.industries.SECTION_CHOICES",
        "InspectionRiskClassEnum": "credit.models.risk.RiskClass",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "portal.api.schema.add_error_responses",
    ],
}

# Reporting reminders more than this many days late are recorded, not mailed.
REPORTING_NOTICE_CATCH_UP_DAYS = env.int("REPORTING_NOTICE_CATCH_UP_DAYS", default=14)

# The XPCC has no GB/T 2260 code of its own; 660000 is common but unverified.
PORTAL_XPCC_CODE = env.str("PORTAL_XPCC_CODE", default="660000")
# Reporting rounds: dates before this year or further ahead than this are typing errors.
PORTAL_ROUND_FIRST_YEAR = env.int("PORTAL_ROUND_FIRST_YEAR", default=2000)
PORTAL_ROUND_YEARS_AHEAD = env.int("PORTAL_ROUND_YEARS_AHEAD", default=10)
# PDFs longer than this fail their job. A report is usually 20-60 pages; every section
# at its 20,000-character limit makes about 640 pages and 14 s of a worker's time.
PORTAL_PDF_MAX_PAGES = env.int("PORTAL_PDF_MAX_PAGES", default=300)
# The Fandol fonts (Debian's texlive-lang-chinese) that set PDFs in the official faces
# 仿宋, 宋体, 黑体 and 楷体; where a file is missing the Noto CJK fallback is used.
PORTAL_PDF_FONT_DIR = env.str(
    "PORTAL_PDF_FONT_DIR", default="/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
)
# Survey indices (monitoring): an enterprise gets its own index from this many usable
# responses; quality checks flag answers all alike over at least this many items, and
# questionnaires finished faster than this many seconds per answer column.
MONITORING_MIN_RESPONSES = env.int("MONITORING_MIN_RESPONSES", default=30)
MONITORING_STRAIGHT_LINE_ITEMS = env.int("MONITORING_STRAIGHT_LINE_ITEMS", default=6)
MONITORING_MIN_SECONDS_PER_ITEM = env.int("MONITORING_MIN_SECONDS_PER_ITEM", default=2)
# One-time links to a wave's public questionnaire (monitoring.services.survey_links).
MONITORING_LINK_DAYS = env.int("MONITORING_LINK_DAYS", default=30)
MONITORING_LINK_BATCH_MAX = env.int("MONITORING_LINK_BATCH_MAX", default=1000)

# Credit (DOMAIN.md §6). Periods marked unverified there are settings, shown in docs/credit.md.
# A published penalty is public this many years (unverified) unless repaired earlier.
CREDIT_PENALTY_PUBLICITY_YEARS = env.int("CREDIT_PENALTY_PUBLICITY_YEARS", default=3)
# A penalty may be repaired after this many months of publicity; serious ones never.
CREDIT_PENALTY_REPAIR_MONTHS = env.int("CREDIT_PENALTY_REPAIR_MONTHS", default=6)
CREDIT_PENALTY_REPAIR_MONTHS_SPECIAL = env.int("CREDIT_PENALTY_REPAIR_MONTHS_SPECIAL", default=12)
# The abnormal-operations list: the department decides on a removal within these (calendar)
# days; an entry still listed after these years is proposed for the serious list.
CREDIT_ABNORMAL_REMOVAL_DAYS = env.int("CREDIT_ABNORMAL_REMOVAL_DAYS", default=7)
CREDIT_ABNORMAL_TRANSFER_YEARS = env.int("CREDIT_ABNORMAL_TRANSFER_YEARS", default=3)
# The serious list: listed for these years; credit repair after at least these years.
CREDIT_SERIOUS_LIST_YEARS = env.int("CREDIT_SERIOUS_LIST_YEARS", default=3)
CREDIT_SERIOUS_REPAIR_MIN_YEARS = env.int("CREDIT_SERIOUS_REPAIR_MIN_YEARS", default=1)
# County and city departments need the next level's consent (a 2025 draft would drop it).
CREDIT_SERIOUS_NEEDS_HIGHER_CONSENT = env.bool("CREDIT_SERIOUS_NEEDS_HIGHER_CONSENT", default=True)
# The longest a regulator's override of a credit risk class may last (unverified: our choice).
CREDIT_RISK_OVERRIDE_MAX_DAYS = env.int("CREDIT_RISK_OVERRIDE_MAX_DAYS", default=365)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "portal.errors.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Only the reverse proxy's addresses may say a request came over HTTPS (portal.proxy).
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
# The container health check calls gunicorn directly over HTTP.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "report-uri": "/csp-report/",
    }
}

if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {"portal.csp": {"handlers": ["console"], "level": "WARNING", "propagate": False}},
}

PORTAL_NAME = _("Service Quality Campaign Portal")
OTP_TOTP_ISSUER = "服务业质量提升专项行动工作平台"
