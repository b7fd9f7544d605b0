import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Forbidden } from "@/components/ui/forbidden";
import { db } from "@/lib/server/db";
import { pageWorkspaceAccess } from "@/lib/server/page-access";
import { hasPermission, scopedCreatorWhere } from "@/lib/server/workspaces/access";

export const metadata: Metadata = { title: "Team inbox" };

// The team inbox: every chat of every creator in the member's scope, newest
// first. It is the chats page in its team mode, opened on the creator last
// used (answers are sent as the chat's own creator whatever page it is on).
export default async function TeamInboxPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { session, access } = await pageWorkspaceAccess(workspaceId);
  if (!hasPermission(access, "chats:read")) return <Forbidden what="the chats" />;
  const [user, creators] = await Promise.all([
    db.user.findUnique({ where: { id: session.user.id }, select: { lastCreatorId: true } }),
    db.creator.findMany({ where: scopedCreatorWhere(access), select: { id: true }, orderBy: { displayName: "asc" } }),
  ]);
  const home = creators.find((c) => c.id === user?.lastCreatorId) ?? creators[0];
  if (!home) return <Forbidden what="the chats (no creator is assigned to you)" />;
  redirect(`/c/${home.id}/chats${creators.length > 1 ? "?team=1" : ""}`);
}
