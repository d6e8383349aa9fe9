// The finished self-introduction (issue 15): "Copy text" and "Download as a
// text file" under the bot's message that carries it.
//
// The bot sends it as custom data (actions/introduction.py, action_copy_introduction):
//   {text, buttons?, introduction: {text: "<plain text>", filename: "my-introduction.txt"}}
// Both are real <button>s in a labelled group; the result ("Copied.", "The text
// file is in your downloads.") is read out by a polite status line next to them.
// Copying uses the Clipboard API, and a selected hidden textarea with
// document.execCommand("copy") where that API is missing (an http page); when
// both fail the person is told to select the text. The download is a Blob URL,
// revoked right after: nothing leaves the device.
import { t } from "./i18n.js";

const MAX_TEXT = 4000;
const FILENAME = /^[\p{L}\p{N}._-]{1,80}\.txt$/u;

const CSS = `
.intro-tools { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; align-items: center; }
.intro-tools button {
  min-height: 44px; padding: 8px 14px; border-radius: 8px; cursor: pointer; font-weight: 600;
  background: var(--dp-accent); color: var(--dp-on-accent); border: 2px solid var(--dp-accent);
}
.intro-tools button:focus-visible { outline: 3px solid var(--dp-accent); outline-offset: 2px; }
.intro-tools .intro-status { flex-basis: 100%; margin: 0; font-size: .9em; color: #374151; }
.intro-tools .intro-status:empty { display: none; }
@media (forced-colors: active) { .intro-tools button { border: 2px solid ButtonText; } }
`;

/** The introduction of a bot message ({text, filename}), or null when it has none. */
export function introductionOf(data) {
  const intro = data && typeof data === "object" ? data.introduction : null;
  if (!intro || typeof intro !== "object" || typeof intro.text !== "string" || !intro.text.trim()) return null;
  const filename = typeof intro.filename === "string" && FILENAME.test(intro.filename) ? intro.filename : "introduction.txt";
  return { text: intro.text.slice(0, MAX_TEXT), filename };
}

/** Adds the tools' styles to the widget's shadow root once. */
export function adoptIntroductionCss(root) {
  if (!root || root.__dpIntroCss) return;
  root.__dpIntroCss = true;
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

/** Copies `text` through a selected, off-screen textarea in `parent`; true when the browser says it did. */
function copyBySelection(parent, text) {
  const doc = parent.ownerDocument;
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.setAttribute("aria-hidden", "true");
  area.tabIndex = -1;
  area.style.position = "fixed";
  area.style.left = "-9999px";
  parent.appendChild(area);
  area.select();
  let copied = false;
  try {
    copied = doc.execCommand("copy");
  } catch (_) {
    copied = false;
  }
  area.remove();
  return copied;
}

/** Copies `text`; resolves to true on success. */
export async function copyText(parent, text) {
  const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : null;
  if (clipboard && typeof clipboard.writeText === "function") {
    try {
      await clipboard.writeText(text);
      return true;
    } catch (_) {
      /* not allowed here: try the selection */
    }
  }
  return copyBySelection(parent, text);
}

/** Starts the download of `text` as a UTF-8 text file named `filename`. */
export function downloadText(parent, text, filename) {
  const doc = parent.ownerDocument;
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  parent.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * The tools of one introduction: a group labelled "Your introduction" with the
 * Copy and Download buttons and a status line (role="status": read out once).
 */
export function renderIntroductionTools(doc, intro, language) {
  const group = doc.createElement("div");
  group.className = "intro-tools";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", t(language, "introductionTools"));
  const status = doc.createElement("p");
  status.className = "intro-status";
  status.setAttribute("role", "status");
  const say = (key) => {
    status.textContent = t(language, key);
  };
  const copy = doc.createElement("button");
  copy.type = "button";
  copy.className = "intro-copy";
  copy.textContent = t(language, "copyIntroduction");
  copy.addEventListener("click", async () => {
    say((await copyText(group, intro.text)) ? "introductionCopied" : "introductionCopyFailed");
  });
  const download = doc.createElement("button");
  download.type = "button";
  download.className = "intro-download";
  download.textContent = t(language, "downloadIntroduction");
  download.addEventListener("click", () => {
    downloadText(group, intro.text, intro.filename);
    say("introductionDownloaded");
  });
  group.append(copy, download, status);
  return group;
}
