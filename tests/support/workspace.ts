// Provisions a workspace for a seeded sandbox account, as sign-in does.
import type { startTestSandbox } from "./sandbox";
import { connectAccount } from "./connect";

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

export async function provisionAccount(sb: Sandbox, handle: string) {
  const { db } = await import("@/lib/server/db");
  const { fanvueClient } = await import("@/lib/server/fanvue/client");
  const { getMe } = await import("@/lib/server/fanvue/users");
  const { provisionOnSignIn } = await import("@/lib/server/workspaces/provision");
  const conn = await connectAccount(sb, handle);
  const me = await getMe(fanvueClient({ connectionId: conn.connection.id }));
  await provisionOnSignIn(conn.user.id, me, conn.connection.id);
  const workspace = await db.workspace.findUniqueOrThrow({
    where: { connectionId: conn.connection.id },
    include: { creators: true },
  });
  await sb.admin("/calls", undefined, "DELETE");
  return { ...conn, workspace, creators: Object.fromEntries(workspace.creators.map((c) => [c.handle, c])) };
}
