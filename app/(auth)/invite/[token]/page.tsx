import type { Metadata } from "next";
import { InviteCard } from "@/components/team/invite-card";
import { ApiError } from "@/lib/server/api/errors";
import { readSession } from "@/lib/server/session";
import { previewInvite } from "@/lib/server/workspaces/invites";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await readSession();
  const preview = await previewInvite(token).catch((e: unknown) => {
    if (e instanceof ApiError) return null;
    throw e;
  });
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas px-4 py-10">
      <InviteCard token={token} preview={preview} signedInAs={user?.name ?? null} />
    </main>
  );
}
