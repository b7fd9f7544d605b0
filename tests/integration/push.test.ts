import { randomUUID } from "node:crypto";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedInSession } from "../support/live";
import { browserKeys, decryptPush, startPushService, type BrowserKeys } from "../support/push-service";
import { startTestSandbox } from "../support/sandbox";
import { startWebhookReceiver } from "../support/webhook-receiver";
import { provisionAccount } from "../support/workspace";

// Web Push against a real PostgreSQL, the sandbox's signed webhooks and a
// push service on this machine: who is told about what (role, creator scope,
// thresholds, muted creators), the encrypted payload a browser decrypts, and
// what happens to a device the push service calls gone (410) or busy (503, 429).

const SECRET = "whsec_push_secret";
const vapid = webpush.generateVAPIDKeys();
Object.assign(process.env, {
  FANVUE_WEBHOOK_SECRET: SECRET,
  VAPID_PUBLIC_KEY: vapid.publicKey,
  VAPID_PRIVATE_KEY: vapid.privateKey,
  VAPID_SUBJECT: "mailto:push-test@vuedeck.test",
  // Demo mode: a push service on loopback is allowed (production sends only to the browsers' own).
  VUEDECK_SANDBOX: "1",
});
const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { startWorker } = await import("@/lib/server/jobs/worker");
const { recipientsFor, lifetimeSpend } = await import("@/lib/server/push/recipients");
const { scanUnanswered } = await import("@/lib/server/push/unanswered");
const { deliverToDevice } = await import("@/lib/server/push/deliver");
const { endpointProblem } = await import("@/lib/server/push/send");

const pushService = await startPushService();
const receiver = await startWebhookReceiver();
const atlas = await provisionAccount(sb, "atlas");
const mia = atlas.creators.mia!;
const nova = atlas.creators.nova!;
const worker = startWorker({ queues: ["push-event", "push-send"], pollMs: 50, leaseMs: 5_000 });

beforeAll(() => sb.admin("/webhooks", { url: receiver.url, secret: SECRET, retries: 0 }));
afterAll(async () => {
  await worker.stop();
  await pushService.close();
  receiver.close();
  await db.$disconnect();
  await sb.close();
});

type Member = { userId: string; keys: BrowserKeys; path: string; subscriptionId: string };

/** A member of Atlas's agency with one subscribed device (its own path on the push service). */
async function member(
  role: "owner" | "manager" | "chatter" | "viewer",
  creatorIds: string[] | null,
  choices: Record<string, unknown> = {},
): Promise<Member> {
  const user =
    role === "owner" ? { id: atlas.user.id } : await db.user.create({ data: { name: `push-${role}-${randomUUID()}` } });
  if (role !== "owner")
    await db.membership.create({
      data: {
        workspaceId: atlas.workspace.id,
        userId: user.id,
        role,
        allCreators: creatorIds === null,
        creators: creatorIds ? { create: creatorIds.map((creatorId) => ({ creatorId })) } : undefined,
      },
    });
  await db.notificationChoice.upsert({
    where: { userId: user.id },
    create: { userId: user.id, ...choices },
    update: choices,
  });
  const token = await signedInSession(user.id);
  const session = await db.session.findUniqueOrThrow({ where: { sessionToken: token } });
  const keys = browserKeys();
  const path = `/push/${role}-${randomUUID()}`;
  const sub = await db.pushSubscription.create({
    data: {
      userId: user.id,
      sessionId: session.id,
      endpoint: `${pushService.url}${path}`,
      p256dh: keys.p256dh,
      auth: keys.auth,
      label: "Chrome on Linux",
    },
  });
  return { userId: user.id, keys, path, subscriptionId: sub.id };
}

/** No push job left to run (queued or running). */
const drained = () =>
  expect
    .poll(() => db.job.count({ where: { queue: { startsWith: "push-" }, status: { in: ["queued", "running"] } } }), {
      timeout: 10_000,
    })
    .toBe(0);

const fanOf = () => {
  const c = sb.state.world.creators.get(mia.fanvueUuid)!;
  return c.fans[[...c.chats.keys()][0]!]!;
};

