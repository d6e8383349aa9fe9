// Entry point: <script src=".../widget.js" data-server-url data-city
// data-language data-title data-primary-colour> adds the DigiPoint chat box.
import { findScriptTag, readConfig } from "./config.js";
import { Widget } from "./widget.js";

function mount() {
  if (window.__digipointWidget) return; // one widget per page
  const config = readConfig(scriptTag);
  const host = document.createElement("div");
  host.id = "digipoint-chat";
  host.setAttribute("data-digipoint", "widget");
  document.body.appendChild(host);
  window.__digipointWidget = new Widget(host, config);
}

const scriptTag = findScriptTag();
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
