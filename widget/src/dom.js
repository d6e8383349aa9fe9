// Builds the widget's DOM inside a Shadow root and (re)labels it in a language.
// Elements are created with createElement and textContent only.
import { LANGUAGES, LANGUAGE_NAMES, groupLabel, t } from "./i18n.js";
import { DIRECTIONS } from "./locales.js";

const CHAT_ICON =
  "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z";

function el(doc, tag, props = {}, children = []) {
  const node = doc.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.appendChild(child);
  return node;
}

function icon(doc) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = doc.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = doc.createElementNS(ns, "path");
  path.setAttribute("d", CHAT_ICON);
  svg.appendChild(path);
  return svg;
}

/** The "end and clear" question (hidden until asked): r.confirm and its parts. */
function buildEndConfirm(doc, r) {
  r.confirmText = el(doc, "p", { id: "dp-end-q", class: "question" });
  r.eraseBox = el(doc, "input", { type: "checkbox", id: "dp-end-erase", "aria-describedby": "dp-end-note" });
  r.eraseLabel = el(doc, "label", { for: "dp-end-erase" });
  r.eraseNote = el(doc, "p", { id: "dp-end-note", class: "note" });
  r.confirmYes = el(doc, "button", { type: "button", class: "yes" });
  r.confirmNo = el(doc, "button", { type: "button", class: "no" });
  r.confirm = el(doc, "div", { id: "dp-end", class: "confirm", role: "group", "aria-labelledby": "dp-end-q" }, [
    r.confirmText,
    el(doc, "div", { class: "check" }, [r.eraseBox, r.eraseLabel]),
    r.eraseNote,
    el(doc, "div", { class: "choices" }, [r.confirmYes, r.confirmNo]),
  ]);
  r.confirm.hidden = true;
}

/** Creates every element of the widget under `shadow`; returns named references. */
export function buildDom(shadow, config) {
  const doc = shadow.ownerDocument || document;
  const ids = { panel: "dp-panel", title: "dp-title", input: "dp-input", counter: "dp-counter", lang: "dp-lang" };
  const r = {};
  r.launcherText = el(doc, "span");
  r.launcher = el(doc, "button", { type: "button", class: "launcher", "aria-expanded": "false", "aria-controls": ids.panel }, [icon(doc), r.launcherText]);
  r.title = el(doc, "h2", { id: ids.title, text: config.title });
  r.langLabel = el(doc, "label", { for: ids.lang, class: "sr-only" });
  r.lang = el(doc, "select", { id: ids.lang, class: "tool lang" });
  for (const code of LANGUAGES) {
    r.lang.appendChild(el(doc, "option", { value: code, lang: code, text: LANGUAGE_NAMES[code] }));
  }
  r.restart = el(doc, "button", { type: "button", class: "tool restart" });
  r.end = el(doc, "button", { type: "button", class: "tool end", "aria-controls": "dp-end" });
  r.close = el(doc, "button", { type: "button", class: "tool close" }, [el(doc, "span", { "aria-hidden": "true", text: "×" })]);
  const header = el(doc, "header", {}, [r.title, el(doc, "div", { class: "tools" }, [r.langLabel, r.lang, r.restart, r.end, r.close])]);
  buildEndConfirm(doc, r);
  r.status = el(doc, "p", { class: "status", role: "status" });
  r.troubleText = el(doc, "p");
  r.troubleContact = el(doc, "ul", { class: "contact" });
  r.trouble = el(doc, "div", { class: "trouble" }, [r.troubleText, r.troubleContact]);
  r.trouble.hidden = true;
  r.empty = el(doc, "p", { class: "empty" });
  r.log = el(doc, "ol", { class: "log" });
  r.scroller = el(doc, "div", { class: "scroller", role: "region", tabindex: "0" }, [r.empty, r.log]);
  r.typingText = el(doc, "span", { class: "sr-only" });
  r.typing = el(doc, "div", { class: "typing" }, [
    el(doc, "span", { class: "dot", "aria-hidden": "true" }),
    el(doc, "span", { class: "dot", "aria-hidden": "true" }),
    el(doc, "span", { class: "dot", "aria-hidden": "true" }),
    r.typingText,
  ]);
  r.typing.hidden = true;
  r.announcer = el(doc, "div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "false" });
  r.inputLabel = el(doc, "label", { for: ids.input, class: "sr-only" });
  r.input = el(doc, "textarea", { id: ids.input, rows: "1", maxlength: String(config.maxChars), "aria-describedby": ids.counter, autocomplete: "off" });
  r.send = el(doc, "button", { type: "submit", class: "send" });
  r.counter = el(doc, "p", { id: ids.counter, class: "counter" });
  r.form = el(doc, "form", { class: "composer", novalidate: "" }, [
    r.inputLabel,
    el(doc, "div", { class: "row" }, [r.input, r.send]),
    r.counter,
  ]);
  r.panel = el(doc, "section", { id: ids.panel, class: "panel", role: "dialog", "aria-labelledby": ids.title }, [
    header, r.confirm, r.status, r.trouble, r.scroller, r.typing, r.announcer, r.form,
  ]);
  r.panel.hidden = true;
  r.root = el(doc, "aside", { class: "root" }, [r.launcher, r.panel]);
  shadow.appendChild(r.root);
  return r;
}

/** Sets every label, placeholder, the lang attribute and the writing direction to `language`. */
export function labelDom(r, language, config) {
  r.root.setAttribute("lang", language);
  // The registry's direction (bot/locale/locales.yml via locales.js): "rtl" for Arabic.
  r.root.setAttribute("dir", DIRECTIONS[language] || "ltr");
  r.root.setAttribute("aria-label", `${config.title}: ${t(language, "launcherShort")}`);
  r.launcherText.textContent = t(language, "launcherShort");
  // Label in Name (WCAG 2.5.3): the name starts with the visible word ("Chatt: DigiPoint karriärguide").
  r.launcher.setAttribute("aria-label", `${t(language, "launcherShort")}: ${config.title}`);
  r.langLabel.textContent = t(language, "language");
  r.lang.value = language;
  r.restart.textContent = t(language, "startOver");
  r.end.textContent = t(language, "endChat");
  r.end.setAttribute("aria-expanded", r.confirm.hidden ? "false" : "true");
  r.confirmText.textContent = t(language, "endQuestion");
  r.eraseLabel.textContent = t(language, "endAlsoDelete");
  r.eraseNote.textContent = t(language, "endKeepNote");
  r.confirmYes.textContent = t(language, "endConfirm");
  r.confirmNo.textContent = t(language, "endCancel");
  r.close.setAttribute("aria-label", t(language, "close"));
  r.close.setAttribute("title", t(language, "close"));
  r.scroller.setAttribute("aria-label", t(language, "conversation"));
  for (const group of r.log.querySelectorAll(".quick")) {
    group.setAttribute("aria-label", groupLabel(language, group.dataset.context));
  }
  r.typingText.textContent = t(language, "botTyping");
  r.inputLabel.textContent = t(language, "inputLabel");
  r.input.setAttribute("placeholder", t(language, "inputPlaceholder"));
  r.send.textContent = t(language, "send");
  r.empty.textContent = t(language, "emptyHistory");
}
