import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { ReconnectBanner } from "@/components/layout/reconnect-banner";
import { getOwnConnection } from "@/lib/server/account";
import { db } from "@/lib/server/db";
import { fanvueConfig } from "@/lib/server/fanvue/config";
import { requireSession } from "@/lib/server/session";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const session = await requireSession();
  const [user, connection] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: session.user.id }, select: { name: true, handle: true, image: true } }),
    getOwnConnection(session.user.id),
  ]);
  const needsReauth = !connection || connection.status === "needs_reauth";
  return (
    <AppShell
      user={{ name: user.name ?? user.handle ?? "Account", handle: user.handle, image: user.image }}
      isSandbox={fanvueConfig.isSandbox}
      banner={needsReauth ? <ReconnectBanner reason={connection?.statusReason ?? null} /> : null}
    >
      {children}
    </AppShell>
  );
}
