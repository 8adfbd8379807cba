from django.apps import AppConfig


class BookletConfig(AppConfig):
    name = "glimmers.booklet"
    label = "booklet"
