// The end of a conversation on this device, and the notice shown when the
// chat cannot connect:
// - "End and clear" (header button): asks in the widget first. "Yes" clears
//   the screen and the browser's storage and starts a new session id (a new
//   socket.io session). The server copy is left to the retention purge,
//   unless the person ticks "also delete my answers from the server": then the
//   widget asks the bot to delete ("/delete_my_data", then "/affirm" to its
//   yes/no question) and clears once the bot confirms; while the bot is paused
//   for a coach the worker notices both and withdraws the handoff first.
// - The bot's custom message {"digipoint": {"clear": true}} (sent by
//   action_delete_my_data after a deletion) clears the same way.
// - Other tabs of the site follow: when the saved conversation is replaced by
//   another session (the storage event), a tab drops what it shows and takes
//   the saved state, so it cannot write the forgotten conversation back.
// - "refused" / "unreachable" connection states show a message with the
//   city's contact instead of "connecting…".
import { t } from "./i18n.js";

// How long the widget waits for the bot to confirm a deletion.
const ERASE_TIMEOUT_MS = 30000;

/** True for the bot's "forget this conversation" custom message. */
export function isClearMessage(data) {
  return Boolean(data && typeof data === "object" && data.digipoint && data.digipoint.clear === true);
}

export class Lifecycle {
  /** `widget` is the Widget (its r, store, connection, language, helpers). */
  constructor(widget) {
    this.w = widget;
    this.eraseTimer = null;
    this.trouble = null;
  }

  get erasing() {
    return this.eraseTimer !== null;
  }

  bind() {
    const r = this.w.r;
    window.addEventListener("storage", (event) => this.onStorage(event));
    r.end.addEventListener("click", () => (r.confirm.hidden ? this.ask() : this.cancel()));
    r.confirmNo.addEventListener("click", () => this.cancel());
    r.confirmYes.addEventListener("click", () => this.confirm());
    r.confirm.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      event.stopPropagation();
      this.cancel();
    });
  }

  /** Shows the question "End this chat?" and moves focus to its first choice. */
  ask() {
    const r = this.w.r;
    r.eraseBox.checked = false;
    r.confirm.hidden = false;
    r.end.setAttribute("aria-expanded", "true");
    r.eraseBox.focus();
  }

  cancel() {
    const r = this.w.r;
    r.confirm.hidden = true;
    r.end.setAttribute("aria-expanded", "false");
    r.end.focus();
  }

  /** "Yes, end and clear": clear now, or first delete on the server when ticked. */
  confirm() {
    const w = this.w;
    const erase = w.r.eraseBox.checked;
    w.r.confirm.hidden = true;
    w.r.end.setAttribute("aria-expanded", "false");
    w.r.input.focus();
    if (!erase) {
      this.forget("endedKept");
      return;
    }
    w.r.status.textContent = t(w.language, "erasing");
    clearTimeout(this.eraseTimer);
    this.eraseTimer = setTimeout(() => this.eraseFailed(), ERASE_TIMEOUT_MS);
    w.connection.send("/delete_my_data", w.metadata());
    w.connection.send("/affirm", w.metadata());
    w.setTyping(true);
  }

  eraseFailed() {
    const w = this.w;
    this.eraseTimer = null;
    w.setTyping(false);
    w.r.status.textContent = "";
    w.addMessage({ from: "system", text: t(w.language, "eraseFailed"), time: Date.now() }, true);
  }

  /**
   * Forgets the conversation on this device: screen, storage, session id
   * (new socket.io session), then says `noticeKey` (shown, not stored) and
   * greets the new session the way a new visitor is greeted.
   */
  forget(noticeKey) {
    const w = this.w;
    clearTimeout(this.eraseTimer);
    this.eraseTimer = null;
    w.setTyping(false);
    w.r.status.textContent = "";
    w.store.forget();
    w.r.log.replaceChildren();
    w.r.announcer.replaceChildren();
    w.connection.restart();
    const notice = { from: "system", text: t(w.language, noticeKey), time: Date.now() };
    w.r.log.appendChild(w.renderMessage(notice, false));
    w.r.empty.hidden = true;
    w.announce(notice.text);
    if (w.config.initPayload) {
      w.store.state.greeted = true;
      w.store.save();
      w.sendSilently(w.config.initPayload);
    }
  }

  /** Another tab changed the saved conversation: follow it when it is another session. */
  onStorage(event) {
    const w = this.w;
    if (event.key !== w.store.key) return;
    let id = null;
    try {
      id = event.newValue ? JSON.parse(event.newValue).sessionId : null;
    } catch (_) {
      id = null;
    }
    if (id && id === w.store.sessionId) return;
    clearTimeout(this.eraseTimer);
    this.eraseTimer = null;
    w.store.state = w.store.load();
    w.r.announcer.replaceChildren();
    w.setTyping(false);
    w.renderTranscript();
    w.connection.restart();
  }

  /** Bot messages while a deletion the person asked for runs are not shown (its yes/no question). */
  swallow(data) {
    if (isClearMessage(data)) {
      this.forget("erasedAll");
      return true;
    }
    return this.erasing;
  }

  /** Shows (kind "refused" | "unreachable") or hides (null) the can't-connect notice. */
  showTrouble(kind) {
    const changed = kind !== this.trouble;
    this.trouble = kind;
    const { r, language, config } = this.w;
    r.trouble.hidden = !kind;
    r.troubleContact.replaceChildren();
    if (!kind) {
      r.troubleText.textContent = "";
      return;
    }
    r.troubleText.textContent = t(language, kind);
    const items = contactItems(r.root.ownerDocument, config.contact, config.city, language);
    if (items.length) r.troubleContact.append(...items);
    else r.troubleText.textContent += ` ${t(language, "noContact")}`;
    if (changed) this.w.announce(`${r.troubleText.textContent} ${r.troubleContact.textContent}`.trim());
  }

  /** Relabels the notice after a language change. */
  relabel() {
    if (this.trouble) this.showTrouble(this.trouble);
  }
}

/** <li> elements for the contact's name (a link when it has a url) and phone (a tel: link). */
function contactItems(doc, contact, city, language) {
  const items = [];
  const name = contact.name || city;
  if (contact.url) {
    const a = doc.createElement("a");
    a.href = contact.url;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    a.textContent = name || contact.url;
    const hint = doc.createElement("span");
    hint.className = "sr-only";
    hint.textContent = ` ${t(language, "opensNewTab")}`;
    a.appendChild(hint);
    items.push(listItem(doc, [a]));
  } else if (name && contact.phone) {
    items.push(listItem(doc, [doc.createTextNode(name)]));
  }
  if (contact.phone) {
    const tel = doc.createElement("a");
    tel.href = `tel:${contact.phone.replace(/[^0-9+]/g, "")}`;
    tel.textContent = contact.phone;
    items.push(listItem(doc, [doc.createTextNode(`${t(language, "phone")}: `), tel]));
  }
  return items;
}

function listItem(doc, children) {
  const li = doc.createElement("li");
  li.append(...children);
  return li;
}