describe("Push: a tip reaches exactly the members who may see it and want it", () => {
  let owner: Member, chatter: Member, novaManager: Member, mutedViewer: Member;
  beforeAll(async () => {
    owner = await member("owner", null, { tipMinCents: 2_000 });
    chatter = await member("chatter", [mia.id]); // no earnings:read: never told of money
    novaManager = await member("manager", [nova.id]); // not Mia's
    mutedViewer = await member("viewer", null, { mutedCreatorIds: [mia.id] });
  });

  it("tells the owner of a $25 tip on Mia with the encrypted payload a browser decrypts; nobody else", async () => {
    const fan = fanOf();
    const from = pushService.received.length;
    await sb.admin("/simulate/tip", { creator: "mia", fan: fan.uuid, amount: 2_500 });
    const push = await pushService.waitFor(owner.path, 10_000, from);
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(String(push.headers.authorization)).toMatch(/^vapid t=.+, k=/);
    expect(Number(push.headers.ttl)).toBeGreaterThan(3_600);
    const payload = decryptPush(push, owner.keys);
    expect(payload).toEqual({
      title: "New tip",
      body: `Tip $25.00 from @${fan.handle} · ${mia.displayName}`,
      url: `/c/${mia.id}/chats?chat=${fan.uuid}`,
      tag: expect.stringMatching(/^tip:\d+$/),
    });
    expect(JSON.stringify(payload)).not.toMatch(/token|secret/i);
    await drained();
    const paths = pushService.received.slice(from).map((r) => r.path);
    expect(paths).toEqual([owner.path]);
    expect(paths).not.toContain(chatter.path);
    expect(paths).not.toContain(novaManager.path);
    expect(paths).not.toContain(mutedViewer.path);
    const sub = await db.pushSubscription.findUniqueOrThrow({ where: { id: owner.subscriptionId } });
    expect(sub.lastSuccessAt).not.toBeNull();
  });

  it("a tip under the owner's $20.00 threshold tells nobody", async () => {
    const from = pushService.received.length;
    await sb.admin("/simulate/tip", { creator: "mia", fan: fanOf().uuid, amount: 1_999 });
    await expect.poll(() => db.webhookEvent.count({ where: { event: "tip-received" } })).toBe(2);
    await drained();
    expect(pushService.received.slice(from)).toEqual([]);
    expect(await recipientsFor(mia.id, "tip", { amountCents: 2_000 })).toEqual([owner.userId]);
    expect(await recipientsFor(nova.id, "tip", { amountCents: 5_000 })).toEqual(
      expect.arrayContaining([owner.userId, novaManager.userId, mutedViewer.userId]),
    );
  });
});

describe("Push: whale messages and unanswered chats, by each member's own threshold", () => {
  it("a message from a fan who spent $500 tells the chatter over $100, not the one over $1,000", async () => {
    const fan = fanOf();
    await db.fanInsight.upsert({
      where: { creatorId_fanUuid: { creatorId: mia.id, fanUuid: fan.uuid } },
      create: { creatorId: mia.id, fanUuid: fan.uuid, state: "ok", fetchedAt: new Date(), totalGross: 50_000 },
      update: { totalGross: 50_000 },
    });
    expect(await lifetimeSpend(mia.id, fan.uuid)).toBeGreaterThanOrEqual(50_000);
    const keen = await member("chatter", [mia.id], { whaleMinCents: 10_000, tips: false });
    const picky = await member("chatter", [mia.id], { whaleMinCents: 100_000, tips: false });
    const from = pushService.received.length;
    await sb.admin("/simulate/message", { creator: "mia", fan: fan.uuid, text: "are you online tonight?" });
    const payload = decryptPush(await pushService.waitFor(keen.path, 10_000, from), keen.keys);
    expect(payload).toMatchObject({
      title: "Message from a big spender",
      body: expect.stringContaining(`@${fan.handle} (`),
      url: `/c/${mia.id}/chats?chat=${fan.uuid}`,
      tag: `chat:${mia.id}:${fan.uuid}`,
    });
    expect(payload.body).toContain("“are you online tonight?”");
    await drained();
    expect(pushService.received.slice(from).map((r) => r.path)).not.toContain(picky.path);
  });

  it("a fan waiting 20 minutes tells the member who chose 15 once, and not the one who chose 30", async () => {
    const fan = fanOf();
    const now = Date.now();
    await db.chatWaiting.upsert({
      where: { creatorId_fanUuid: { creatorId: nova.id, fanUuid: fan.uuid } },
      create: { creatorId: nova.id, fanUuid: fan.uuid, since: new Date(now - 20 * 60_000) },
      update: { since: new Date(now - 20 * 60_000) },
    });
    const quick = await member("chatter", [nova.id], { unanswered: true, unansweredMinutes: 15 });
    const patient = await member("chatter", [nova.id], { unanswered: true, unansweredMinutes: 30 });
    const elsewhere = await member("chatter", [mia.id], { unanswered: true, unansweredMinutes: 5 });
    const from = pushService.received.length;
    expect(await scanUnanswered(now)).toBe(1);
    expect(await scanUnanswered(now + 60_000)).toBe(0); // told once per wait
    const payload = decryptPush(await pushService.waitFor(quick.path, 10_000, from), quick.keys);
    expect(payload).toMatchObject({
      title: "Waiting for an answer",
      body: expect.stringMatching(/has waited 20 min for an answer · /),
      tag: `unanswered:${nova.id}`,
    });
    await drained();
    const paths = pushService.received.slice(from).map((r) => r.path);
    expect(paths).not.toContain(patient.path);
    expect(paths).not.toContain(elsewhere.path);
  });
});

