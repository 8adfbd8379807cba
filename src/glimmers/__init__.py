"""Glimmers: a private diary and practice companion for glimmers."""

__version__ = "0.1.0"
