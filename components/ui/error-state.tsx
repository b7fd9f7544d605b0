"use client";

import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiClientError } from "@/lib/queries/fetcher";

/** Failure of a data widget: what happened, and a retry (counting down when
 * Fanvue asked us to wait). Never a blank area or a misleading zero. */
export function ErrorState({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  const e = error instanceof ApiClientError ? error : null;
  const [wait, setWait] = useState(e?.code === "rate_limited" ? (e.retryAfterSec ?? 0) : 0);
  useEffect(() => {
    if (wait <= 0) return;
    const t = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(t);
  }, [wait]);
  if (e?.code === "fanvue_reauth") {
    return (
      <Alert tone="warning" title="Reconnect Fanvue to see this">
        {e.message}
      </Alert>
    );
  }
  const title =
    e?.code === "rate_limited"
      ? `Fanvue asked us to slow down`
      : e?.code === "upstream_unavailable" || e?.code === "network"
        ? `Fanvue could not be reached`
        : `Could not load ${what}`;
  return (
    <Alert
      tone="danger"
      title={title}
      action={
        <Button size="sm" variant="secondary" onClick={onRetry} disabled={wait > 0}>
          {wait > 0 ? `Retrying in ${wait} s` : "Retry"}
        </Button>
      }
    >
      {e?.message ?? "Something went wrong."}
    </Alert>
  );
}
