// How a tracking link's figures read, the same on screen and in the CSV.

/** ROI ratio → tenths of a percent, rounded once (half away from zero): 1.2345 → 123.5. */
export function roiPercent(roi: number): number {
  return (Math.sign(roi) * Math.round(Math.abs(roi) * 1000)) / 10;
}

/** ROI ratio → "+123.5%", "-40.0%", "0.0%". */
export function formatRoi(roi: number): string {
  const p = roiPercent(roi);
  return `${p > 0 ? "+" : ""}${p.toFixed(1)}%`;
}
