import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export function Select({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      className={cn(
        "h-10 max-w-full rounded-lg border border-line bg-surface px-3 text-sm shadow-sm focus-visible:outline-2 focus-visible:outline-brand-500 touch:h-11 touch:text-base",
        className,
      )}
      {...props}
    />
  );
}

export function Field({
  label,
  error,
  children,
  htmlFor,
}: {
  label: string;
  error?: string | null;
  children: React.ReactNode;
  htmlFor?: string;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={htmlFor} className="text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
