import { ATTRIBUTION_RULES } from "@/lib/schemas/performance";

// Words shared by the statement's screen and its CSV, so both say the same.

/** "12.5 %" from basis points (exact: bps are integers). */
export function formatRate(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = String(bps % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  return `${whole}${frac ? `.${frac}` : ""} %`;
}

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
