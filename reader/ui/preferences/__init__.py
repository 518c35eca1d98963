"""Preferences (Ctrl+,): your own keys and reading comfort."""
