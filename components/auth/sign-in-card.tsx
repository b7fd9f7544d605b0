"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Logo } from "@/components/layout/logo";
import { fanvueStatus } from "@/lib/contracts/client/account";
import { callApi } from "@/lib/queries/call";

const MESSAGES: Record<string, { title: string; body: string }> = {
  AccessDenied: {
    title: "You declined access on Fanvue",
    body: "Vuedeck needs these permissions to show your earnings, fans and chats. Nothing was saved.",
  },
  OAuthCallbackError: {
    title: "Fanvue returned an error",
    body: "Fanvue could not complete the sign-in. Try again in a moment.",
  },
  OAuthAccountNotLinked: {
    title: "This email is already used by another account",
    body: "Sign in with the Fanvue account you used before.",
  },
  unreachable: {
    title: "Fanvue could not be reached",
    body: "Fanvue's sign-in service is not answering right now. Your data is safe; try again in a moment.",
  },
};

const FALLBACK = {
  title: "Sign-in could not be completed",
  body: "The sign-in took too long, was started in another tab, or Fanvue refused the request. Start again.",
};

type Props = {
  callbackUrl: string;
  error: string | null;
  loginHint: string | null;
  authServerReachable: boolean;
  isSandbox: boolean;
};

export function SignInCard({ callbackUrl, error, loginHint, authServerReachable, isSandbox }: Props) {
  const [pending, setPending] = useState(false);
  const [localError, setLocalError] = useState<string | null>(authServerReachable ? null : "unreachable");
  const shown = localError ?? error;
  const message = shown ? (MESSAGES[shown] ?? FALLBACK) : null;

  async function start() {
    setPending(true);
    setLocalError(null);
    // Never send the browser to a sign-in server that is down: it would land
    // on the browser's own error page instead of a message from us.
    const status = await callApi(fanvueStatus, {}).catch(() => ({ reachable: false }));
    if (!status.reachable) {
      setLocalError("unreachable");
      setPending(false);
      return;
    }
    await signIn("fanvue", { redirectTo: callbackUrl }, loginHint ? { login_hint: loginHint } : undefined);
  }

  return (
    <div className="w-full max-w-md">
      <div className="mb-8 flex items-center justify-center gap-2">
        <Logo className="size-9" />
        <span className="text-2xl font-semibold tracking-tight">Vuedeck</span>
      </div>
      <div className="rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8">
        <h1 className="text-xl font-semibold tracking-tight">Sign in to your dashboard</h1>
        <p className="mt-1.5 text-sm text-muted">
          Earnings you can trust, every fan in context, and your whole team in one place. Your Fanvue password never
          reaches Vuedeck.
        </p>
        {message ? (
          <Alert tone="danger" title={message.title} className="mt-5" data-testid="sign-in-error">
            {message.body}
          </Alert>
        ) : null}
        <Button size="lg" className="mt-6 w-full" onClick={start} disabled={pending} data-testid="sign-in-fanvue">
          {pending ? "Opening Fanvue…" : message ? "Try again with Fanvue" : "Sign in with Fanvue"}
        </Button>
        {isSandbox ? (
          <p className="mt-4 flex items-start gap-2 text-xs text-muted">
            <Badge tone="info">Sandbox</Badge>
            <span>
              Demo mode: you will pick one of the seeded accounts on the local Fanvue sandbox. No real account is used.
            </span>
          </p>
        ) : null}
      </div>
      <p className="mt-6 text-center text-xs text-muted">Self-hosted. Your data stays in your own database.</p>
    </div>
  );
}
