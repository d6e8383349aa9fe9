// socket.io link to Rasa's socket.io channel. Messages typed while offline wait
// in an outbox and go out after the server confirms the session again, so a
// reconnect keeps the same conversation (Rasa's session_persistence).
//
// A page whose origin the server does not allow never connects: the server
// answers the socket.io handshake with 400 (or refuses the namespace), and the
// browser only reports a generic connect_error. So after a few failed attempts
// before the first success the widget asks whether the server answers at all
// (a no-cors request: any HTTP answer counts). If it answers, the page is
// refused ("refused"); if not, the server cannot be reached ("unreachable").
// Both keep retrying: a later connection clears the message.
import { io } from "socket.io-client";

// Failed attempts before the first success after which the server is probed.
const FAILURES_BEFORE_PROBE = 2;

export class Connection {
  /**
   * options: serverUrl, socketPath, getSessionId(), onBotMessage(data),
   * onStatus("connecting" | "online" | "offline" | "refused" | "unreachable", wasOnline),
   * onSessionId(id).
   */
  constructor(options) {
    this.options = options;
    this.socket = null;
    this.ready = false;
    this.outbox = [];
    this.everOnline = false;
    this.failures = 0;
    this.probing = false;
    this.blocked = false;
    this.restarting = false;
  }

  /** Opens the connection (once); later calls do nothing. */
  start() {
    if (this.socket) return;
    const { serverUrl, socketPath } = this.options;
    this.options.onStatus("connecting");
    const socket = io(serverUrl, {
      path: socketPath,
      // WebSocket first (no sticky sessions needed); where a network blocks it,
      // long polling (kept on one Rasa process by the proxy).
      transports: ["websocket", "polling"],
      tryAllTransports: true,
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      timeout: 10000,
    });
    this.socket = socket;
    socket.on("connect", () => {
      socket.emit("session_request", { session_id: this.options.getSessionId() });
    });
    socket.on("session_confirm", (confirmed) => {
      const id = typeof confirmed === "string" ? confirmed : confirmed && confirmed.session_id;
      if (id && id !== this.options.getSessionId()) this.options.onSessionId(id);
      this.ready = true;
      this.failures = 0;
      this.blocked = false;
      // After our own restart() nothing was lost, so no "connection restored".
      this.options.onStatus("online", this.everOnline && !this.restarting);
      this.everOnline = true;
      this.restarting = false;
      this.flush();
    });
    socket.on("bot_uttered", (data) => this.options.onBotMessage(data));
    socket.on("disconnect", (reason) => {
      this.ready = false;
      // Our own restart() is not a lost connection.
      this.options.onStatus(reason === "io client disconnect" ? "connecting" : "offline");
    });
    socket.on("connect_error", () => {
      this.ready = false;
      this.failures += 1;
      if (this.everOnline) {
        this.options.onStatus("offline");
      } else if (!socket.active) {
        // The server refused the connection itself; socket.io does not retry.
        this.refuse();
      } else if (this.blocked) {
        this.options.onStatus("refused");
      } else {
        if (this.failures >= FAILURES_BEFORE_PROBE) this.probe();
        if (!this.probing) this.options.onStatus(this.failures >= FAILURES_BEFORE_PROBE ? "unreachable" : "connecting");
      }
    });
    // The browser knows at once when the network goes; socket.io only after
    // its ping timeout. Messages typed meanwhile wait in the outbox.
    window.addEventListener("offline", () => {
      this.ready = false;
      this.options.onStatus("offline");
    });
    window.addEventListener("online", () => {
      if (socket.connected) {
        this.ready = true;
        this.options.onStatus("online", this.everOnline);
        this.flush();
      } else {
        socket.disconnect();
        socket.connect();
      }
    });
  }

  /** The page was refused: one console line for the page's developer, "refused" for the person. */
  refuse() {
    if (!this.blocked) {
      console.warn(
        `DigiPoint chat: ${this.options.serverUrl} refused this page (origin ${window.location.origin}). ` +
          "Add the origin to the chat server's ALLOWED_ORIGINS.",
      );
    }
    this.blocked = true;
    this.options.onStatus("refused");
  }

  /** Does the server answer at all? Any HTTP answer means it is up and refuses this page. */
  probe() {
    if (this.probing || this.blocked || typeof fetch !== "function") return;
    this.probing = true;
    fetch(`${this.options.serverUrl}/`, { mode: "no-cors", cache: "no-store", credentials: "omit" })
      .then(() => {
        if (!this.ready) this.refuse();
      })
      .catch(() => {
        if (!this.ready) this.options.onStatus("unreachable");
      })
      .finally(() => {
        this.probing = false;
      });
  }

  /**
   * Starts a new socket.io session: messages still waiting are dropped (they
   * belong to the old conversation), the socket reconnects and asks for the
   * session id getSessionId() now returns.
   */
  restart() {
    this.outbox = [];
    this.ready = false;
    if (!this.socket) return;
    this.restarting = true;
    this.socket.disconnect();
    this.socket.connect();
  }

  /** Sends one user message with its metadata now, or after reconnecting. */
  send(message, metadata) {
    this.outbox.push({ message, metadata });
    this.flush();
  }

  flush() {
    if (!this.ready || !this.socket) return;
    while (this.outbox.length) {
      const { message, metadata } = this.outbox.shift();
      this.socket.emit("user_uttered", {
        message,
        session_id: this.options.getSessionId(),
        metadata,
      });
    }
  }
}
