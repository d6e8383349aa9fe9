"""Security headers for the demo pages.

The Content-Security-Policy allows scripts and styles from this site only
(no inline script, no eval) and connections to the Rasa server, so the
widget's "no inline handlers, no eval" rule is enforced by the browser too.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def websocket_origin(http_url: str) -> str:
    """``http://host:port/...`` -> ``ws://host:port`` (``https`` -> ``wss``)."""
    parts = urlsplit(http_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return f"{scheme}://{parts.netloc}"


def http_origin(url: str) -> str:
    """The ``scheme://host:port`` part of ``url``."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def page_headers(rasa_url: str) -> dict[str, str]:
    """Response headers for an HTML page that embeds the widget talking to ``rasa_url``."""
    connect = f"'self' {http_origin(rasa_url)} {websocket_origin(rasa_url)}"
    csp = (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src {connect}; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
        "object-src 'none'"
    )
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "X-Frame-Options": "DENY",
    }
