// Keeps the session id and the visible transcript in localStorage so a
// conversation survives reloads and moving between pages of the same site.
// Everything expires after `sessionHours` of inactivity; "start over" clears
// the transcript; "delete my data" and "end and clear" forget everything.

const MAX_MESSAGES = 80;

function safeStorage(kind) {
  try {
    const store = window[kind];
    const probe = "__digipoint_probe__";
    store.setItem(probe, "1");
    store.removeItem(probe);
    return store;
  } catch (_) {
    return null; // storage disabled (private mode, blocked cookies): memory only
  }
}

function newSessionId() {
  if (window.crypto && typeof window.crypto.randomUUID === "function") {
    return window.crypto.randomUUID().replace(/-/g, "");
  }
  const bytes = new Uint8Array(16);
  window.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class SessionStore {
  /** `namespace` separates widgets talking to different servers. */
  constructor(namespace, sessionHours) {
    this.key = `digipoint:${namespace}`;
    this.ttlMs = sessionHours * 3600 * 1000;
    this.local = safeStorage("localStorage");
    this.perTab = safeStorage("sessionStorage");
    this.state = this.load();
  }

  load() {
    const empty = { sessionId: newSessionId(), updatedAt: Date.now(), language: null, messages: [], greeted: false };
    if (!this.local) return empty;
    try {
      const saved = JSON.parse(this.local.getItem(this.key) || "null");
      if (!saved || typeof saved.sessionId !== "string" || !/^[0-9a-f]{16,64}$/.test(saved.sessionId)) return empty;
      if (Date.now() - Number(saved.updatedAt || 0) > this.ttlMs) return empty;
      return {
        sessionId: saved.sessionId,
        updatedAt: saved.updatedAt,
        language: typeof saved.language === "string" ? saved.language : null,
        messages: Array.isArray(saved.messages) ? saved.messages.slice(-MAX_MESSAGES) : [],
        greeted: Boolean(saved.greeted),
      };
    } catch (_) {
      return empty;
    }
  }

  save() {
    this.state.updatedAt = Date.now();
    this.state.messages = this.state.messages.slice(-MAX_MESSAGES);
    if (!this.local) return;
    try {
      this.local.setItem(this.key, JSON.stringify(this.state));
    } catch (_) {
      /* quota exceeded: keep going in memory */
    }
  }

  get sessionId() {
    return this.state.sessionId;
  }

  addMessage(message) {
    this.state.messages.push(message);
    this.save();
  }

  /** Forgets the visible transcript; the session id stays (the bot restarts it). */
  clearTranscript() {
    this.state = { ...this.state, messages: [], greeted: false };
    this.save();
  }

  /**
   * Forgets the whole conversation on this device: the saved transcript and
   * the session id are removed from localStorage; a new session id starts.
   * Only the language stays (it is no one's personal data).
   */
  forget() {
    if (this.local) {
      try {
        this.local.removeItem(this.key);
      } catch (_) {
        /* storage went away: memory is cleared below */
      }
    }
    this.state = { sessionId: newSessionId(), updatedAt: Date.now(), language: this.state.language, messages: [], greeted: false };
    this.save();
  }

  get isOpen() {
    return this.perTab ? this.perTab.getItem(`${this.key}:open`) === "1" : false;
  }

  set isOpen(value) {
    if (this.perTab) this.perTab.setItem(`${this.key}:open`, value ? "1" : "0");
  }
}
