"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

function age(iso: string) {
  const mins = Math.round((Date.now() - Date.parse(iso)) / 60_000);
  if (mins < 1) return "just now";
  if (mins < 60) return `${mins} min ago`;
  if (mins < 48 * 60) return `${Math.floor(mins / 60)} h ago`;
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** Shown above figures whose latest refresh from Fanvue failed: they stay on
 * screen, with their age, and the reason. */
export function StaleNotice({ fetchedAt, reauth, onRetry }: { fetchedAt: string; reauth: boolean; onRetry?: () => void }) {
  return (
    <Alert
      tone="warning"
      title={reauth ? "Reconnect Fanvue to refresh these figures" : "Could not refresh from Fanvue"}
      action={
        !reauth && onRetry ? (
          <Button size="sm" variant="secondary" onClick={onRetry}>
            Retry
          </Button>
        ) : null
      }
      data-testid="stale-notice"
    >
      Showing data from {age(fetchedAt)}{reauth ? "." : "; trying again every 20 s."}
    </Alert>
  );
}
