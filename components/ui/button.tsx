import { Slot } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-strong shadow-sm disabled:bg-brand-600/60",
  secondary: "bg-surface text-ink border border-line hover:bg-canvas shadow-sm",
  ghost: "text-ink hover:bg-black/5",
  danger: "bg-red-600 text-white hover:bg-red-strong shadow-sm",
} as const;

// On touch screens and phones (`touch:`, app/globals.css) every size is at least 44 × 44 px.
const SIZES = {
  sm: "h-8 px-3 text-sm gap-1.5 touch:h-11 touch:min-w-11",
  md: "h-10 px-4 text-sm gap-2 touch:h-11 touch:min-w-11",
  lg: "h-12 px-5 text-base gap-2",
} as const;

export type ButtonProps = ComponentProps<"button"> & {
  variant?: keyof typeof VARIANTS;
  size?: keyof typeof SIZES;
  asChild?: boolean;
};

export function Button({ variant = "primary", size = "md", asChild, className, ...props }: ButtonProps) {
  const Comp = asChild ? Slot.Root : "button";
  return (
    <Comp
      className={cn(
        "inline-flex items-center justify-center rounded-lg font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-70",
        VARIANTS[variant],
        SIZES[size],
        className,
      )}
      {...props}
    />
  );
}
