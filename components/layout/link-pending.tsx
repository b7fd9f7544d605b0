"use client";

import { useLinkStatus } from "next/link";
import { cn } from "@/lib/utils/cn";

/** Inside a menu link: a small pulsing dot while the page it opens is on its
 * way, so a tap on a slow phone is answered at once. Dashboard pages are
 * dynamic and have no loading.tsx on purpose: Next then prefetches a link in
 * view without rendering its page (≈400 B, no query), where a loading
 * boundary made every link in view render the layout (12 kB, 3 queries,
 * ×18 links a page). */
export function LinkPending({ className = "ml-auto size-1.5 rounded-full" }: { className?: string }) {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      data-pending={pending || undefined}
      className={cn(
        "shrink-0 bg-brand-600 opacity-0 transition-opacity delay-100 data-pending:animate-pulse data-pending:opacity-100",
        className,
      )}
    />
  );
}
