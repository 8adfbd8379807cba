from django.conf import settings


def test_home_is_under_a_temp_folder():
    assert "glimmers-test-" in str(settings.HOME)
