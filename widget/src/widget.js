// The widget's behaviour: opening and closing, messages, quick replies,
// language switch, start over, connection status and accessibility wiring.
// Ending and clearing a conversation, and the can't-connect notice: lifecycle.js.
import { Connection } from "./connection.js";
import { buildDom, labelDom } from "./dom.js";
import { renderFeedback, splitFeedback } from "./feedback.js";
import { LANGUAGE_NAMES, groupLabel, normaliseLanguage, t } from "./i18n.js";
import { HandoffView } from "./handoff.js";
import { adoptIntroductionCss, introductionOf, renderIntroductionTools } from "./introduction.js";
import { Lifecycle } from "./lifecycle.js";
import { appendRichText, normaliseBotMessage } from "./render.js";
import { SessionStore } from "./storage.js";
import { buildStyles } from "./styles.js";

const FULLSCREEN_QUERY = "(max-width: 480px), (max-height: 560px)";
const TYPING_TIMEOUT_MS = 20000;

/**
 * Applies `css` to the shadow root. A constructed stylesheet is not an inline
 * <style>, so host pages with a strict Content-Security-Policy keep working.
 */
function adoptStyles(shadow, css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch (_) {
    const style = document.createElement("style");
    style.textContent = css;
    shadow.appendChild(style);
  }
}

export class Widget {
  constructor(host, config) {
    this.config = config;
    this.store = new SessionStore(config.serverUrl, config.sessionHours);
    this.language = normaliseLanguage(this.store.state.language || config.language);
    const shadow = host.attachShadow({ mode: "open" });
    adoptStyles(shadow, buildStyles(config.primaryColour));
    adoptIntroductionCss(shadow);
    this.r = buildDom(shadow, config);
    labelDom(this.r, this.language, config);
    this.connection = new Connection({
      serverUrl: config.serverUrl,
      socketPath: config.socketPath,
      getSessionId: () => this.store.sessionId,
      onSessionId: (id) => {
        this.store.state.sessionId = id;
        this.store.save();
      },
      onBotMessage: (data) => this.receive(data),
      onStatus: (status, wasOnline) => this.showStatus(status, wasOnline),
    });
    this.typingTimer = null;
    this.statusTimer = null;
    this.lifecycle = new Lifecycle(this);
    this.handoff = new HandoffView(this);
    this.bind();
    this.renderTranscript();
    if (this.store.isOpen || config.startOpen) this.open(false);
  }

