"""Settings for the HTTP benchmark's gunicorn: the production settings, plus one URL for the
floor (a minimal Django view behind the same middleware)."""

from thidua.settings import *  # noqa: F403

ROOT_URLCONF = "thidua.bench.urls"
