// Widget UI strings in the conversation languages. The list of languages is the
// locale registry's (bot/locale/locales.yml, generated into ./locales.js).
// Message text comes from the bot; these label the widget's own controls.

import { ALIASES, DEFAULT_LANGUAGE, LANGUAGES, LANGUAGE_NAMES } from "./locales.js";

export { LANGUAGES, LANGUAGE_NAMES };

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
    roleCoach: "Coach",
    waitingForCoach: "Waiting for a coach",
    botTyping: "The guide is typing…",
    opensNewTab: "(opens in a new tab)",
    connecting: "Connecting…",
    offline: "Connection lost. Reconnecting… Your message will be sent when the connection is back.",
    reconnected: "Connection restored.",
    suggestions: "Answer options",
    feedbackGroup: "Was this useful?",
    sentAt: "sent at",
    emptyHistory: "Hello! Write a message or choose an option to begin.",
    endChat: "End and clear",
    endQuestion: "End this chat? We clear it from this screen and this device.",
    endAlsoDelete: "Also delete my answers from the server now",
    endKeepNote: "If you leave this empty, the server keeps the chat for a while and then deletes it automatically.",
    endConfirm: "Yes, end and clear",
    endCancel: "No, keep chatting",
    endedKept: "The chat has ended and is cleared from this device. The server deletes its copy automatically after a while.",
    erasedAll: "Everything is deleted: on our server and on this device. You can start again whenever you like.",
    erasing: "Deleting your data…",
    eraseFailed: "We could not delete your data right now. Your chat is still here. Please try again in a moment.",
    refused: "Sorry, the chat does not work on this page. You can still get help:",
    unreachable: "The chat is not available right now. We keep trying. You can also get help here:",
    noContact: "Please contact your city's employment services.",
    phone: "Phone",
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
    roleCoach: "Ohjaaja",
    waitingForCoach: "Odotat ohjaajaa",
    botTyping: "Opas kirjoittaa…",
    opensNewTab: "(avautuu uuteen välilehteen)",
    connecting: "Yhdistetään…",
    offline: "Yhteys katkesi. Yhdistetään uudelleen… Viestisi lähetetään, kun yhteys palaa.",
    reconnected: "Yhteys palautui.",
    suggestions: "Vastausvaihtoehdot",
    feedbackGroup: "Oliko tästä hyötyä?",
    sentAt: "lähetetty",
    emptyHistory: "Hei! Kirjoita viesti tai valitse vaihtoehto aloittaaksesi.",
    endChat: "Lopeta ja tyhjennä",
    endQuestion: "Lopetetaanko keskustelu? Tyhjennämme sen tältä näytöltä ja tästä laitteesta.",
    endAlsoDelete: "Poista vastaukseni myös palvelimelta nyt",
    endKeepNote: "Jos jätät tämän tyhjäksi, palvelin säilyttää keskustelua jonkin aikaa ja poistaa sen sitten automaattisesti.",
    endConfirm: "Kyllä, lopeta ja tyhjennä",
    endCancel: "Ei, jatketaan",
    endedKept: "Keskustelu on päättynyt ja tyhjennetty tästä laitteesta. Palvelin poistaa oman kopionsa automaattisesti jonkin ajan kuluttua.",
    erasedAll: "Kaikki on poistettu: palvelimeltamme ja tästä laitteesta. Voit aloittaa uudelleen milloin haluat.",
    erasing: "Poistetaan tietojasi…",
    eraseFailed: "Emme voineet poistaa tietojasi juuri nyt. Keskustelu on yhä tallessa. Yritä hetken päästä uudelleen.",
    refused: "Valitettavasti chat ei toimi tällä sivulla. Saat silti apua:",
    unreachable: "Chat ei ole nyt käytettävissä. Yritämme yhdistää uudelleen. Saat apua myös täältä:",
    noContact: "Ota yhteyttä kaupunkisi työllisyyspalveluihin.",
    phone: "Puhelin",
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
    roleCoach: "Handledare",
    waitingForCoach: "Du väntar på en handledare",
    botTyping: "Guiden skriver…",
    opensNewTab: "(öppnas i en ny flik)",
    connecting: "Ansluter…",
    offline: "Anslutningen bröts. Ansluter igen… Ditt meddelande skickas när anslutningen är tillbaka.",
    reconnected: "Anslutningen är tillbaka.",
    suggestions: "Svarsalternativ",
    feedbackGroup: "Var det här till nytta?",
    sentAt: "skickat",
    emptyHistory: "Hej! Skriv ett meddelande eller välj ett alternativ för att börja.",
    endChat: "Avsluta och rensa",
    endQuestion: "Vill du avsluta chatten? Vi rensar den från skärmen och från den här enheten.",
    endAlsoDelete: "Radera också mina svar från servern nu",
    endKeepNote: "Om du lämnar rutan tom sparar servern chatten en tid och raderar den sedan automatiskt.",
    endConfirm: "Ja, avsluta och rensa",
    endCancel: "Nej, fortsätt chatta",
    endedKept: "Chatten är avslutad och rensad från den här enheten. Servern raderar sin kopia automatiskt efter en tid.",
    erasedAll: "Allt är raderat: på vår server och på den här enheten. Du kan börja om när du vill.",
    erasing: "Dina uppgifter raderas…",
    eraseFailed: "Vi kunde inte radera dina uppgifter just nu. Chatten finns kvar. Försök igen om en stund.",
    refused: "Tyvärr fungerar chatten inte på den här sidan. Du kan ändå få hjälp:",
    unreachable: "Chatten är inte tillgänglig just nu. Vi försöker igen. Du kan också få hjälp här:",
    noContact: "Kontakta din stads sysselsättningstjänster.",
    phone: "Telefon",
  },
};

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
