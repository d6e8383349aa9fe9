"""Live-server tests share one running stack per session."""

from tests.live_stack import live_stack

__all__ = ["live_stack"]
