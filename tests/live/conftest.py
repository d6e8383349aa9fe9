"""Live-server tests use the session-wide ``live_stack`` of tests/conftest.py."""
