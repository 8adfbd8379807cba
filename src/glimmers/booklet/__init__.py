"""Printing: a booklet of a period's glimmers and cut-out bookmarks, as PDF."""
