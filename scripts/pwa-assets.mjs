#!/usr/bin/env node
// Draws Vuedeck's icons from the sidebar's logo (components/layout/logo.tsx:
// a white "V" on a brand-green rounded square) and stamps the service
// worker's VERSION. Run after changing the mark, an icon or the offline page:
//
//   node scripts/pwa-assets.mjs
//
// Writes (all committed):
//   app/icon.svg, app/favicon.ico (16, 32, 48), app/apple-icon.png (180)
//     Next's metadata files: Next links them from every page's <head>.
//   public/icons/icon-{192,512}.png      the manifest's "any" icons (rounded, transparent corners)
//   public/icons/maskable-{192,512}.png  the manifest's "maskable" icons (full bleed, V inside the safe zone)
//   public/icons/badge-96.png            the notifications' badge (the V alone, white on transparent)
//   public/sw.js                         VERSION = hash of what it precaches
import fs from "node:fs";
import path from "node:path";
import { encodeIco, encodePng, insidePolygon, insideRoundedSquare, rasterise } from "./lib/raster.mjs";
import { updateSwVersion } from "./lib/pwa-version.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");

// The logo's geometry, in its own 32 × 32 units (components/layout/logo.tsx).
const VIEW = 32;
const CORNER = 9;
const V_PATH = "M8 10.5 14.2 23h3.6L24 10.5h-3.9L16 19.3l-4.1-8.8H8Z";
const V_POINTS = [
  [8, 10.5],
  [14.2, 23],
  [17.8, 23],
  [24, 10.5],
  [20.1, 10.5],
  [16, 19.3],
  [11.9, 10.5],
];
const BRAND = "#068447"; // --color-brand-600 (app/globals.css)
const BRAND_RGBA = [0x06, 0x84, 0x47, 1]; // BRAND as RGBA
const WHITE_RGBA = [255, 255, 255, 1];

/**
 * How each icon is cut:
 * - any: the logo as the sidebar shows it, corners transparent.
 * - full: square, no transparency: iOS rounds apple-touch icons itself and
 *   fills transparent pixels with black.
 * - maskable: square, and the V at 80 % so it stays well inside the central
 *   circle (40 % radius) that every platform's mask keeps.
 */
const CUTS = {
  any: { corner: CORNER, scale: 1 },
  full: { corner: 0, scale: 1 },
  maskable: { corner: 0, scale: 0.8 },
};

function colourAt({ corner, scale }) {
  return (x, y) => {
    const [u, v] = [x * VIEW, y * VIEW];
    if (!insideRoundedSquare(VIEW, corner, u, v)) return null;
    // The V is scaled about the square's centre.
    const c = VIEW / 2;
    return insidePolygon(V_POINTS, c + (u - c) / scale, c + (v - c) / scale) ? WHITE_RGBA : BRAND_RGBA;
  };
}

const png = (cut, size) => encodePng(size, rasterise(size, colourAt(CUTS[cut])));

/** The notification badge (Android's status bar draws only its alpha): the V alone, white on
 * transparent, enlarged (1.6×) so it reads at 24 dp. */
const BADGE_SCALE = 1.6;
function badgeAt(x, y) {
  const c = VIEW / 2;
  const [u, v] = [x * VIEW, y * VIEW];
  return insidePolygon(V_POINTS, c + (u - c) / BADGE_SCALE, c + (v - c) / BADGE_SCALE) ? WHITE_RGBA : null;
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${VIEW} ${VIEW}"><rect width="${VIEW}" height="${VIEW}" rx="${CORNER}" fill="${BRAND}"/><path d="${V_PATH}" fill="#fff"/></svg>\n`;

function write(rel, data) {
  const file = path.join(ROOT, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
  console.log(`  ${rel} (${data.length} bytes)`);
}

console.log("Drawing Vuedeck's icons:");
write("app/icon.svg", svg);
write("app/favicon.ico", encodeIco([16, 32, 48].map((size) => ({ size, png: png("any", size) }))));
write("app/apple-icon.png", png("full", 180));
for (const size of [192, 512]) {
  write(`public/icons/icon-${size}.png`, png("any", size));
  write(`public/icons/maskable-${size}.png`, png("maskable", size));
}
write("public/icons/badge-96.png", encodePng(96, rasterise(96, badgeAt)));
console.log(`Service worker VERSION: ${updateSwVersion(ROOT)}`);
