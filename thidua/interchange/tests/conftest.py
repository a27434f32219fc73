import pytest


@pytest.fixture(autouse=True)
def _private_media(tmp_path, settings):
    """Uploaded sheets go to a fresh private folder per test."""
    settings.MEDIA_ROOT = tmp_path / "media"