describe("Push: devices the push service refuses", () => {
  const job = (m: Member, attempt = 0) => ({
    subscriptionId: m.subscriptionId,
    payload: { title: "t", body: "b", url: "/", tag: "x" },
    ttlSec: 3_600,
    attempt,
    expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
  });

  it("410 Gone: the subscription is deleted", async () => {
    const m = await member("viewer", [nova.id]);
    pushService.replyNext(m.path, 410);
    expect(await deliverToDevice(job(m))).toEqual({ outcome: "gone" });
    expect(await db.pushSubscription.findUnique({ where: { id: m.subscriptionId } })).toBeNull();
  });

  it("503 and 429: counted, retried later with backoff or after Retry-After; a success resets the count", async () => {
    const m = await member("viewer", [nova.id]);
    pushService.replyNext(m.path, 503);
    const now = Date.now();
    const first = await deliverToDevice(job(m), now);
    expect(first).toMatchObject({ outcome: "retry" });
    expect(Date.parse((first as { at: string }).at) - now).toBe(30_000);
    pushService.replyNext(m.path, 429, { "Retry-After": "600" });
    const second = await deliverToDevice(job(m, 1), now);
    expect(Date.parse((second as { at: string }).at) - now).toBe(600_000);
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { id: m.subscriptionId } })).toMatchObject({
      failureCount: 2,
      lastError: expect.stringContaining("429"),
    });
    expect(await deliverToDevice(job(m, 4), now)).toEqual({ outcome: "sent" });
    expect((await db.pushSubscription.findUniqueOrThrow({ where: { id: m.subscriptionId } })).failureCount).toBe(0);
    await db.job.deleteMany({ where: { queue: "push-send", status: "queued" } });
  });

  it("signing out (the session deleted) removes that device's subscription", async () => {
    const m = await member("viewer", [nova.id]);
    const sub = await db.pushSubscription.findUniqueOrThrow({ where: { id: m.subscriptionId } });
    await db.session.delete({ where: { id: sub.sessionId } });
    expect(await db.pushSubscription.findUnique({ where: { id: m.subscriptionId } })).toBeNull();
  });

  it("sends only to the browsers' push services (a member cannot aim the server elsewhere)", () => {
    expect(endpointProblem("https://fcm.googleapis.com/fcm/send/abc")).toBeNull();
    expect(endpointProblem("https://web.push.apple.com/QGx")).toBeNull();
    expect(endpointProblem("https://evil.example.com/fcm.googleapis.com")).toMatch(/not one Vuedeck sends to/);
    expect(endpointProblem("http://fcm.googleapis.com/x")).toMatch(/https/);
  });
});
