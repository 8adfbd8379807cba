"""The diary's pages; each module holds the views of one area."""

from glimmers.diary.views.capture import home

__all__ = ["home"]
