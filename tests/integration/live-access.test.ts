import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { grantFor, sseReader } from "../support/live";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Open event streams follow access while they run: a removed member, a
// signed-out or expired session, a narrowed scope end (or narrow) what is
// sent, at once on an access change (same process, or another process's
// AccessChange row) and at the latest on the periodic re-check; a database
// that cannot answer closes the stream (fail closed). One user cannot hold
// more than the cap of streams, and a stream's life is bounded. Replay after
// a reconnect and the hello read the member's own creators' events only.

const SECRET = "whsec_live_access_secret";
process.env.FANVUE_WEBHOOK_SECRET = SECRET;
const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { receiveWebhook } = await import("@/lib/server/live/receiver");
const { expectedSignature } = await import("@/lib/server/live/signature");
const { openLiveStream, LIVE_DEFAULTS } = await import("@/lib/server/live/stream");
const { removeMember, updateMember } = await import("@/lib/server/workspaces/team");
const { authAdapter } = await import("@/lib/server/auth-adapter");
const { ApiError, toErrorResponse } = await import("@/lib/server/api/errors");

const luna = await provisionAccount(sb, "luna");
const atlas = await provisionAccount(sb, "atlas");
const lunaUuid = luna.creators.luna!.fanvueUuid;
const mia = atlas.creators.mia!;
const nova = atlas.creators.nova!;

const opened: AbortController[] = [];
afterAll(async () => {
  for (const a of opened) a.abort();
  await db.$disconnect();
  await sb.close();
});

async function staff(workspaceId: string, role: "chatter" | "manager", creatorIds: string[] | null) {
  const user = await db.user.create({ data: { name: `staff-${randomUUID().slice(0, 6)}` } });
  const m = await db.membership.create({
    data: {
      workspaceId,
      userId: user.id,
      role,
      allCreators: creatorIds === null,
      creators: creatorIds ? { create: creatorIds.map((creatorId) => ({ creatorId })) } : undefined,
    },
  });
  return { userId: user.id, membershipId: m.id };
}

type Grant = Awaited<ReturnType<typeof grantFor>>;
async function open(
  grant: Grant,
  options: Parameters<typeof openLiveStream>[3] = {},
  lastEventId: number | null = null,
) {
  const abort = new AbortController();
  opened.push(abort);
  const res = await openLiveStream(grant, abort.signal, lastEventId, options);
  const reader = sseReader(res.body!);
  expect(await reader.until(() => reader.text.includes("event: hello"), 2_000)).toBe(true);
  const hello = JSON.parse(reader.events().find((e) => e.event === "hello")!.data) as {
    lastSeq: number;
    lastEventAt: string | null;
    receiving: boolean;
    refused: unknown;
  };
  return { reader, abort, hello };
}

/** A signed message-received delivery, through the real receiver. */
async function deliver(recipientUuid: string, text: string) {
  const messageUuid = randomUUID();
  const body = JSON.stringify({
    messageUuid,
    message: { uuid: messageUuid, text },
    sender: { uuid: randomUUID(), handle: "fan" },
    recipientUuid,
    timestamp: new Date().toISOString(),
  });
  const t = Math.floor(Date.now() / 1000);
  const r = await receiveWebhook({
    rawBody: body,
    signature: `t=${t},v0=${expectedSignature(SECRET, t, body)}`,
    event: "message-received",
    deliveryId: randomUUID(),
  });
  expect(r.status).toBe(200);
}

const revokedReason = (reader: ReturnType<typeof sseReader>) => {
  const e = reader.events().find((x) => x.event === "revoked");
  return e ? (JSON.parse(e.data) as { reason: string }).reason : null;
};

