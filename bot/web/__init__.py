"""Web app: the demo city pages that embed the chat widget (FastAPI).

``bot.web.app.create_app`` is the composition root; each module has one job:
``cities`` (city branding and texts), ``pages`` (the page routes),
``security`` (response headers), ``errors`` (HTML error pages),
``templating`` (Jinja2 environment and widget asset URL).
"""
