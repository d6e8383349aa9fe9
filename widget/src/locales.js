// Generated from bot/locale/locales.yml by scripts/widget_locales.py: do not edit.
// widget/build.mjs regenerates it before every build.

/** Registry codes, in display order. */
export const LANGUAGES = ["fi", "sv", "en"];

/** Each language's name in itself (the language menu). */
export const LANGUAGE_NAMES = {"fi": "Suomi", "sv": "Svenska", "en": "English"};

/** Writing direction per language: "ltr" or "rtl". */
export const DIRECTIONS = {"fi": "ltr", "sv": "ltr", "en": "ltr"};

/** Lower-case tags (codes and ISO 639-2 aliases) to registry codes. */
export const ALIASES = {"fi": "fi", "fin": "fi", "sv": "sv", "swe": "sv", "en": "en", "eng": "en"};

/** The language used when nothing else is known. */
export const DEFAULT_LANGUAGE = "en";
