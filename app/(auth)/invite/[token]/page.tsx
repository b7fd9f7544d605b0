import type { Metadata } from "next";
import { InviteCard } from "@/components/team/invite-card";
import { auth } from "@/lib/server/auth";
import { ApiError } from "@/lib/server/api/errors";
import { previewInvite } from "@/lib/server/workspaces/invites";

export const metadata: Metadata = { title: "Invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await auth();
  const preview = await previewInvite(token).catch((e: unknown) => {
    if (e instanceof ApiError) return null;
    throw e;
  });
  return (
    <main className="flex min-h-dvh items-center justify-center bg-canvas px-4 py-10">
      <InviteCard token={token} preview={preview} signedInAs={session?.user?.name ?? null} />
    </main>
  );
}
