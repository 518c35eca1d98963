"""Storage: the precious per-user database (user_data, migrations, backup) and the library cache."""
