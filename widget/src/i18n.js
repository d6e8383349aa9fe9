// Widget UI strings in the conversation languages. The list of languages is the
// locale registry's (bot/locale/locales.yml, generated into ./locales.js); the
// strings are the catalogue's (bot/locale/messages/<locale>/widget.ftl, generated
// into ./strings.js). Message text comes from the bot; these label the widget's
// own controls.

import { ALIASES, DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES } from "./locales.js";
import { STRINGS } from "./strings.js";

export { LANGUAGES, LANGUAGE_NAMES };

/**
 * Normalises a language tag ("fi-FI", "sv_SE", "FI", "fin") to one of LANGUAGES by its
 * subtags, the way bot.locale.registry.normalise does; "fil" (Filipino) is not Finnish.
 * Unknown or empty gives DEFAULT_LANGUAGE.
 */
export function normaliseLanguage(value) {
  const core = String(value || "").trim().split(/-x-/i)[0].split(/[.@]/)[0];
  const parts = core.split(/[-_]/).filter(Boolean);
  for (let end = parts.length; end > 0; end -= 1) {
    const code = ALIASES[parts.slice(0, end).join("-").toLowerCase()];
    if (code) return code;
  }
  return DEFAULT_LANGUAGE;
}

/** Returns the UI string `key` in `language`, with {placeholders} filled. */
export function t(language, key, params = {}) {
  const table = STRINGS[normaliseLanguage(language)] ?? {};
  const template = table[key] ?? STRINGS.en?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

/** Label of a quick-reply group: "Answer options: <first line of the message>". */
export function groupLabel(language, context) {
  return context ? `${t(language, "suggestions")}: ${context}` : t(language, "suggestions");
}
