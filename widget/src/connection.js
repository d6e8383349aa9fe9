// socket.io link to Rasa's socket.io channel. Messages typed while offline wait
// in an outbox and go out after the server confirms the session again, so a
// reconnect keeps the same conversation (Rasa's session_persistence).
import { io } from "socket.io-client";

export class Connection {
  /**
   * options: serverUrl, socketPath, getSessionId(), onBotMessage(data),
   * onStatus("connecting" | "online" | "offline"), onSessionId(id).
   */
  constructor(options) {
    this.options = options;
    this.socket = null;
    this.ready = false;
    this.outbox = [];
    this.everOnline = false;
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
      this.options.onStatus("online", this.everOnline);
      this.everOnline = true;
      this.flush();
    });
    socket.on("bot_uttered", (data) => this.options.onBotMessage(data));
    socket.on("disconnect", () => {
      this.ready = false;
      this.options.onStatus("offline");
    });
    socket.on("connect_error", () => {
      this.ready = false;
      this.options.onStatus(this.everOnline ? "offline" : "connecting");
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
