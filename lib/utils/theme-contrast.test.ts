import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "./contrast";

// The light and dark themes in app/globals.css, held to WCAG AA: text pairs the app uses at 4.5:1,
// chart series and control colours at 3:1 against the card surface. The figures (surface #ffffff
// light / #16191f dark) at the time of writing:
//   series      light  dark      series     light  dark
//   subscription 5.19  3.39      message     3.42  5.15
//   renewal      3.06  7.63      post        3.06  5.75
//   tip          3.05  7.82      referral    3.87  4.55
//   others       3.36  5.23      earnings    3.77  9.16
//   cohort A     3.92  8.77      cohort B    5.17  6.92
// A palette change that drops one below its floor fails here with the pair named.

const css = readFileSync(path.resolve(import.meta.dirname, "../../app/globals.css"), "utf8");

function block(selector: RegExp): Record<string, string> {
  const start = css.search(selector);
  const body = css.slice(css.indexOf("{", start) + 1, css.indexOf("\n}", start));
  return Object.fromEntries([...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)].map((m) => [m[1]!, m[2]!]));
}

// Light: the @theme tokens and :root's chart colours; dark: the .dark overrides on top.
const light = { ...block(/^@theme \{/m), ...block(/^:root \{/m) };
const dark = { ...light, ...block(/^\.dark \{/m) };
const THEMES = { light, dark };

const TEXT_PAIRS: [fg: string, bg: string][] = [
  ["color-ink", "color-surface"],
  ["color-ink", "color-canvas"],
  ["color-muted", "color-surface"],
  ["color-muted", "color-canvas"],
  ["color-brand-700", "color-surface"],
  ["color-brand-800", "color-brand-50"],
  ["color-brand-900", "color-brand-100"],
  ["chart-axis", "color-surface"],
  ["chart-marker-ink", "chart-marker"],
];
const DARK_TEXT_PAIRS: [string, string][] = [
  ["color-red-700", "color-red-50"],
  ["color-red-900", "color-red-50"],
  ["color-amber-800", "color-amber-50"],
  ["color-amber-900", "color-amber-50"],
  ["color-sky-800", "color-sky-50"],
  ["color-sky-900", "color-sky-50"],
  ["color-zinc-700", "color-zinc-100"],
  ["color-zinc-600", "color-surface"],
  ["color-emerald-700", "color-surface"],
];
const SERIES = [
  "subscription",
  "renewal",
  "tip",
  "message",
  "post",
  "referral",
  "others",
  "earnings",
  "cohort-a",
  "cohort-b",
  "net",
];

function ratio(theme: Record<string, string>, a: string, b: string) {
  const fg = theme[a];
  const bg = theme[b];
  if (!fg || !bg) throw new Error(`missing --${fg ? b : a}`);
  return contrastRatio(fg, bg);
}

describe.each(Object.entries(THEMES))("%s theme", (_name, theme) => {
  it.each(TEXT_PAIRS)("text %s on %s reaches 4.5:1", (fg, bg) => {
    expect(ratio(theme, fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(SERIES)("chart series %s reaches 3:1 on the surface", (s) => {
    expect(ratio(theme, `chart-${s}`, "color-surface")).toBeGreaterThanOrEqual(3);
  });
  it("white text on the primary and danger fills reaches 4.5:1", () => {
    expect(contrastRatio("#ffffff", theme["color-brand-600"]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#ffffff", theme["color-brand-strong"]!)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio("#ffffff", theme["color-red-strong"]!)).toBeGreaterThanOrEqual(4.5);
  });
  it("the focus ring (brand-700) reaches 3:1 on the surface and the canvas", () => {
    expect(ratio(theme, "color-brand-700", "color-surface")).toBeGreaterThanOrEqual(3);
    expect(ratio(theme, "color-brand-700", "color-canvas")).toBeGreaterThanOrEqual(3);
  });
});

describe("dark theme's mirrored tints", () => {
  it.each(DARK_TEXT_PAIRS)("%s on %s reaches 4.5:1", (fg, bg) => {
    expect(ratio(dark, fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
  it("keeps white text fills that sit under text-white", () => {
    expect(dark["color-brand-600"]).toBe(light["color-brand-600"]);
  });
});
