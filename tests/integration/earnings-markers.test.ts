import { afterAll, describe, expect, it } from "vitest";
import { startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";
import { campaignBase } from "../support/mass";

// Chart markers: every post Fanvue published in the range and every mass
// message sent, each in the bucket (viewer's zone) it happened in.

const sb = await startTestSandbox({ soloFans: 200 });
const { db } = await import("@/lib/server/db");
const { earningsMarkers } = await import("@/lib/server/earnings/markers");
const { earningsQuerySchema } = await import("@/lib/schemas/earnings");
const { resolveRange } = await import("@/lib/server/earnings/report");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const { localDate } = await import("@/lib/utils/date-range");

const luna = await provisionAccount(sb, "luna");
const creatorId = luna.creators.luna!.id;
const access = (await getCreatorAccess(luna.user.id, creatorId))!;

afterAll(async () => {
  await db.$disconnect();
  await sb.close();
});

/** Three of Luna's mass messages: one sent 3 days ago through Vuedeck, one sent
 * 400 days ago, one still scheduled. Answers when the first went out. */
async function recordMassCampaigns() {
  const base = campaignBase(creatorId);
  const sentAt = new Date(Date.now() - 3 * 86_400_000);
  await db.massCampaign.create({
    data: {
      ...base,
      idempotencyKey: "m1",
      text: "Weekend drop is live",
      status: "sent",
      sentAt,
      recipientCount: 120,
    },
  });
  await db.massCampaign.create({
    data: {
      ...base,
      idempotencyKey: "m2",
      text: "Long ago",
      status: "sent",
      sentAt: new Date(Date.now() - 400 * 86_400_000),
    },
  });
  await db.massCampaign.create({
    data: {
      ...base,
      idempotencyKey: "m3",
      text: "Not yet",
      status: "scheduled",
      scheduledAt: new Date(Date.now() + 86_400_000),
    },
  });
  return sentAt;
}

describe("earnings chart markers: posts", () => {
  it("marks exactly the posts Fanvue published in the range, each in its local day", async () => {
    const q = earningsQuerySchema.parse({ range: "90d", tz: "America/Los_Angeles" });
    const m = await earningsMarkers(access, q);
    const range = await resolveRange(q, [creatorId]);
    const truth = (await sb.admin(`/truth/posts?creator=luna&start=${range.startUtc}&end=${range.endUtc}`)) as {
      posts: { uuid: string; publishedAt: string }[];
    };
    const published = truth.posts.filter((p) => Date.parse(p.publishedAt) <= Date.now());
    expect(published.length).toBeGreaterThan(3);
    const posts = m.markers.filter((x) => x.kind === "post");
    expect(posts.map((p) => p.id).sort()).toEqual(published.map((p) => p.uuid).sort());
    for (const p of posts) expect(p.bucket).toBe(localDate(Date.parse(p.at), "America/Los_Angeles"));
    expect(m.truncated).toBe(false);
    expect(m.partial).toBeNull();
  });

  it("marks an agency creator's posts from /creators/{c}/posts, also those not made through Vuedeck", async () => {
    const atlas = await provisionAccount(sb, "atlas");
    const mia = (await getCreatorAccess(atlas.user.id, atlas.creators.mia!.id))!;
    const q = earningsQuerySchema.parse({ range: "90d", tz: "UTC" });
    const m = await earningsMarkers(mia, q);
    const range = await resolveRange(q, [mia.creator.id]);
    const truth = (await sb.admin(`/truth/posts?creator=mia&start=${range.startUtc}&end=${range.endUtc}`)) as {
      posts: { uuid: string; publishedAt: string }[];
    };
    const published = truth.posts.filter((p) => Date.parse(p.publishedAt) <= Date.now());
    expect(published.length).toBeGreaterThan(0);
    expect(
      m.markers
        .filter((x) => x.kind === "post")
        .map((p) => p.id)
        .sort(),
    ).toEqual(published.map((p) => p.uuid).sort());
    expect(m.partial).toBeNull();
  });
});

describe("earnings chart markers: mass messages and Fanvue failing", () => {
  it("places a mass message sent through Vuedeck in its week; one outside the range or not sent is left out", async () => {
    const sentAt = await recordMassCampaigns();
    const m = await earningsMarkers(
      access,
      earningsQuerySchema.parse({ range: "30d", tz: "Asia/Tokyo", granularity: "week" }),
    );
    const mass = m.markers.filter((x) => x.kind === "mass");
    // Ours, beside those Fanvue lists (sent elsewhere); the old and the scheduled one are not marked.
    expect(mass.filter((x) => x.label.includes("Weekend drop")).map((x) => x.label)).toEqual([
      "Mass message to 120: Weekend drop is live",
    ]);
    expect(mass.some((x) => /Long ago|Not yet/.test(x.label))).toBe(false);
    for (const x of mass) expect(Date.parse(x.at)).toBeGreaterThan(Date.now() - 31 * 86_400_000);
    // The Monday of the Tokyo week the message went out in.
    const day = localDate(sentAt.getTime(), "Asia/Tokyo");
    const dow = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
    expect(mass.find((x) => x.label.includes("Weekend drop"))!.bucket).toBe(
      new Date(Date.parse(`${day}T00:00:00Z`) - dow * 86_400_000).toISOString().slice(0, 10),
    );
  });

  it("says so when Fanvue fails, and still shows what Vuedeck recorded", async () => {
    // No earlier read to fall back on (a stale one would be shown instead).
    await db.upstreamSnapshot.deleteMany({ where: { key: { startsWith: "earnings:markers:posts:" } } });
    await sb.admin("/faults", { path: "/posts", method: "GET", status: 503, times: 20 });
    try {
      const m = await earningsMarkers(access, earningsQuerySchema.parse({ range: "30d", tz: "UTC" }));
      expect(m.partial).toBe("Shown without posts made outside Vuedeck (Fanvue had a problem answering)");
      expect(m.markers.some((x) => x.kind === "mass")).toBe(true);
    } finally {
      await sb.admin("/faults", undefined, "DELETE");
    }
  });
});
