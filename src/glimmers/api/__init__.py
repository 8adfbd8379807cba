"""The JSON API under /api/v1/, device tokens, and keeping both sides of an edit conflict."""
