// Creates a user with a stored Fanvue connection for a seeded sandbox account.
import type { startTestSandbox } from "./sandbox";

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;

export async function connectAccount(sb: Sandbox, handle: string) {
  const { db } = await import("@/lib/server/db");
  const { saveConnectionTokens } = await import("@/lib/server/fanvue/connection");
  const { account, tokens } = await sb.authorize(handle);
  const user = await db.user.upsert({
    where: { fanvueUuid: account.uuid },
    create: { name: handle, handle, fanvueUuid: account.uuid },
    update: {},
  });
  const connection = await saveConnectionTokens({
    userId: user.id,
    fanvueUserUuid: account.uuid,
    tokens: {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? null,
      expiresAt: new Date(Date.now() + tokens.expires_in * 1000),
      scope: tokens.scope,
    },
  });
  // Tests read the sandbox call log from here on.
  await sb.admin("/calls", undefined, "DELETE");
  return { user, connection, account, tokens };
}
