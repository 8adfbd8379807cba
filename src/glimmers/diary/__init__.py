"""The diary: glimmers, triggers, beans and intentions."""
