"""The practice: short guided flows for noticing, anchoring and coming back to glimmers."""
