"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/** True while the element's content is wider than the element (it scrolls sideways). */
function useOverflowsX<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return { ref, overflows };
}

/**
 * A box that scrolls sideways when its content (a wide table, a chart) does not fit: on a phone,
 * a keyboard user must be able to scroll it too (WCAG 2.1.1; axe's scrollable-region-focusable),
 * so while it overflows it is a named, focusable region (arrow keys scroll it). When everything
 * fits it is a plain box and costs no Tab stop.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const { ref, overflows } = useOverflowsX<HTMLDivElement>();
  return (
    <div
      ref={ref}
      className={cn("overflow-x-auto", className)}
      {...(overflows ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      {children}
    </div>
  );
}
