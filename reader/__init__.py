"""News Reader: a desktop reader for the news you keep on disk."""

__version__ = "0.1.0"