describe("an open stream follows the member's access", () => {
  it("a removed chatter's stream ends at once with `revoked`, and nothing more is sent", async () => {
    const chatter = await staff(luna.workspace.id, "chatter", null);
    const { reader } = await open(await grantFor(chatter.userId, luna.workspace.id));
    await deliver(lunaUuid, "tip-worthy words before removal");
    expect(await reader.until(() => reader.text.includes("before removal"), 2_000)).toBe(true);

    const started = Date.now();
    await removeMember(luna.workspace.id, chatter.membershipId);
    await deliver(lunaUuid, "a fan's words after removal");
    expect(await reader.until(() => reader.done, 1_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000); // not the 20 s re-check
    expect(revokedReason(reader)).toBe("no_access");
    expect(reader.text).not.toContain("after removal");
  });

  it("another server process's removal (its AccessChange row, no local notice) ends the stream within a bus tick", async () => {
    const chatter = await staff(luna.workspace.id, "chatter", null);
    const { reader } = await open(await grantFor(chatter.userId, luna.workspace.id));
    const started = Date.now();
    await db.$transaction([
      db.membership.delete({ where: { id: chatter.membershipId } }),
      db.accessChange.create({
        data: { userId: chatter.userId, workspaceId: luna.workspace.id, reason: "membership" },
      }),
    ]);
    expect(await reader.until(() => reader.done, 3_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(LIVE_DEFAULTS.recheckMs);
    expect(revokedReason(reader)).toBe("no_access");
  });

  it("with no notice at all (a change made by hand), the periodic re-check ends the stream within its period", async () => {
    const chatter = await staff(luna.workspace.id, "chatter", null);
    const { reader } = await open(await grantFor(chatter.userId, luna.workspace.id), { recheckMs: 300 });
    await db.membership.delete({ where: { id: chatter.membershipId } });
    expect(await reader.until(() => reader.done, 2_000)).toBe(true);
    expect(revokedReason(reader)).toBe("no_access");
  });

  it("sign-out ends that session's stream at once; the user's other session keeps its own", async () => {
    const chatter = await staff(luna.workspace.id, "chatter", null);
    const signedOut = await grantFor(chatter.userId, luna.workspace.id);
    const other = await grantFor(chatter.userId, luna.workspace.id);
    const a = await open(signedOut);
    const b = await open(other);
    const started = Date.now();
    await authAdapter.deleteSession!(signedOut.sessionToken);
    expect(await a.reader.until(() => a.reader.done, 1_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(revokedReason(a.reader)).toBe("signed_out");
    await deliver(lunaUuid, "still shown to the other session");
    expect(await b.reader.until(() => b.reader.text.includes("still shown"), 2_000)).toBe(true);
    expect(b.reader.done).toBe(false);
  });

  it("an expired session's stream ends at the next re-check", async () => {
    const chatter = await staff(luna.workspace.id, "chatter", null);
    const grant = await grantFor(chatter.userId, luna.workspace.id);
    const { reader } = await open(grant, { recheckMs: 300 });
    await db.session.update({
      where: { sessionToken: grant.sessionToken },
      data: { expires: new Date(Date.now() - 1_000) },
    });
    expect(await reader.until(() => reader.done, 2_000)).toBe(true);
    expect(revokedReason(reader)).toBe("signed_out");
  });

  it("a narrowed scope: the creator taken out is no longer shown, at once, and the stream stays open", async () => {
    const chatter = await staff(atlas.workspace.id, "chatter", [mia.id, nova.id]);
    const { reader } = await open(await grantFor(chatter.userId, atlas.workspace.id));
    await deliver(nova.fanvueUuid, "nova before narrowing");
    expect(await reader.until(() => reader.text.includes("nova before narrowing"), 2_000)).toBe(true);

    await updateMember(atlas.workspace.id, chatter.membershipId, { creatorIds: [mia.id] });
    await deliver(nova.fanvueUuid, "nova after narrowing");
    await deliver(mia.fanvueUuid, "mia after narrowing");
    expect(await reader.until(() => reader.text.includes("mia after narrowing"), 2_000)).toBe(true);
    expect(reader.text).not.toContain("nova after narrowing");
    expect(
      reader
        .live()
        .filter((e) => e.text?.includes("after narrowing"))
        .map((e) => e.creatorId),
    ).toEqual([mia.id]);
    expect(reader.done).toBe(false);
  });
});

describe("bounded streams", () => {
  it(`refuses the (cap+1)th concurrent stream of one user with 429 rate_limited; a closed one frees its slot`, async () => {
    const chatter = await staff(luna.workspace.id, "chatter", null);
    const grant = await grantFor(chatter.userId, luna.workspace.id);
    const streams: Awaited<ReturnType<typeof open>>[] = [];
    for (let i = 0; i < LIVE_DEFAULTS.maxPerUser; i++) streams.push(await open(grant));
    const refused = await openLiveStream(grant, new AbortController().signal, null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ApiError);
    const res = toErrorResponse(refused, "GET live");
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("60");
    expect(await res.json()).toMatchObject({ error: { code: "rate_limited", retryAfterSec: 60 } });

    // Another user is not affected; a closed stream gives its slot back.
    const owner = await open(await grantFor(luna.user.id, luna.workspace.id));
    expect(owner.reader.done).toBe(false);
    streams[0]!.abort.abort();
    await expect.poll(() => streams[0]!.reader.done).toBe(true);
    const again = await open(grant);
    expect(again.reader.done).toBe(false);
  });

  it("a stream ends after its lifetime, without `revoked` (the browser reconnects and is authenticated again)", async () => {
    const { reader } = await open(await grantFor(luna.user.id, luna.workspace.id), { lifetimeMs: 300 });
    expect(await reader.until(() => reader.done, 2_000)).toBe(true);
    expect(revokedReason(reader)).toBeNull();
  });
});

describe("replay and hello read the member's own creators' events", () => {
  const event = (recipientUuid: string, text: string) => ({
    event: "message-received",
    dedupeKey: `test:${randomUUID()}`,
    signature: randomUUID(),
    recipientUuid,
    fanUuid: randomUUID(),
    payload: { messageUuid: randomUUID(), message: { uuid: randomUUID(), text }, recipientUuid },
    signedAt: new Date(),
  });

  it("300 other-tenant events after Last-Event-ID do not crowd out the member's missed ones; hello shows only their scope", async () => {
    const before = (await db.webhookEvent.findFirst({ orderBy: { seq: "desc" } }))?.seq ?? 0;
    const own1 = await db.webhookEvent.create({ data: event(lunaUuid, "luna missed one") });
    await db.webhookEvent.createMany({
      data: Array.from({ length: 300 }, (_, i) => event(mia.fanvueUuid, `mia burst ${i}`)),
    });
    const own2 = await db.webhookEvent.create({ data: event(lunaUuid, "luna missed two") });
    await db.webhookEvent.create({ data: event(mia.fanvueUuid, "mia after luna's last") });

    const { reader, hello } = await open(await grantFor(luna.user.id, luna.workspace.id), {}, before);
    expect(await reader.until(() => reader.text.includes("luna missed two"), 2_000)).toBe(true);
    expect(reader.live().map((e) => e.seq)).toEqual([own1.seq, own2.seq]);
    expect(reader.text).not.toContain("mia");
    // Luna's last event, not the instance's (mia's came later).
    expect(hello.lastSeq).toBe(own2.seq);
    expect(hello.lastEventAt).toBe(own2.receivedAt.toISOString());
    expect(hello.receiving).toBe(true);
  });

  it("a member with no events in scope sees none in hello, whatever other tenants receive", async () => {
    const chatter = await staff(atlas.workspace.id, "chatter", [atlas.creators.ivy!.id]);
    const { hello } = await open(await grantFor(chatter.userId, atlas.workspace.id));
    expect(hello).toMatchObject({ lastSeq: 0, lastEventAt: null, receiving: false });
  });
});

describe("when the database cannot answer", () => {
  it("a re-check that fails closes the stream (fail closed), without a verdict the browser would obey", async () => {
    const grant = await grantFor(luna.user.id, luna.workspace.id);
    const { reader } = await open(grant, { recheckMs: 300 });
    const name = new URL(process.env.DATABASE_URL!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL!.replace(`/${name}`, "/postgres") });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
        [name],
      );
      expect(await reader.until(() => reader.done, 3_000)).toBe(true);
      expect(revokedReason(reader)).toBeNull();
    } finally {
      await admin.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    // And the database back, a new stream opens (the browser's reconnect).
    await expect
      .poll(
        () =>
          db.user.count().then(
            () => true,
            () => false,
          ),
        { timeout: 5_000 },
      )
      .toBe(true);
    const again = await open(await grantFor(luna.user.id, luna.workspace.id));
    expect(again.reader.done).toBe(false);
  });
});
