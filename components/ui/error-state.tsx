"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiClientError } from "@/lib/queries/fetcher";

/** Failure of a data widget: what happened, and a retry (counting down when
 * Fanvue asked us to wait). Never a blank area or a misleading zero. */
export function ErrorState({ error, onRetry, what }: { error: unknown; onRetry: () => void; what: string }) {
  const e = error instanceof ApiClientError ? error : null;
  const limited = e?.code === "rate_limited";
  // Waits the server named (Fanvue's refill, our database coming back) count down and retry by themselves.
  const countdown = limited || e?.code === "unavailable" ? Math.max(1, e?.retryAfterSec ?? 20) : 0;
  const [wait, setWait] = useState(countdown);
  // A new error (the retry was refused again) starts a new countdown.
  const [shown, setShown] = useState(error);
  if (shown !== error) {
    setShown(error);
    setWait(countdown);
  }
  const retry = useRef(onRetry);
  useEffect(() => {
    retry.current = onRetry;
  }, [onRetry]);
  useEffect(() => {
    if (wait <= 0) return;
    // When the countdown ends the widget tries again by itself.
    const t = setTimeout(() => {
      if (wait === 1) retry.current();
      setWait(wait - 1);
    }, 1000);
    return () => clearTimeout(t);
  }, [wait]);
  if (e?.code === "fanvue_reauth") {
    return (
      <Alert tone="warning" title="Reconnect Fanvue to see this">
        {e.message}
      </Alert>
    );
  }
  // Fanvue answered and said no (not offered, not allowed, no such item):
  // the same request will get the same answer, so no "Retry" — the message
  // says what is missing and the rest of the page goes on.
  const settled = e !== null && !e.isTransient && e.code !== "unauthorized";
  // The message says which budget is used up (the account's, or this
  // member's share of it) and whether Fanvue is slow or unreachable.
  const title = limited
    ? `Fanvue's rate limit: waiting for it to refill`
    : e?.code === "upstream_unavailable"
      ? `Fanvue is not answering right now`
      : e?.code === "network"
        ? `Vuedeck could not be reached`
        : e?.code === "unavailable"
          ? `Vuedeck is unavailable for a moment`
          : settled
            ? `${what.charAt(0).toUpperCase()}${what.slice(1)} not available`
            : `Could not load ${what}`;
  return (
    <Alert
      tone={limited || settled ? "warning" : "danger"}
      title={title}
      data-testid="error-state"
      data-code={e?.code}
      action={
        settled ? undefined : (
          <Button size="sm" variant="secondary" onClick={onRetry} disabled={wait > 0}>
            {wait > 0 ? `Retrying in ${wait} s` : "Retry"}
          </Button>
        )
      }
    >
      {e?.message ?? "Something went wrong."}
    </Alert>
  );
}

type Loadable<T> = { isPending: boolean; data: T | undefined; error: unknown; refetch: () => unknown };

/** A report's body: the message of a refused input (a 400 names its field), a skeleton while the first answer
 * loads, the error with its retry when there is nothing to show, else the data. */
export function QueryBody<T>(p: {
  q: Loadable<T>;
  what: string;
  /** The skeleton's height class, close to the loaded body's so nothing jumps. */
  height: string;
  children: (data: T) => ReactNode;
}) {
  const bad = p.q.error instanceof ApiClientError && p.q.error.status === 400 ? p.q.error : null;
  return (
    <>
      {bad ? (
        <p className="text-sm text-red-700" role="alert" data-testid="input-error">
          {bad.message}
        </p>
      ) : null}
      {p.q.isPending ? (
        <Skeleton className={`${p.height} rounded-xl`} />
      ) : p.q.data === undefined ? (
        <ErrorState error={p.q.error} onRetry={() => void p.q.refetch()} what={p.what} />
      ) : (
        p.children(p.q.data)
      )}
    </>
  );
}
