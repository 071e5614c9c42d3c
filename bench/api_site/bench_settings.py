"""The real settings, with the benchmark's URLs (the app and a bare view beside it)."""

from custodes.settings import *  # noqa: F403

ROOT_URLCONF = "bench_urls"
