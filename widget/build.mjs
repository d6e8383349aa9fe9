// Bundles src/index.js and socket.io-client into ONE file served by the web app:
// ../bot/web/static/widget.js. `npm ci && npm run build` rebuilds it.
import * as esbuild from "esbuild";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));

// The widget's languages come from the locale registry and its strings from the
// catalogue: regenerate src/locales.js and src/strings.js first.
const venvPython = path.join(here, "..", ".venv", "bin", "python");
const python = existsSync(venvPython) ? venvPython : "python3";
for (const [script, file, source] of [
  ["widget_locales.py", "src/locales.js", "bot/locale/locales.yml"],
  ["widget_strings.py", "src/strings.js", "bot/locale/messages/*/widget.ftl"],
]) {
  try {
    execFileSync(python, [path.join(here, "..", "scripts", script)], { stdio: "inherit" });
  } catch (error) {
    console.error(`widget: could not regenerate ${file} from ${source} (${error.message}); building with the committed file`);
  }
}
const options = {
  entryPoints: [path.join(here, "src", "index.js")],
  outfile: path.join(here, "..", "bot", "web", "static", "widget.js"),
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["es2019", "chrome80", "firefox78", "safari13"],
  minify: true,
  sourcemap: false,
  legalComments: "eof",
  banner: { js: "/*! DigiPoint chat widget - built from widget/ (npm run build); MIT */" },
  logLevel: "info",
};

if (process.argv.includes("--watch")) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
