// Widget UI strings in the three conversation languages (fi, sv, en).
// Message text comes from the bot; these label the widget's own controls.

export const LANGUAGES = ["fi", "sv", "en"];

export const LANGUAGE_NAMES = { fi: "Suomi", sv: "Svenska", en: "English" };

const STRINGS = {
  en: {
    launcherShort: "Chat",
    close: "Close chat",
    startOver: "Start over",
    startOverDone: "The conversation was started again.",
    language: "Language",
    languageChanged: "Language: {name}",
    conversation: "Conversation",
    inputLabel: "Your message",
    inputPlaceholder: "Type your message…",
    send: "Send",
    counter: "{count} of {max} characters",
    counterFull: "Your message has reached the maximum length of {max} characters. Please shorten it.",
    you: "You",
    bot: "Guide",
    botTyping: "The guide is typing…",
    opensNewTab: "(opens in a new tab)",
    connecting: "Connecting…",
    offline: "Connection lost. Reconnecting… Your message will be sent when the connection is back.",
    reconnected: "Connection restored.",
    suggestions: "Answer options",
    sentAt: "sent at",
    emptyHistory: "Hello! Write a message or choose an option to begin.",
  },
  fi: {
    launcherShort: "Chat",
    close: "Sulje chat",
    startOver: "Aloita alusta",
    startOverDone: "Keskustelu aloitettiin alusta.",
    language: "Kieli",
    languageChanged: "Kieli: {name}",
    conversation: "Keskustelu",
    inputLabel: "Viestisi",
    inputPlaceholder: "Kirjoita viesti…",
    send: "Lähetä",
    counter: "{count} / {max} merkkiä",
    counterFull: "Viestisi on enimmäispituudessa ({max} merkkiä). Lyhennä viestiä, kiitos.",
    you: "Sinä",
    bot: "Opas",
    botTyping: "Opas kirjoittaa…",
    opensNewTab: "(avautuu uuteen välilehteen)",
    connecting: "Yhdistetään…",
    offline: "Yhteys katkesi. Yhdistetään uudelleen… Viestisi lähetetään, kun yhteys palaa.",
    reconnected: "Yhteys palautui.",
    suggestions: "Vastausvaihtoehdot",
    sentAt: "lähetetty",
    emptyHistory: "Hei! Kirjoita viesti tai valitse vaihtoehto aloittaaksesi.",
  },
  sv: {
    launcherShort: "Chatt",
    close: "Stäng chatten",
    startOver: "Börja om",
    startOverDone: "Samtalet började om.",
    language: "Språk",
    languageChanged: "Språk: {name}",
    conversation: "Samtal",
    inputLabel: "Ditt meddelande",
    inputPlaceholder: "Skriv ditt meddelande…",
    send: "Skicka",
    counter: "{count} av {max} tecken",
    counterFull: "Ditt meddelande har nått maxlängden {max} tecken. Förkorta det, tack.",
    you: "Du",
    bot: "Guiden",
    botTyping: "Guiden skriver…",
    opensNewTab: "(öppnas i en ny flik)",
    connecting: "Ansluter…",
    offline: "Anslutningen bröts. Ansluter igen… Ditt meddelande skickas när anslutningen är tillbaka.",
    reconnected: "Anslutningen är tillbaka.",
    suggestions: "Svarsalternativ",
    sentAt: "skickat",
    emptyHistory: "Hej! Skriv ett meddelande eller välj ett alternativ för att börja.",
  },
};

/** Normalises any value to one of LANGUAGES ("en" when unknown). */
export function normaliseLanguage(value) {
  const code = String(value || "").trim().toLowerCase().slice(0, 2);
  return LANGUAGES.includes(code) ? code : "en";
}

/** Returns the UI string `key` in `language`, with {placeholders} filled. */
export function t(language, key, params = {}) {
  const table = STRINGS[normaliseLanguage(language)];
  const template = table[key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) =>
    name in params ? String(params[name]) : `{${name}}`,
  );
}

/** Label of a quick-reply group: "Answer options: <first line of the message>". */
export function groupLabel(language, context) {
  return context ? `${t(language, "suggestions")}: ${context}` : t(language, "suggestions");
}
