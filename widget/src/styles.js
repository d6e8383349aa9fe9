// The widget's CSS, scoped to its Shadow DOM. `:host { all: initial }` stops
// the host page's inherited styles leaking in; nothing leaks out.
import { accentOnWhite, contrast, readableTextOn } from "./colour.js";

const BOT_BUBBLE = "#f1f3f5";

/** Returns the stylesheet for brand colour `primary` (#rrggbb). */
export function buildStyles(primary) {
  const onPrimary = readableTextOn(primary);
  const accent = contrast(primary, BOT_BUBBLE) >= 4.5 ? primary : accentOnWhite(primary);
  const accentText = readableTextOn(accent);
  return `
:host { all: initial; }
.root, .root * { box-sizing: border-box; }
.root {
  --dp-primary: ${primary}; --dp-on-primary: ${onPrimary};
  --dp-accent: ${accent}; --dp-on-accent: ${accentText};
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 16px; line-height: 1.45; color: #111111;
}
.sr-only {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
button, select, textarea { font: inherit; }
.launcher {
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483646;
  display: inline-flex; align-items: center; gap: 8px;
  min-height: 48px; padding: 10px 18px; border: 2px solid var(--dp-on-primary);
  border-radius: 999px; background: var(--dp-primary); color: var(--dp-on-primary);
  font-weight: 600; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.3);
}
.launcher svg { width: 22px; height: 22px; fill: currentColor; }
.launcher:focus-visible { outline: 3px solid #111111; outline-offset: 2px; box-shadow: 0 0 0 7px #ffffff; }
.panel header :focus-visible { outline: 3px solid var(--dp-on-primary); outline-offset: 2px; }
.panel {
  position: fixed; right: 16px; bottom: 80px; z-index: 2147483647;
  width: 400px; max-width: calc(100vw - 32px);
  height: 640px; max-height: calc(100vh - 100px);
  display: flex; flex-direction: column; overflow: hidden;
  background: #ffffff; color: #111111; border: 1px solid #6b7280; border-radius: 12px;
  box-shadow: 0 10px 30px rgba(0,0,0,.35);
}
.panel[hidden] { display: none; }
.panel header {
  display: flex; flex-wrap: wrap; align-items: center; gap: 6px;
  padding: 8px 10px; background: var(--dp-primary); color: var(--dp-on-primary);
}
.panel h2 { flex: 1 1 8em; margin: 0; font-size: 1.05em; font-weight: 700; min-width: 0; overflow-wrap: anywhere; }
.tools { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; }
.tool {
  min-height: 36px; min-width: 36px; padding: 4px 10px; border-radius: 6px; cursor: pointer;
  background: transparent; color: var(--dp-on-primary); border: 1px solid var(--dp-on-primary);
}
select.tool { background: var(--dp-primary); }
select.tool option { background: #ffffff; color: #111111; }
.tool.close { font-size: 1.3em; line-height: 1; padding: 2px 10px; }
.confirm { padding: 10px 12px; background: #ffffff; border-bottom: 2px solid var(--dp-accent); }
.confirm[hidden], .trouble[hidden] { display: none; }
.confirm .question { margin: 0 0 8px; font-weight: 600; }
.confirm .check { display: flex; gap: 8px; align-items: flex-start; }
.confirm input { width: 22px; height: 22px; margin: 1px 0 0; flex: 0 0 auto; accent-color: var(--dp-accent); }
.confirm .note { margin: 4px 0 8px 30px; font-size: .9em; color: #374151; }
.confirm .choices { display: flex; flex-wrap: wrap; gap: 8px; }
.confirm button {
  min-height: 44px; padding: 8px 14px; border-radius: 8px; cursor: pointer; font-weight: 600;
  border: 2px solid var(--dp-accent);
}
.confirm .yes { background: var(--dp-accent); color: var(--dp-on-accent); }
.confirm .no { background: #ffffff; color: var(--dp-accent); }
.confirm :focus-visible, .trouble :focus-visible { outline: 3px solid var(--dp-accent); outline-offset: 2px; }
.trouble { margin: 0; padding: 10px 12px; background: #fff4d6; color: #3d2f00; border-bottom: 1px solid #b08a00; }
.trouble p { margin: 0 0 6px; font-weight: 600; }
.trouble ul { margin: 0; padding-left: 1.2em; }
.trouble a { color: #3d2f00; text-decoration: underline; font-weight: 600; }
.status { margin: 0; padding: 6px 12px; background: #fff4d6; color: #3d2f00; border-bottom: 1px solid #b08a00; font-size: .9em; }
.status:empty { display: none; }
.scroller { flex: 1 1 auto; overflow-y: auto; padding: 12px; overscroll-behavior: contain; }
.scroller:focus-visible, .composer :focus-visible, .quick :focus-visible, .bubble a:focus-visible {
  outline: 3px solid var(--dp-accent); outline-offset: 2px;
}
.log { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 10px; }
.msg { display: flex; flex-direction: column; max-width: 88%; }
.msg.bot { align-self: flex-start; }
.msg.user { align-self: flex-end; align-items: flex-end; }
.msg.system { align-self: center; max-width: 100%; font-size: .9em; color: #374151; font-style: italic; }
.bubble { padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere; }
.bot .bubble { background: ${BOT_BUBBLE}; color: #111111; border-bottom-left-radius: 4px; }
.user .bubble { background: var(--dp-accent); color: var(--dp-on-accent); border-bottom-right-radius: 4px; }
.bubble a { color: var(--dp-accent); text-decoration: underline; font-weight: 600; }
.msg time { font-size: .78em; color: #4b5563; margin-top: 2px; }
.empty { color: #374151; margin: 0 0 8px; }
.quick { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 12px; }
.quick button {
  min-height: 44px; padding: 8px 14px; border-radius: 999px; cursor: pointer; text-align: left;
  background: #ffffff; color: var(--dp-accent); border: 2px solid var(--dp-accent); font-weight: 600;
}
.quick button:hover { background: var(--dp-accent); color: var(--dp-on-accent); }
.typing { display: flex; gap: 4px; align-items: center; padding: 0 16px 6px; min-height: 14px; }
.typing[hidden] { display: none; }
.typing .dot { width: 8px; height: 8px; border-radius: 50%; background: #4b5563; animation: dp-blink 1.2s infinite; }
.typing .dot:nth-child(2) { animation-delay: .2s; }
.typing .dot:nth-child(3) { animation-delay: .4s; }
@keyframes dp-blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .typing .dot { animation: none; } }
.composer { border-top: 1px solid #9ca3af; padding: 8px 10px 10px; }
.composer .row { display: flex; gap: 8px; align-items: flex-end; }
.composer textarea {
  flex: 1 1 auto; min-width: 0; min-height: 44px; max-height: 8em; resize: none;
  padding: 10px; border: 1px solid #4b5563; border-radius: 8px; color: #111111; background: #ffffff;
}
.composer .send {
  min-height: 44px; padding: 8px 14px; border-radius: 8px; cursor: pointer; font-weight: 600;
  background: var(--dp-accent); color: var(--dp-on-accent); border: 2px solid var(--dp-accent);
}
.counter { margin: 4px 0 0; font-size: .85em; color: #374151; }
.counter:empty { display: none; }
.counter.full { color: #991b1b; font-weight: 600; }
@media (max-width: 480px), (max-height: 560px) {
  .panel { inset: 0; width: 100%; max-width: 100%; height: 100%; max-height: 100%; border-radius: 0; border: 0; }
  .launcher { right: 10px; bottom: 10px; }
}
@media (forced-colors: active) {
  .launcher, .tool, .quick button, .composer .send, .confirm button { border: 2px solid ButtonText; }
}
`;
}
