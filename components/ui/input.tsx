import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// Text-like fields in one look (text, search, number, date, time). A field
// marked aria-invalid shows red, so an inline error and its field agree. On
// touch screens and phones a field is 44 px tall, its text 16 px (smaller text
// makes iOS zoom the page on focus).

const FIELD =
  "rounded-lg border border-line bg-surface px-3 text-sm shadow-sm placeholder:text-muted focus-visible:outline-2 focus-visible:outline-brand-500 disabled:opacity-60 aria-[invalid=true]:border-red-400 aria-[invalid=true]:bg-red-50/40 touch:text-base";

export function Input({
  className,
  size = "md",
  ...props
}: Omit<ComponentProps<"input">, "size"> & { size?: "sm" | "md" }) {
  return (
    <input className={cn(FIELD, size === "sm" ? "h-8 px-2 touch:h-11" : "h-10 touch:h-11", className)} {...props} />
  );
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(FIELD, "py-2", className)} {...props} />;
}
