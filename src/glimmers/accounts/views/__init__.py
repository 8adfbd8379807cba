"""The pages of accounts: the first account, signing in, settings, and device tokens."""
