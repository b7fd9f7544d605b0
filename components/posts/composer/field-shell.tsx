import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** A composer section: a label, the control, and its error (named after the
 * field, shown as the user types) or a hint. */
export function FieldShell(p: {
  id: string;
  label: string;
  error?: string | null;
  hint?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("flex flex-col gap-2", p.className)} data-field={p.id}>
      <div className="flex items-baseline justify-between gap-3">
        <span className="text-sm font-semibold" id={`${p.id}-label`}>
          {p.label}
        </span>
        {p.aside}
      </div>
      {p.children}
      {p.error ? (
        <p className="text-sm text-red-700" role="alert" id={`${p.id}-error`} data-testid={`error-${p.id}`}>
          <span className="font-medium">{p.label}:</span> {p.error}
        </p>
      ) : p.hint ? (
        <p className="text-xs text-muted">{p.hint}</p>
      ) : null}
    </div>
  );
}
