import type { ReactNode } from "react";

/** A key as printed on the keyboard (shortcut hints). */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-5 items-center justify-center rounded border border-line bg-canvas px-1 font-sans text-[11px] font-medium text-zinc-600">
      {children}
    </kbd>
  );
}
