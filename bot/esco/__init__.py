"""ESCO classification tables (occupations, skills, their relations) in fi, sv and en.

Filled by ``python -m bot.catalogue.importers esco`` from the ESCO CSV
package or the ESCO REST API (https://esco.ec.europa.eu, reusable with
attribution: "This service uses the ESCO classification of the European
Commission").
"""
