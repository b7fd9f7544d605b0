import { formatCount } from "@/lib/utils/format";
import { figureSize } from "./figure-size";

/** A KPI tile. `null`/`undefined` shows "—" (no figure); 0 shows 0. */
export function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: number | null | undefined;
  hint?: string;
  testId?: string;
}) {
  const text = value === null || value === undefined ? "—" : formatCount(value);
  return (
    <div className="@container min-w-0 rounded-xl border border-line bg-surface p-3 shadow-sm sm:p-4">
      <p className="text-xs font-medium tracking-wide text-muted uppercase">{label}</p>
      <p
        className="tabular mt-2 font-semibold tracking-tight whitespace-nowrap"
        style={figureSize(text)}
        data-testid={testId}
      >
        {text}
      </p>
      {hint ? <p className="mt-1 text-xs text-muted">{hint}</p> : null}
    </div>
  );
}
