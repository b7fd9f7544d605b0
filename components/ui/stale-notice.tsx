"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/viewer/viewer";

/** Shown above figures whose latest refresh from Fanvue failed: they stay on
 * screen, with their age, and the reason. */
export function StaleNotice({
  fetchedAt,
  reauth,
  onRetry,
}: {
  fetchedAt: string;
  reauth: boolean;
  onRetry?: () => void;
}) {
  const f = useFormat();
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
      Showing data from {f.ago(fetchedAt)}
      {reauth ? "." : "; trying again every 20 s."}
    </Alert>
  );
}