  bind() {
    const r = this.r;
    r.launcher.addEventListener("click", () => (r.panel.hidden ? this.open(true) : this.close()));
    r.close.addEventListener("click", () => this.close());
    r.restart.addEventListener("click", () => this.startOver());
    this.lifecycle.bind();
    r.lang.addEventListener("change", () => this.changeLanguage(r.lang.value));
    r.form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitInput();
    });
    r.input.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.submitInput();
      }
    });
    r.input.addEventListener("paste", (event) => this.notePaste(event));
    r.input.addEventListener("input", () => this.updateCounter());
    r.panel.addEventListener("keydown", (event) => this.onPanelKey(event));
  }

  // ----- opening and closing -------------------------------------------

  open(moveFocus) {
    const r = this.r;
    r.panel.hidden = false;
    r.launcher.setAttribute("aria-expanded", "true");
    this.store.isOpen = true;
    this.updateModality();
    this.connection.start();
    if (!this.store.state.greeted && !this.store.state.messages.length && this.config.initPayload) {
      this.store.state.greeted = true;
      this.store.save();
      this.sendSilently(this.config.initPayload);
    }
    this.scrollToEnd();
    if (moveFocus) r.input.focus();
  }

  close() {
    const r = this.r;
    r.panel.hidden = true;
    r.launcher.setAttribute("aria-expanded", "false");
    this.store.isOpen = false;
    r.launcher.focus();
  }

  updateModality() {
    const fullscreen = window.matchMedia && window.matchMedia(FULLSCREEN_QUERY).matches;
    this.fullscreen = Boolean(fullscreen);
    if (this.fullscreen) this.r.panel.setAttribute("aria-modal", "true");
    else this.r.panel.removeAttribute("aria-modal");
  }

  onPanelKey(event) {
    if (event.key === "Escape") {
      event.preventDefault();
      this.close();
      return;
    }
    if (event.key !== "Tab") return;
    this.updateModality();
    if (!this.fullscreen) return;
    // Full-screen panel covers the page: keep focus inside it.
    const focusable = Array.from(
      this.r.panel.querySelectorAll("button, select, textarea, input, a[href], [tabindex='0']"),
    ).filter((node) => !node.disabled && node.getClientRects().length);
    if (!focusable.length) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = this.r.panel.getRootNode().activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  // ----- sending ---------------------------------------------------------

  metadata() {
    return { language: this.language, city: this.config.city };
  }

  submitInput() {
    const text = this.r.input.value.trim();
    if (!text) return;
    this.r.input.value = "";
    this.updateCounter();
    this.sendVisible(text.slice(0, this.config.maxChars), text.slice(0, this.config.maxChars));
    this.r.input.focus();
  }

  /** Shows `shown` as the person's message and sends `payload` to the bot. */
  sendVisible(shown, payload) {
    this.clearQuickReplies();
    const languageButton = /^\/change_language(\{.*\})$/.exec(payload);
    if (languageButton) {
      try {
        this.applyLanguage(JSON.parse(languageButton[1]).language);
      } catch (_) {
        /* not JSON: the bot will answer in its own way */
      }
    }
    this.addMessage({ from: "user", text: shown, time: Date.now() });
    this.sendSilently(payload);
  }

  sendSilently(payload) {
    this.connection.send(payload, this.metadata());
    this.setTyping(!this.handoff.quiet());
  }

  /**
   * Clears the screen and says so at once (also offline); the bot restarts and
   * asks its first question again (actions/session.py).
   */
  startOver() {
    this.r.confirm.hidden = true;
    this.r.end.setAttribute("aria-expanded", "false");
    this.store.clearTranscript();
    this.store.state.greeted = true;
    this.store.save();
    this.r.log.replaceChildren();
    this.addMessage({ from: "system", text: t(this.language, "startOverDone"), time: Date.now() }, true);
    this.sendSilently("/restart");
    this.r.input.focus();
  }

  /** Language chosen in the widget's own switch: relabel, tell the bot. */
  changeLanguage(code) {
    if (!this.applyLanguage(code)) return;
    const note = t(this.language, "languageChanged", { name: LANGUAGE_NAMES[this.language] });
    this.addMessage({ from: "system", text: note, time: Date.now() }, true);
    this.sendSilently(`/change_language${JSON.stringify({ language: this.language })}`);
  }

  /** Switches the widget's UI language; returns false when it was already `code`. */
  applyLanguage(code) {
    const language = normaliseLanguage(code);
    if (language === this.language) return false;
    this.language = language;
    this.store.state.language = language;
    this.store.save();
    labelDom(this.r, language, this.config);
    this.lifecycle.relabel();
    this.rerenderTimes();
    return true;
  }

  // The browser cuts a paste longer than the room left (maxlength) without a word:
  // remember it, so the counter says that the end was cut off.
  notePaste(event) {
    const pasted = (event.clipboardData && event.clipboardData.getData("text")) || "";
    const { input } = this.r;
    const selected = Math.max(0, (input.selectionEnd || 0) - (input.selectionStart || 0));
    const room = this.config.maxChars - (input.value.length - selected);
    this.pasteCut = pasted.length > room;
  }

  updateCounter() {
    const { input, counter } = this.r;
    const max = this.config.maxChars;
    const count = input.value.length;
    const full = count >= max;
    counter.classList.toggle("full", full);
    if (full) {
      const key = this.pasteCut ? "counterCut" : "counterFull";
      const text = t(this.language, key, { max: max.toLocaleString(this.language) });
      if (text !== counter.textContent) this.announce(text);
      counter.textContent = text;
      this.pasteCut = false;
    } else {
      this.pasteCut = false;
      counter.textContent =
        count >= max * 0.8
          ? t(this.language, "counter", { count: count.toLocaleString(this.language), max: max.toLocaleString(this.language) })
          : "";
    }
  }

  // ----- receiving ---------------------------------------------------------

  receive(data) {
    if (this.lifecycle.swallow(data)) return;
    if (this.handoff.receive(data)) return;
    const message = normaliseBotMessage(data);
    if (!message) return;
    this.setTyping(false);
    const entry = { from: "bot", text: message.text, buttons: message.buttons, time: Date.now() };
    const introduction = introductionOf(data);
    if (introduction) entry.introduction = introduction; // Copy / Download under it (introduction.js)
    this.addMessage(entry, true);
  }

  addMessage(entry, announce = false) {
    this.store.addMessage(entry);
    this.r.log.appendChild(this.renderMessage(entry, true));
    this.r.empty.hidden = true;
    if (announce && entry.from !== "user") {
      const who = entry.from === "bot" ? `${t(this.language, "bot")}: ` : "";
      this.announce(`${who}${entry.text}`);
    }
    this.scrollToEnd();
  }

  /** One message as an <li>; `withButtons` adds its quick replies (still answerable). */
  renderMessage(entry, withButtons) {
    const li = document.createElement("li");
    li.className = `msg ${entry.from}`;
    if (entry.from !== "system") {
      const who = document.createElement("span");
      who.className = "sr-only";
      who.textContent = `${t(this.language, entry.from === "bot" ? "bot" : "you")}: `;
      li.appendChild(who);
    }
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    if (entry.from === "bot") appendRichText(bubble, entry.text, t(this.language, "opensNewTab"));
    else bubble.textContent = entry.text;
    li.appendChild(bubble);
    if (this.handoff) this.handoff.decorate(li, entry);
    const time = document.createElement("time");
    time.dateTime = new Date(entry.time).toISOString();
    time.dataset.ms = String(entry.time);
    time.textContent = this.formatTime(entry.time);
    li.appendChild(time);
    if (entry.from === "bot" && entry.introduction) {
      li.appendChild(renderIntroductionTools(document, entry.introduction, this.language));
    }
    if (withButtons && entry.from === "bot" && Array.isArray(entry.buttons) && entry.buttons.length) {
      const { feedback, other } = splitFeedback(entry.buttons);
      if (other.length) li.appendChild(this.renderQuickReplies(other, entry.text));
      if (feedback.length) li.appendChild(renderFeedback(document, feedback, entry.text, this.language, (p) => this.sendSilently(p)));
    }
    return li;
  }

  formatTime(ms) {
    try {
      return new Intl.DateTimeFormat(this.language, { hour: "2-digit", minute: "2-digit" }).format(new Date(ms));
    } catch (_) {
      return new Date(ms).toTimeString().slice(0, 5);
    }
  }

  rerenderTimes() {
    for (const time of this.r.log.querySelectorAll("time")) {
      time.textContent = this.formatTime(Number(time.dataset.ms));
    }
  }

  renderTranscript() {
    const messages = this.store.state.messages;
    let lastUser = -1;
    messages.forEach((m, i) => {
      if (m.from === "user") lastUser = i;
    });
    this.r.log.replaceChildren(...messages.map((m, i) => this.renderMessage(m, i > lastUser)));
    this.r.empty.hidden = messages.length > 0;
  }

  /** A labelled group of quick-reply buttons; the label names the message they answer. */
  renderQuickReplies(buttons, text) {
    const group = document.createElement("div");
    group.className = "quick";
    group.setAttribute("role", "group");
    group.dataset.context = String(text || "").split("\n")[0].slice(0, 80);
    group.setAttribute("aria-label", groupLabel(this.language, group.dataset.context));
    for (const button of buttons) {
      const node = document.createElement("button");
      node.type = "button";
      node.textContent = button.title;
      node.addEventListener("click", () => {
        this.sendVisible(button.title, button.payload);
        this.r.input.focus();
      });
      group.appendChild(node);
    }
    return group;
  }

  /** Quick replies answer the latest question only: remove them once the person answers. */
  clearQuickReplies() {
    for (const group of this.r.log.querySelectorAll(".quick:not(.feedback)")) group.remove();
  }

  // ----- status ------------------------------------------------------------

  announce(text) {
    const p = document.createElement("p");
    p.textContent = text;
    this.r.announcer.appendChild(p);
    while (this.r.announcer.childElementCount > 4) this.r.announcer.firstElementChild.remove();
  }

  setTyping(on) {
    clearTimeout(this.typingTimer);
    this.r.typing.hidden = !on;
    if (on) this.typingTimer = setTimeout(() => this.setTyping(false), TYPING_TIMEOUT_MS);
  }

  showStatus(status, wasOnline) {
    clearTimeout(this.statusTimer);
    const r = this.r;
    r.panel.dataset.connection = status;
    const trouble = status === "refused" || status === "unreachable";
    this.lifecycle.showTrouble(trouble ? status : null);
    if (trouble) {
      r.status.textContent = "";
      this.setTyping(false);
    } else if (status === "online") {
      r.status.textContent = wasOnline ? t(this.language, "reconnected") : "";
      if (wasOnline) this.statusTimer = setTimeout(() => (r.status.textContent = ""), 4000);
    } else {
      r.status.textContent = t(this.language, status === "offline" ? "offline" : "connecting");
      if (status === "offline") this.setTyping(false);
    }
  }

  scrollToEnd() {
    const scroller = this.r.scroller;
    requestAnimationFrame(() => {
      scroller.scrollTop = scroller.scrollHeight;
    });
  }
}
