"""The built-in evaluators, one module per target style.

Each module is a plugin like any third-party one: it implements
``achievement_register_evaluators`` and is registered by :class:`~achievement.Judge`.
``infer`` holds the built-in style inference, which runs after every plugin's.
"""
