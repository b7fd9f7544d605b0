"use client";

import { Dialog as D } from "radix-ui";
import { X } from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import { useReturnFocus } from "./return-focus";

// One look for every overlay (Radix: focus trap, Esc, labelled, scroll lock):
// a centred dialog in three widths, a side sheet (the fan panel), and a
// full-screen viewer (the media preview). Features compose these instead of
// styling Radix's parts themselves. Opened from a button of ours rather than a Radix trigger, each
// one gives focus back to that button when it closes (useReturnFocus).

const OVERLAY = "fixed inset-0 z-50 bg-black/40";
const WIDTH = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-2xl" } as const;

type Common = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** Read to screen readers only (the sheet and viewer show their own heading). */
  hideTitle?: boolean;
  testId?: string;
  children: ReactNode;
} & Pick<
  ComponentProps<typeof D.Content>,
  | "onKeyDown"
  | "onOpenAutoFocus"
  | "onCloseAutoFocus"
  | "onEscapeKeyDown"
  | "onPointerDownOutside"
  | "onInteractOutside"
>;

/** A centred dialog: a title, then its body (scrolls within 90 % of the screen's height). */
export function Dialog({
  open,
  onOpenChange,
  title,
  hideTitle,
  testId,
  children,
  size = "sm",
  className,
  bodyClassName,
  ...content
}: Common & {
  size?: keyof typeof WIDTH;
  className?: string;
  /** Optional: classes for the body's wrapper (e.g. a flex column for a body with its own scroller). */
  bodyClassName?: string;
}) {
  const returnFocus = useReturnFocus(open);
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className={OVERLAY} />
        <D.Content
          {...content}
          onCloseAutoFocus={content.onCloseAutoFocus ?? returnFocus}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 flex max-h-[90dvh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col overflow-y-auto rounded-xl bg-surface p-5 shadow-xl outline-none",
            WIDTH[size],
            className,
          )}
          aria-describedby={undefined}
          data-testid={testId}
        >
          <D.Title className={hideTitle ? "sr-only" : "text-lg font-semibold"}>{title}</D.Title>
          <div className={cn(hideTitle ? "" : "mt-4", bodyClassName)}>{children}</div>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

const SHEET_SIDE = {
  right: "inset-y-0 right-0 w-full shadow-2xl sm:max-w-md sm:border-l sm:border-line",
  // Within a thumb's reach on a phone; above the home indicator (the safe area).
  bottom:
    "inset-x-0 bottom-0 max-h-[85dvh] rounded-t-2xl pb-[env(safe-area-inset-bottom)] shadow-[0_-8px_30px_rgb(0_0_0/0.12)]",
} as const;

/** A panel sliding in from the right edge (full width on phones), or up from the bottom (a phone's menu). */
export function Sheet({
  open,
  onOpenChange,
  title,
  hideTitle = true,
  testId,
  children,
  side = "right",
  ...content
}: Common & { side?: keyof typeof SHEET_SIDE }) {
  const returnFocus = useReturnFocus(open);
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className={OVERLAY} />
        <D.Content
          {...content}
          onCloseAutoFocus={content.onCloseAutoFocus ?? returnFocus}
          className={cn("fixed z-50 flex flex-col bg-surface outline-none", SHEET_SIDE[side])}
          aria-describedby={undefined}
          data-testid={testId}
        >
          <D.Title className={hideTitle ? "sr-only" : "px-5 pt-5 pr-14 text-lg font-semibold"}>{title}</D.Title>
          {/* A sheet showing its title gets the close button beside it; one with its own header brings its own. */}
          {!hideTitle ? (
            <D.Close
              className="absolute top-[1.125rem] right-5 rounded-lg p-1.5 hover:bg-black/5 touch:top-2.5 touch:right-3 touch:p-3"
              aria-label="Close"
            >
              <X className="size-5" aria-hidden="true" />
            </D.Close>
          ) : null}
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** The whole screen, dark, for looking at media (its own bar carries the title). */
export function Viewer({ open, onOpenChange, title, testId, children, ...content }: Omit<Common, "hideTitle">) {
  const returnFocus = useReturnFocus(open);
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-50 bg-zinc-950/95" />
        <D.Content
          {...content}
          onCloseAutoFocus={content.onCloseAutoFocus ?? returnFocus}
          className="fixed inset-0 z-50 flex flex-col outline-none lg:flex-row"
          aria-describedby={undefined}
          data-testid={testId}
        >
          <D.Title className="sr-only">{title}</D.Title>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** A button that closes the dialog it sits in. */
export const DialogClose = D.Close;

/** A form dialog's last row: the error that names no field, then Cancel and the submit button
 * (a `<form>`'s submit; "Saving…" while pending). */
export function DialogActions(p: {
  error?: string | null;
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
  submitTestId?: string;
  /** A button outside a form (a confirmation): runs this instead of submitting. */
  onSubmit?: () => void;
  /** Held back until the user confirmed (e.g. typed the name). */
  disabled?: boolean;
  pendingLabel?: string;
  tone?: "primary" | "danger";
}) {
  return (
    <>
      {p.error ? (
        <p className="text-sm text-red-700" role="alert">
          {p.error}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={p.onCancel}>
          Cancel
        </Button>
        <Button
          type={p.onSubmit ? "button" : "submit"}
          variant={p.tone === "danger" ? "danger" : undefined}
          onClick={p.onSubmit}
          disabled={p.pending || p.disabled}
          data-testid={p.submitTestId}
        >
          {p.pending ? (p.pendingLabel ?? "Saving…") : p.submitLabel}
        </Button>
      </div>
    </>
  );
}
