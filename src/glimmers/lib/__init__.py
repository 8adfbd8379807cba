"""Plain helpers with no knowledge of the diary's models."""
