from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    """Export, import, backup and restore. Each app registers the records it owns (see
    `glimmers.lib.records`); the file formats are plug-ins in `formats/`."""

    name = "glimmers.portability"
    label = "portability"
