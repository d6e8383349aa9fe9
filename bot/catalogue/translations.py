"""Titles per language for catalogue rows, kept in a translations table.

:class:`Titled` is mixed into :class:`bot.catalogue.models.Course` and
``Job``: their ``translations`` relationship holds one row per language
(``course_titles`` / ``job_titles``), and this mixin turns it into a plain
``{language: title}`` mapping (:attr:`Titled.titles`, readable and
writable, so importers compare and assign it like any column) and a title
in one language that follows the locale's fallback chain
(:meth:`Titled.title`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.locale import registry


class Titled:
    """``titles`` / ``title(language)`` over a ``translations`` dict of title rows."""

    translations: Any
    #: The row class of the translations table (``CourseTitle``) and its item column, set by the model.
    _title_row: Any
    _title_key: str

    @property
    def titles(self) -> dict[str, str]:
        """``{"fi": ..., "sv": ..., "en": ...}``: every stored title by language code.

        Taken from ``inline_titles`` when the row's query read them that way
        (:func:`bot.catalogue.models.titles_inline`) and the title rows are not loaded.
        """
        inline = self.__dict__.get("inline_titles")
        if "translations" not in self.__dict__ and isinstance(inline, dict):
            return dict(inline)
        return {language: row.title for language, row in self.translations.items()}

    @titles.setter
    def titles(self, value: Mapping[str, str]) -> None:
        """Store exactly ``value``'s titles: changed ones updated, missing ones deleted.

        Raises:
            ValueError: a language code is longer than the column
                (:data:`bot.locale.registry.MAX_TAG_LENGTH`) or a title is empty.
        """
        for language, text in value.items():
            if not language or len(language) > registry.MAX_TAG_LENGTH:
                limit = registry.MAX_TAG_LENGTH
                raise ValueError(f"title language {language!r} must be a code of 1-{limit} letters")
            if not isinstance(text, str) or not text:
                raise ValueError(f"title in {language!r} must be a non-empty text")
        for language in [lang for lang in self.translations if lang not in value]:
            del self.translations[language]
        for language, text in value.items():
            row = self.translations.get(language)
            if row is None:
                self.translations[language] = self._title_row(language=language, title=text)
            elif row.title != text:
                row.title = text

    def title(self, language: str | None) -> str:
        """Title in ``language`` (any tag, "fi-FI" too), else along its fallback chain; '' when none."""
        code = registry.normalise(language, registry.default_code()) or registry.default_code()
        titles = self.titles
        return next((titles[tag] for tag in registry.fallback_chain(code) if titles.get(tag)), "")
