// The service worker's VERSION: a hash of every file it precaches. A changed
// icon or offline page gives a new worker (the browser compares sw.js byte by
// byte), and that worker replaces the old cache. scripts/pwa-assets.mjs writes
// it; scripts/pwa-assets.test.ts fails when it is out of date.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export const SW_PATH = "public/sw.js";

/** The URLs in sw.js's `const PRECACHE = [ … ]`. */
export function precacheUrls(swSource) {
  const list = /const PRECACHE = \[([^\]]*)\]/.exec(swSource);
  if (!list) throw new Error(`${SW_PATH} has no \`const PRECACHE = [ … ]\``);
  return [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

/** The file behind a URL: public/ first, then Next's metadata files in app/ (favicon.ico, icon.svg, apple-icon.png). */
export function fileOf(root, url) {
  for (const dir of ["public", "app"]) {
    const file = path.join(root, dir, url);
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`${SW_PATH} precaches ${url}, which is neither in public/ nor in app/`);
}

/** 12 hex digits of SHA-256 over each precached URL and its file's bytes. */
export function precacheVersion(root, swSource) {
  const hash = crypto.createHash("sha256");
  for (const url of precacheUrls(swSource)) {
    hash.update(url + "\0");
    hash.update(fs.readFileSync(fileOf(root, url)));
  }
  return hash.digest("hex").slice(0, 12);
}

/** The VERSION written in sw.js. */
export function writtenVersion(swSource) {
  return /const VERSION = "([^"]*)";/.exec(swSource)?.[1] ?? null;
}

/** Writes the current hash into sw.js; returns it. */
export function updateSwVersion(root) {
  const file = path.join(root, SW_PATH);
  const source = fs.readFileSync(file, "utf8");
  const version = precacheVersion(root, source);
  if (writtenVersion(source) === null) throw new Error(`${SW_PATH} has no \`const VERSION = "…";\``);
  fs.writeFileSync(file, source.replace(/const VERSION = "[^"]*";/, `const VERSION = "${version}";`));
  return version;
}
