import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { fileOf, precacheUrls, precacheVersion, SW_PATH, writtenVersion } from "./lib/pwa-version.mjs";
import { encodeIco, encodePng, pngSize, rasterise } from "./lib/raster.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const sw = fs.readFileSync(path.join(ROOT, SW_PATH), "utf8");
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel));

describe("the service worker's precache", () => {
  it("carries the VERSION of the files it precaches (run `node scripts/pwa-assets.mjs` after changing one)", () => {
    expect(writtenVersion(sw)).toBe(precacheVersion(ROOT, sw));
  });

  it("holds everything the offline page loads, so it renders with no network", () => {
    const html = read("public/offline.html").toString("utf8");
    const loads = [...html.matchAll(/(?:src|href)="(\/[^"]*)"/g)].map((m) => m[1]);
    expect(loads.length).toBeGreaterThan(0);
    for (const url of loads) expect(precacheUrls(sw), url).toContain(url);
    expect(precacheUrls(sw)).toContain("/offline.html");
  });

  it("lists only static files: no page or API answer is ever stored", () => {
    for (const url of precacheUrls(sw)) {
      expect(url).not.toMatch(/^\/(api|c|w)\//);
      expect(fs.existsSync(fileOf(ROOT, url)), url).toBe(true);
    }
  });
});

describe("the committed icons", () => {
  it.each([
    ["public/icons/icon-192.png", 192],
    ["public/icons/maskable-192.png", 192],
    ["public/icons/icon-512.png", 512],
    ["public/icons/maskable-512.png", 512],
    ["app/apple-icon.png", 180],
  ])("%s is %i px square", (file, size) => {
    expect(pngSize(read(file))).toEqual({ width: size, height: size });
  });

  it("favicon.ico holds 16, 32 and 48 px PNGs", () => {
    const ico = read("app/favicon.ico");
    expect([ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([1, 3]);
    const sizes = [0, 1, 2].map((i) => {
      const offset = ico.readUInt32LE(6 + i * 16 + 12);
      return pngSize(ico.subarray(offset)).width;
    });
    expect(sizes).toEqual([16, 32, 48]);
  });
});

describe("raster and encoders", () => {
  it("antialiases edges: a half-covered pixel is half opaque", () => {
    const px = rasterise(2, (x) => (x < 0.75 ? [10, 20, 30, 1] : null));
    // Pixel 0 fully inside, pixel 1 half inside (x from 0.5 to 1, inside below 0.75).
    expect([...px.subarray(0, 4)]).toEqual([10, 20, 30, 255]);
    expect([...px.subarray(4, 8)]).toEqual([10, 20, 30, 128]);
  });

  it("writes a PNG whose pixels read back unchanged", () => {
    const rgba = Uint8Array.from({ length: 3 * 3 * 4 }, (_, i) => (i * 37) % 256);
    const png = encodePng(3, rgba);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect(pngSize(png)).toEqual({ width: 3, height: 3 });
    const idatLength = png.readUInt32BE(33);
    const rows = zlib.inflateSync(png.subarray(41, 41 + idatLength));
    const pixels = [0, 1, 2].flatMap((y) => [...rows.subarray(y * 13 + 1, y * 13 + 13)]);
    expect(pixels).toEqual([...rgba]);
  });

  it("writes a 256 px entry of an .ico as 0, as the format says", () => {
    const ico = encodeIco([{ size: 256, png: Buffer.from([1, 2, 3]) }]);
    expect([ico[6], ico[7]]).toEqual([0, 0]);
    expect(ico.readUInt32LE(6 + 12)).toBe(22);
  });
});
