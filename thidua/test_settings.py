"""Test settings: the main settings with test concerns overridden only."""

import os

os.environ.setdefault("THIDUA_DEBUG", "1")
# The suite runs on PostgreSQL when THIDUA_TEST_DATABASE_URL is set (see Makefile).
if os.environ.get("THIDUA_TEST_DATABASE_URL"):
    os.environ["THIDUA_DATABASE_URL"] = os.environ["THIDUA_TEST_DATABASE_URL"]

from thidua.settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Background tasks run at once, inside the test's transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
