import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

// Tick boxes and radio buttons: native inputs (forms, keyboard and screen
// readers for free) with one size, one colour and a visible focus ring.

const CHOICE =
  "size-4 shrink-0 accent-brand-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-50";

export function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="checkbox" className={cn(CHOICE, className)} {...props} />;
}

export function Radio({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return <input type="radio" className={cn(CHOICE, className)} {...props} />;
}
