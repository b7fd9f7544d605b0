import { ATTRIBUTION_RULES } from "@/lib/schemas/performance-values";

// Words shared by the statement's screen and its CSV, so both say the same.

/** "12.5 %" from basis points (exact: bps are integers). */
export function formatRate(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""} %`;
}

/** "12.5" → 1250 basis points; null when not a percentage from 0 to 100 with at most two decimals. */
export function parseRate(input: string): number | null {
  const m = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*%?\s*$/.exec(input);
  if (!m) return null;
  const bps = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bps <= 10_000 ? bps : null;
}

/** 1250 → "12.5" (what the rate field shows for editing). */
export const rateText = (bps: number) =>
  bps % 100 === 0 ? String(bps / 100) : (bps / 100).toFixed(2).replace(/0$/, "");

/** "7 h 05 min" from whole minutes. */
export function formatMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min`;
}

export const ruleLabel = (rule: string) => ATTRIBUTION_RULES.find((r) => r.rule === rule)?.label ?? rule;

export const SHIFT_END_LABELS: Record<string, string> = {
  clock_out: "Clocked out",
  idle: "Closed when idle",
  corrected: "Corrected",
};
