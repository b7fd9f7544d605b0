import { cn } from "@/lib/utils/cn";

// A filled area line drawn as one SVG path: a sparkline needs no chart
// library (recharts is ~100 kB gzipped). The curve is monotone cubic
// (Fritsch–Carlson, the same as d3's curveMonotoneX), so it never overshoots
// the data. Stretched to its box (viewBox units, non-scaling stroke).

const W = 100;
const H = 100;

export type SparkPoint = { label: string; value: number };

/** Tangents of a monotone cubic through (xs, ys), as d3's curveMonotoneX computes them. */
function tangents(xs: number[], ys: number[]): number[] {
  const n = xs.length;
  const h = xs.slice(1).map((x, i) => x - xs[i]!);
  const s = h.map((hi, i) => (ys[i + 1]! - ys[i]!) / hi);
  const inner = (i: number) => {
    const [s0, s1, h0, h1] = [s[i - 1]!, s[i]!, h[i - 1]!, h[i]!];
    const p = (s0 * h1 + s1 * h0) / (h0 + h1);
    return (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  };
  const m = xs.map((_, i) => (i === 0 || i === n - 1 ? 0 : inner(i)));
  // Ends: the secant adjusted by the neighbouring tangent (d3's slope2).
  m[0] = (3 * s[0]! - m[1]!) / 2;
  m[n - 1] = (3 * s[n - 2]! - m[n - 2]!) / 2;
  if (n === 2) [m[0], m[1]] = [s[0]!, s[0]!];
  return m;
}

/** The line through the points (`M…C…`), in viewBox units. */
export function sparkPath(values: number[], top = 6): string {
  if (values.length === 0) return "";
  // From 0 (or the lowest value, if one is below it, e.g. a refund day) to the highest.
  const [lo, hi] = [Math.min(0, ...values), Math.max(0, ...values)];
  const y = (v: number) => (hi === lo ? H : H - ((v - lo) / (hi - lo)) * (H - top));
  if (values.length === 1) return `M0,${y(values[0]!)}L${W},${y(values[0]!)}`;
  const xs = values.map((_, i) => (i / (values.length - 1)) * W);
  const ys = values.map(y);
  const m = tangents(xs, ys);
  const r = (v: number) => Math.round(v * 100) / 100;
  let d = `M${r(xs[0]!)},${r(ys[0]!)}`;
  for (let i = 0; i < xs.length - 1; i++) {
    const h = (xs[i + 1]! - xs[i]!) / 3;
    d += `C${r(xs[i]! + h)},${r(ys[i]! + h * m[i]!)},${r(xs[i + 1]! - h)},${r(ys[i + 1]! - h * m[i + 1]!)},${r(xs[i + 1]!)},${r(ys[i + 1]!)}`;
  }
  return d;
}

/** Decoration only (the caller hides it from screen readers): each point's label shows on hover. */
export function Sparkline({
  points,
  color,
  className,
  testId,
}: {
  points: SparkPoint[];
  color: string;
  className?: string;
  testId?: string;
}) {
  const line = sparkPath(points.map((p) => p.value));
  const step = points.length > 1 ? W / (points.length - 1) : W;
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      className={cn("block size-full overflow-visible", className)}
      focusable="false"
      data-testid={testId}
    >
      {line ? <path d={`${line}L${W},${H}L0,${H}Z`} fill={color} fillOpacity={0.13} stroke="none" /> : null}
      {line ? <path d={line} fill="none" stroke={color} strokeWidth={1.5} vectorEffect="non-scaling-stroke" /> : null}
      {points.map((p, i) => (
        <rect key={i} x={Math.max(0, i * step - step / 2)} y={0} width={step} height={H} fill="transparent">
          <title>{p.label}</title>
        </rect>
      ))}
    </svg>
  );
}
