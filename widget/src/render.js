// Turns bot message text into DOM nodes. Text is only ever set through
// textContent / text nodes, never parsed as HTML. Only http(s) URLs become
// links, which open in a new tab without access to this page.

const TOKEN =
  /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s()]+)\)|(https?:\/\/[^\s<>"'()[\]]+)|\*\*([^*\n]{1,300})\*\*/gi;
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;

/** Returns `value` as an absolute http(s) URL string, or null. */
export function safeHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch (_) {
    return null;
  }
}

function makeLink(doc, href, label, newTabHint) {
  const a = doc.createElement("a");
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  a.textContent = label;
  const hint = doc.createElement("span");
  hint.className = "sr-only";
  hint.textContent = ` ${newTabHint}`;
  a.appendChild(hint);
  return a;
}

/**
 * Appends `text` to `parent` as text nodes, <a> for http(s) links (bare or
 * Markdown-style [label](url)) and <strong> for **bold**.
 */
export function appendRichText(parent, text, newTabHint) {
  const doc = parent.ownerDocument;
  const source = String(text ?? "");
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(source); match; match = TOKEN.exec(source)) {
    let [whole] = match;
    const [, label, mdUrl, bareUrl, bold] = match;
    let node = null;
    if (mdUrl) {
      const href = safeHttpUrl(mdUrl);
      node = href ? makeLink(doc, href, label, newTabHint) : null;
    } else if (bareUrl) {
      const trimmed = bareUrl.replace(TRAILING_PUNCTUATION, "");
      whole = trimmed;
      const href = safeHttpUrl(trimmed);
      node = href ? makeLink(doc, href, trimmed, newTabHint) : null;
    } else if (bold) {
      node = doc.createElement("strong");
      node.textContent = bold;
    }
    if (!node) continue;
    if (match.index > last) parent.appendChild(doc.createTextNode(source.slice(last, match.index)));
    parent.appendChild(node);
    last = match.index + whole.length;
    TOKEN.lastIndex = last;
  }
  if (last < source.length) parent.appendChild(doc.createTextNode(source.slice(last)));
}

/** Normalises one `bot_uttered` payload to {text, buttons:[{title, payload}], links:[]} or null. */
export function normaliseBotMessage(data) {
  if (!data || typeof data !== "object") return null;
  const text = typeof data.text === "string" ? data.text : "";
  const raw = Array.isArray(data.quick_replies) ? data.quick_replies : Array.isArray(data.buttons) ? data.buttons : [];
  const buttons = raw
    .filter((b) => b && typeof b.title === "string" && b.title.trim())
    .map((b) => ({ title: b.title.slice(0, 200), payload: typeof b.payload === "string" ? b.payload : b.title }))
    .slice(0, 20);
  let attachment = "";
  const payload = data.attachment && data.attachment.payload;
  if (payload && typeof payload.src === "string" && safeHttpUrl(payload.src)) attachment = safeHttpUrl(payload.src);
  if (!text && !buttons.length && !attachment) return null;
  return { text: attachment ? `${text}${text ? "\n" : ""}${attachment}` : text, buttons };
}
