// Finds a Chromium for Playwright without downloading one (Playwright's own
// browser download cannot work on our machines).
import fs from "node:fs";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

export function findChromium() {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${fromEnv} does not exist.`);
    return fromEnv;
  }
  const found = CANDIDATES.find((p) => fs.existsSync(p));
  if (found) return found;
  throw new Error(
    [
      "No Chromium found for the end-to-end tests.",
      "Install Debian's Chromium:   sudo apt-get update && sudo apt-get install -y chromium",
      "or point PLAYWRIGHT_CHROMIUM_EXECUTABLE at a Chromium/Chrome binary.",
      "(`npx playwright install` downloads from the internet and does not work offline.)",
    ].join("\n"),
  );
}
