// One-tap feedback buttons ("Useful" / "Not useful", "Yes" / "No" to "was this
// chat useful?"): their payload is /give_feedback{...} (actions/feedback.py).
// They are not an answer to the current question, so they get their own group
// that a later answer does not clear, a tap is sent without a chat bubble, and
// the chosen button shows a check mark and aria-pressed="true" (tapping the
// other one changes the answer; the bot thanks and carries on where it was).
import { t } from "./i18n.js";

const FEEDBACK_PAYLOAD = /^\/give_feedback\{.*\}$/;
const CHECK = "✓ ";

/** True for a /give_feedback{...} button payload. */
export function isFeedbackPayload(payload) {
  return typeof payload === "string" && FEEDBACK_PAYLOAD.test(payload);
}

/** Splits a message's buttons into {feedback, other} (each in the original order). */
export function splitFeedback(buttons) {
  const feedback = [];
  const other = [];
  for (const button of buttons || []) (isFeedbackPayload(button.payload) ? feedback : other).push(button);
  return { feedback, other };
}

/**
 * The feedback group of one message: a labelled group ("Was this useful?: <first line>")
 * of toggle buttons. `send(payload)` sends a tap to the bot without showing a bubble.
 */
export function renderFeedback(doc, buttons, text, language, send) {
  const group = doc.createElement("div");
  group.className = "quick feedback";
  group.setAttribute("role", "group");
  const context = String(text || "").split("\n")[0].slice(0, 80);
  group.setAttribute("aria-label", context ? `${t(language, "feedbackGroup")} ${context}` : t(language, "feedbackGroup"));
  const nodes = buttons.map((button) => {
    const node = doc.createElement("button");
    node.type = "button";
    node.textContent = button.title;
    node.setAttribute("aria-pressed", "false");
    node.dataset.title = button.title;
    node.addEventListener("click", () => {
      if (node.getAttribute("aria-pressed") === "true") return;
      for (const other of nodes) {
        const chosen = other === node;
        other.setAttribute("aria-pressed", String(chosen));
        other.textContent = chosen ? `${CHECK}${other.dataset.title}` : other.dataset.title;
      }
      send(button.payload);
    });
    group.appendChild(node);
    return node;
  });
  return group;
}
