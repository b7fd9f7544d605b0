"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { sentences } from "@/lib/utils/sentences";

/** Shown on every page while the Fanvue connection needs a new sign-in. */
export function ReconnectBanner({ reason }: { reason: string | null }) {
  const [pending, setPending] = useState(false);
  return (
    <div className="px-4 pt-4 sm:px-6">
      <Alert
        tone="warning"
        title="Reconnect Fanvue"
        data-testid="reconnect-banner"
        action={
          <Button
            size="sm"
            disabled={pending}
            onClick={() => {
              setPending(true);
              // Auth.js's client loads on this click only: the banner sits in every page's shell.
              const redirectTo = window.location.pathname + window.location.search;
              void import("next-auth/react").then(({ signIn }) => signIn("fanvue", { redirectTo }));
            }}
          >
            {pending ? "Opening Fanvue…" : "Reconnect Fanvue"}
          </Button>
        }
      >
        {sentences(
          reason ?? "Fanvue access has ended.",
          "Data shown may be out of date and background syncs are paused until you reconnect.",
        )}
      </Alert>
    </div>
  );
}
