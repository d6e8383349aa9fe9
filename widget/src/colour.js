// Colour helpers: parse a hex colour, WCAG contrast ratio, readable text colour.

const DEFAULT_PRIMARY = "#0b4f8a";
const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** Returns `value` as #rrggbb when it is a hex colour, otherwise the default. */
export function parseHexColour(value, fallback = DEFAULT_PRIMARY) {
  const text = String(value || "").trim();
  if (!HEX.test(text)) return fallback;
  if (text.length === 4) {
    return `#${text[1]}${text[1]}${text[2]}${text[2]}${text[3]}${text[3]}`.toLowerCase();
  }
  return text.toLowerCase();
}

function channel(value) {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex) {
  const n = parseInt(hex.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrast(a, b) {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** White or near-black, whichever reads better on `background` (always >= 4.5:1). */
export function readableTextOn(background) {
  return contrast(background, "#ffffff") >= contrast(background, "#111111") ? "#ffffff" : "#111111";
}

/**
 * Colour for links, focus rings and borders on a white panel: the brand
 * colour when it reaches 4.5:1 on white, otherwise a dark neutral.
 */
export function accentOnWhite(primary) {
  return contrast(primary, "#ffffff") >= 4.5 ? primary : "#1f2937";
}
