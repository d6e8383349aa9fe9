"""Locales: the one list of languages the product speaks (``locales.yml``).

Import the API from :mod:`bot.locale.registry`; ``docs`` of each field are in
``locales.yml`` itself.
"""
