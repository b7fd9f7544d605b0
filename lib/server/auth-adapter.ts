import "server-only";
import type { Adapter, AdapterAccount, AdapterSession, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/server/db";
import { markSessionLookupFailed } from "./auth-probe";
import { accessChanged, accessChangeRow } from "@/lib/server/live/access-change";

// Auth.js adapter over our Prisma schema. Written out (instead of
// @auth/prisma-adapter) so that provider tokens never touch the Account table:
// linkAccount keeps identity columns only, and the tokens go encrypted into
// FanvueConnection (see auth.ts events.signIn).

const toUser = (u: {
  id: string;
  name: string | null;
  email: string | null;
  emailVerified: Date | null;
  image: string | null;
}): AdapterUser => ({
  id: u.id,
  name: u.name,
  email: u.email ?? "",
  emailVerified: u.emailVerified,
  image: u.image,
});

type SessionAndUser = {
  sessionToken: string;
  userId: string;
  expires: Date;
  name: string | null;
  email: string | null;
  emailVerified: Date | null;
  image: string | null;
};

export const authAdapter: Adapter = {
  async createUser({ name, email, image, emailVerified }) {
    return toUser(await db.user.create({ data: { name, email: email || null, image, emailVerified } }));
  },
  async getUser(id) {
    const u = await db.user.findUnique({ where: { id } });
    return u ? toUser(u) : null;
  },
  async getUserByEmail(email) {
    const u = await db.user.findUnique({ where: { email } });
    return u ? toUser(u) : null;
  },
  async getUserByAccount({ provider, providerAccountId }) {
    const a = await db.account.findUnique({
      where: { provider_providerAccountId: { provider, providerAccountId } },
      include: { user: true },
    });
    return a ? toUser(a.user) : null;
  },
  async updateUser({ id, name, email, image, emailVerified }) {
    return toUser(
      await db.user.update({ where: { id }, data: { name, email: email || undefined, image, emailVerified } }),
    );
  },
  async deleteUser(id) {
    await db.$transaction([db.user.delete({ where: { id } }), accessChangeRow({ userId: id, reason: "user" })]);
    accessChanged({ userId: id, reason: "user" });
  },
  async linkAccount(account: AdapterAccount) {
    await db.account.create({
      data: {
        userId: account.userId,
        type: account.type,
        provider: account.provider,
        providerAccountId: account.providerAccountId,
      },
    });
  },
  async unlinkAccount({ provider, providerAccountId }) {
    await db.account.delete({ where: { provider_providerAccountId: { provider, providerAccountId } } });
  },
  async createSession(data) {
    return db.session.create({ data }) as Promise<AdapterSession>;
  },
  // One round trip (the ORM's include is two): every request that is not
  // served from the session cache (lib/server/session.ts) runs this.
  async getSessionAndUser(sessionToken) {
    const [s] = await db.$queryRaw<SessionAndUser[]>`
      SELECT s."sessionToken", s."userId", s."expires", u."name", u."email", u."emailVerified", u."image"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
      WHERE s."sessionToken" = ${sessionToken}`.catch((err: unknown) => {
      markSessionLookupFailed(err);
      throw err;
    });
    if (!s) return null;
    const user = toUser({ id: s.userId, name: s.name, email: s.email, emailVerified: s.emailVerified, image: s.image });
    return { user, session: { sessionToken: s.sessionToken, userId: s.userId, expires: s.expires } };
  },
  async updateSession({ sessionToken, ...data }) {
    return db.session.update({ where: { sessionToken }, data }).catch(() => null);
  },
  // Sign-out (and Auth.js dropping an expired session): the user's open
  // live streams re-check at once, and the one of this session ends.
  async deleteSession(sessionToken) {
    const userId = await db.$transaction(async (tx) => {
      const s = await tx.session.findUnique({ where: { sessionToken }, select: { userId: true } });
      if (!s) return null;
      // deleteMany: two sign-outs of one session racing are not an error.
      if ((await tx.session.deleteMany({ where: { sessionToken } })).count === 0) return null;
      await accessChangeRow({ userId: s.userId, reason: "session" }, tx);
      return s.userId;
    });
    if (userId) accessChanged({ userId, reason: "session" });
  },
};
