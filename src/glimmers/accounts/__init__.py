"""People: the first account, signing in and out, settings, export and leaving."""
