// The handoff to a coach as the person sees it: a waiting banner with the
// place in the queue and the estimated wait, "a coach has joined" / "the coach
// has left" notices, coach replies labelled with the coach's role and first
// name, and no typing indicator while the bot is paused.
//
// The bot sends these as custom data (actions/handoff.py):
//   {text, buttons?, digipoint: {from: "bot" | "coach", kind, name?, position?, minutes?}}
// kind: "queue" (waiting), "joined", "reply" (from the coach), "left", "timeout".
// The state (bot / waiting / coach) is derived from the saved messages, so a
// reload keeps it and the widget's "clear" forgets it with the messages.
import { t } from "./i18n.js";
import { normaliseBotMessage } from "./render.js";

const CSS = `
.handoff-banner { margin: 0; padding: 8px 12px; background: #eef2ff; color: #1e1b4b;
  border-bottom: 2px solid var(--dp-accent); font-size: .95em; }
.handoff-banner strong { display: block; }
.msg .who { font-size: .8em; font-weight: 700; color: #374151; margin: 0 0 2px 4px; }
.msg.coach .bubble { background: #fff7ed; color: #1f2937; border: 2px solid #9a3412; }
.msg.coach .who { color: #9a3412; }
`;

/** "Coach Anna" / "Ohjaaja Anna" / "Coach" in `language`. */
export function coachLabel(language, name) {
  const role = t(language, "roleCoach");
  return name ? `${role} ${name}` : role;
}

/** The digipoint marker of a bot message, or null. */
export function markerOf(data) {
  const mark = data && typeof data === "object" ? data.digipoint : null;
  if (!mark || typeof mark !== "object" || typeof mark.kind !== "string") return null;
  const name = typeof mark.name === "string" && mark.name.trim() ? mark.name.trim().slice(0, 40) : null;
  return { kind: mark.kind, from: mark.from === "coach" ? "coach" : "bot", name, position: mark.position, minutes: mark.minutes };
}

const STATE_OF_KIND = { queue: "waiting", joined: "coach", reply: "coach", left: "bot", timeout: "bot" };

export class HandoffView {
  /** `widget`: the Widget (its store, DOM refs `r`, language, addMessage, announce, setTyping). */
  constructor(widget) {
    this.w = widget;
    this.banner = document.createElement("p");
    this.banner.className = "handoff-banner";
    this.banner.setAttribute("role", "status");
    this.banner.hidden = true;
    const scroller = widget.r.scroller;
    scroller.parentNode.insertBefore(this.banner, scroller);
    this.adoptCss(scroller.getRootNode());
    this.restore();
  }

  adoptCss(root) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch (_) {
      const style = document.createElement("style");
      style.textContent = CSS;
      root.appendChild(style);
    }
  }

  text(key) {
    return t(this.w.language, key);
  }

  /** The state after the saved messages: "bot", "waiting" or "coach"; shows the banner if waiting. */
  restore() {
    this.state = "bot";
    this.involved = false;
    let lastQueue = null;
    for (const m of this.w.store.state.messages || []) {
      if (!m.handoff) continue;
      this.involved = true;
      this.state = STATE_OF_KIND[m.handoff] || this.state;
      if (m.handoff === "queue") lastQueue = m.text;
    }
    this.showBanner(this.state === "waiting" ? lastQueue : null);
  }

  /** True while the bot is paused (waiting for or talking with a coach): no bot typing then. */
  quiet() {
    this.restoreIfCleared();
    return this.state !== "bot";
  }

  /** The widget cleared its transcript (start over, delete my data): forget the handoff too. */
  restoreIfCleared() {
    if (!(this.w.store.state.messages || []).some((m) => m.handoff)) {
      this.state = "bot";
      this.showBanner(null);
    }
  }

  showBanner(text) {
    this.banner.replaceChildren();
    this.banner.hidden = !text;
    if (!text) return;
    const title = document.createElement("strong");
    title.textContent = this.text("waitingForCoach");
    this.banner.append(title, document.createTextNode(text));
  }

  /** Handles a handoff message (returns true) or leaves it to the widget (false). */
  receive(data) {
    const mark = markerOf(data);
    if (!mark) return false;
    const message = normaliseBotMessage(data);
    if (!message) return true;
    if (!this.involved) {
      this.involved = true;
      this.w.renderTranscript(); // label the earlier bot messages too
    }
    this.state = STATE_OF_KIND[mark.kind] || this.state;
    this.w.setTyping(false);
    const entry = { from: "bot", text: message.text, buttons: message.buttons, time: Date.now(), handoff: mark.kind };
    if (mark.kind === "queue" || mark.kind === "joined" || mark.kind === "left") entry.from = "system";
    if (mark.from === "coach") {
      entry.author = "coach";
      entry.name = mark.name;
    }
    this.showBanner(mark.kind === "queue" ? message.text : null);
    // The banner (role="status") reads out queue changes; notices go through the announcer.
    this.w.addMessage(entry, entry.from === "system" && mark.kind !== "queue");
    if (entry.from === "bot") {
      const who = entry.author === "coach" ? coachLabel(this.w.language, entry.name) : this.text("bot");
      this.w.announce(`${who}: ${entry.text}`);
    }
    return true;
  }

  /**
   * Labels a rendered message: coach replies with "Coach Anna" (visible and for
   * screen readers); once a coach was involved, bot messages with the bot's role ("Guide").
   */
  decorate(li, entry) {
    if (entry.from !== "bot") return;
    const coach = entry.author === "coach";
    if (!coach && !this.involved) return;
    const label = coach ? coachLabel(this.w.language, entry.name) : this.text("bot");
    if (coach) li.classList.add("coach");
    const sr = li.querySelector(".sr-only");
    if (sr) sr.textContent = `${label}: `;
    const who = document.createElement("span");
    who.className = "who";
    who.setAttribute("aria-hidden", "true");
    who.textContent = label;
    li.insertBefore(who, li.querySelector(".bubble"));
  }
}
