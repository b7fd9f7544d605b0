"use client";

// The last boundary for pages: a database outage (session.ts throws with the
// VUEDECK_UNAVAILABLE digest) is said as such and retried by itself; it is
// never a trip to the sign-in page. Anything else: what happened and a retry.
import { useRouter } from "next/navigation";
import { startTransition, useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Seconds between automatic retries while the database is down. */
const RETRY_SEC = 10;

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const unavailable = error.digest === "VUEDECK_UNAVAILABLE";
  const [wait, setWait] = useState(RETRY_SEC);
  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });
  useEffect(() => {
    if (!unavailable) return;
    const t = setTimeout(() => {
      if (wait <= 1) {
        setWait(RETRY_SEC);
        retry();
      } else setWait(wait - 1);
    }, 1000);
    return () => clearTimeout(t);
  });
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas px-4 py-10">
      <div className="w-full max-w-lg" data-testid={unavailable ? "page-unavailable" : "page-error"}>
        <Alert
          tone={unavailable ? "warning" : "danger"}
          title={unavailable ? "Vuedeck is unavailable for a moment" : "This page could not be shown"}
          action={
            <Button size="sm" variant="secondary" onClick={retry}>
              {unavailable ? `Retrying in ${wait} s` : "Retry"}
            </Button>
          }
        >
          {unavailable
            ? "Vuedeck cannot reach its database. You are still signed in; this page reloads by itself when it is back."
            : "Something went wrong on our side. It has been logged."}
        </Alert>
      </div>
    </main>
  );
}
