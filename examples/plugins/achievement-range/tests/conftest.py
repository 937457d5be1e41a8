pytest_plugins = ["achievement.testing.pytest_plugin"]
