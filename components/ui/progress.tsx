import { cn } from "@/lib/utils/cn";

const TONES = {
  brand: ["bg-zinc-100", "bg-brand-500"],
  sky: ["bg-sky-100", "bg-sky-500"],
  upload: ["bg-zinc-200", "bg-brand-600"],
  warning: ["bg-zinc-200", "bg-amber-500"],
} as const;

/** A progress bar with its accessible value; `value` null: under way, amount unknown (pulses).
 * `label` is required: a progressbar without a name is announced as nothing (axe: aria-progressbar-name). */
export function Progress({
  value,
  label,
  tone = "brand",
  thin,
  className,
  testId,
}: {
  value: number | null;
  label: string;
  tone?: keyof typeof TONES;
  thin?: boolean;
  className?: string;
  testId?: string;
}) {
  const [track, bar] = TONES[tone];
  return (
    <div
      className={cn("overflow-hidden rounded-full", thin ? "h-1.5" : "h-2", track, className)}
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value ?? undefined}
      aria-label={label}
      data-testid={testId}
    >
      <div
        className={cn(
          "h-full rounded-full",
          bar,
          value === null ? "w-1/3 animate-pulse" : "transition-[width] duration-500",
        )}
        style={value === null ? undefined : { width: `${value}%` }}
      />
    </div>
  );
}
