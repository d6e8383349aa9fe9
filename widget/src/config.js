// Reads the widget's settings from its own <script> tag's data attributes.
import { normaliseLanguage } from "./i18n.js";
import { parseHexColour } from "./colour.js";

/** Finds the <script> element that loaded the widget. */
export function findScriptTag() {
  if (document.currentScript) return document.currentScript;
  return document.querySelector("script[data-server-url]");
}

function isHttpUrl(value) {
  try {
    const url = new URL(value, window.location.href);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch (_) {
    return false;
  }
}

const PHONE = /^\+?[0-9 ()-]{3,30}$/;

/**
 * The city's contact for when the chat cannot connect, from data-contact-name,
 * data-contact-phone and data-contact-url: {name, phone, url}, each "" when
 * missing or not well-formed (the phone: digits, spaces, + ( ) -; the url:
 * http(s) only).
 */
export function readContact(data) {
  const phone = String(data.contactPhone || "").trim();
  const url = String(data.contactUrl || "").trim();
  return {
    name: String(data.contactName || "").trim().slice(0, 120),
    phone: PHONE.test(phone) ? phone : "",
    url: url && isHttpUrl(url) ? new URL(url, window.location.href).href : "",
  };
}

/**
 * Returns the widget settings:
 * serverUrl (Rasa base URL), socketPath, city, language, title,
 * primaryColour, initPayload (sent silently when a new session opens),
 * sessionHours (how long a session id is kept), maxChars, startOpen,
 * contact ({name, phone, url}: the city's contact, shown when the chat
 * cannot connect; see readContact).
 */
export function readConfig(script) {
  const data = (script && script.dataset) || {};
  const serverUrl = isHttpUrl(data.serverUrl) ? data.serverUrl : window.location.origin;
  const maxChars = parseInt(data.maxChars || "2000", 10);
  const hours = parseFloat(data.sessionHours || "8");
  return {
    serverUrl: new URL(serverUrl, window.location.href).origin,
    socketPath: data.socketPath || "/socket.io",
    city: (data.city || "").slice(0, 60),
    language: normaliseLanguage(data.language || document.documentElement.lang),
    title: (data.title || "DigiPoint").slice(0, 80),
    primaryColour: parseHexColour(data.primaryColour),
    initPayload: data.initPayload === undefined ? "/greet" : data.initPayload,
    sessionHours: Number.isFinite(hours) && hours > 0 ? hours : 8,
    maxChars: Number.isFinite(maxChars) && maxChars > 0 ? maxChars : 2000,
    startOpen: data.startOpen === "true",
    contact: readContact(data),
  };
}
