// Fixtures for the fans integration tests: a workspace for a connected
// sandbox account (creator or agency) and staff members, written straight to
// the database (sign-in provisioning is tested elsewhere).
import { connectAccount } from "./connect";
import type { startTestSandbox } from "./sandbox";

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

export async function creatorWorkspace(sb: Sandbox, handle: string, creatorHandle = handle) {
  const { db } = await import("@/lib/server/db");
  const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
  const { user, connection } = await connectAccount(sb, handle);
  const agency = handle !== creatorHandle;
  const creatorAccount = [...sb.state.world.accounts.values()].find((a) => a.handle === creatorHandle)!;
  const workspace = await db.workspace.create({
    data: { connectionId: connection.id, kind: agency ? "agency" : "creator", name: handle },
  });
  await db.membership.create({
    data: { workspaceId: workspace.id, userId: user.id, role: "owner", allCreators: true },
  });
  const creator = await db.creator.create({
    data: {
      workspaceId: workspace.id,
      fanvueUuid: creatorAccount.uuid,
      handle: creatorHandle,
      displayName: creatorAccount.displayName,
    },
  });
  const access = (await getCreatorAccess(user.id, creator.id))!;
  return { access, user: { id: user.id, name: user.name ?? handle }, creator, workspace, connection };
}

export async function staffMember(
  workspaceId: string,
  creatorId: string,
  role: "manager" | "chatter" | "viewer",
  name: string,
) {
  const { db } = await import("@/lib/server/db");
  const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
  const user = await db.user.create({ data: { name } });
  await db.membership.create({ data: { workspaceId, userId: user.id, role, allCreators: true } });
  return { access: (await getCreatorAccess(user.id, creatorId))!, user: { id: user.id, name } };
}
