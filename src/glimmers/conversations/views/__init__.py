"""Glimmering conversations' pages."""
