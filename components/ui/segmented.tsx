"use client";

import { useRef, type KeyboardEvent } from "react";
import { cn } from "@/lib/utils/cn";

/** Moves that step through a radio group: the arrows by one (wrapping, as the WAI-ARIA pattern has
 * it), Home/End to the ends; null for any other key. */
export function segmentStep(key: string, at: number, count: number): number | null {
  if (count <= 0) return null;
  if (key === "ArrowRight" || key === "ArrowDown") return (at + 1) % count;
  if (key === "ArrowLeft" || key === "ArrowUp") return (at - 1 + count) % count;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}

/**
 * A few mutually exclusive choices shown side by side (Day / Week / Month, All / Images / Videos).
 * A radio group to assistive technology and to the keyboard: one Tab stop (the chosen option),
 * the arrow keys move the choice, as with native radios. 44 px tall on touch screens.
 */
export function Segmented<T>({
  label,
  options,
  value,
  onChange,
  testId,
  className,
}: {
  label: string;
  options: { value: T; label: string }[];
  value: T;
  onChange: (v: T) => void;
  testId?: string;
  className?: string;
}) {
  const group = useRef<HTMLDivElement>(null);
  const chosen = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = segmentStep(e.key, chosen, options.length);
    if (next === null) return;
    e.preventDefault();
    onChange(options[next]!.value);
    group.current?.querySelectorAll<HTMLButtonElement>('[role="radio"]')[next]?.focus();
  };
  return (
    <div
      ref={group}
      role="radiogroup"
      aria-label={label}
      className={cn(
        "flex max-w-full overflow-x-auto rounded-lg border border-line bg-surface p-0.5 shadow-sm",
        className,
      )}
      data-testid={testId}
      onKeyDown={onKeyDown}
    >
      {options.map((o, i) => (
        <button
          key={o.label}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          tabIndex={i === chosen ? 0 : -1}
          onClick={() => onChange(o.value)}
          className={cn(
            "h-8 flex-1 rounded-md px-3 text-sm font-medium whitespace-nowrap touch:h-11",
            o.value === value ? "bg-brand-600 text-white" : "text-zinc-700 hover:bg-black/5",
          )}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
