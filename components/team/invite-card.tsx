"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Logo } from "@/components/layout/logo";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { acceptInvite } from "@/lib/contracts/client/account";
import { callApi } from "@/lib/queries/call";
import { ApiClientError } from "@/lib/queries/fetcher";
import type { InvitePreview } from "@/lib/schemas/team";
import { ROLE_HELP, ROLE_LABEL } from "./role-label";
import { useFormat } from "@/components/viewer/viewer";

export function InviteCard({
  token,
  preview,
  signedInAs,
}: {
  token: string;
  preview: InvitePreview | null;
  signedInAs: string | null;
}) {
  const f = useFormat();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function accept() {
    setPending(true);
    setError(null);
    try {
      const res = await callApi(acceptInvite, { params: { token } });
      router.replace(res.firstCreatorId ? `/c/${res.firstCreatorId}` : `/w/${res.workspaceId}`);
    } catch (e) {
      setError(e instanceof ApiClientError ? e.message : "Could not accept the invite.");
      setPending(false);
    }
  }
  return (
    <div
      className="w-full max-w-md rounded-2xl border border-line bg-surface p-6 shadow-sm sm:p-8"
      data-testid="invite-card"
    >
      <Logo className="size-9" />
      {!preview ? (
        <>
          <h1 className="mt-4 text-xl font-semibold">This invite link does not work</h1>
          <p className="mt-2 text-sm text-muted">It may have been used, revoked or have expired. Ask for a new one.</p>
        </>
      ) : (
        <>
          <h1 className="mt-4 text-xl font-semibold">Join {preview.workspaceName} on Vuedeck</h1>
          <p className="mt-2 text-sm text-muted">
            You are invited as <strong className="text-ink">{ROLE_LABEL[preview.role]}</strong>
            {preview.creators === "all" ? " for all creators" : ` for ${preview.creators.join(", ")}`}.{" "}
            {preview.role !== "owner" ? ROLE_HELP[preview.role] : ""}
          </p>
          <p className="mt-1 text-xs text-muted">Link expires {f.dateTime(preview.expiresAt)}.</p>
          {error ? <Alert tone="danger" title={error} className="mt-4" /> : null}
          {signedInAs ? (
            <Button className="mt-6 w-full" size="lg" onClick={accept} disabled={pending} data-testid="accept-invite">
              {pending ? "Joining…" : `Accept as ${signedInAs}`}
            </Button>
          ) : (
            <Button
              className="mt-6 w-full"
              size="lg"
              onClick={() => void signIn("fanvue", { redirectTo: `/invite/${token}` })}
              data-testid="invite-sign-in"
            >
              Sign in with Fanvue to accept
            </Button>
          )}
          <p className="mt-3 text-xs text-muted">
            Vuedeck works on the workspace&apos;s own Fanvue connection; your Fanvue account is only used to sign you
            in.
          </p>
        </>
      )}
    </div>
  );
}
