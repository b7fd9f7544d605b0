import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";
import { provisionAccount } from "../support/workspace";

// Fanvue's post list is read once for every view within 15 s (the page's
// server render, reloads, each team member) and read again at once after a
// change made in Vuedeck (lib/server/posts/list-cache.ts).

const sb = await startTestSandbox();
const { db } = await import("@/lib/server/db");
const { getCreatorAccess } = await import("@/lib/server/workspaces/access");
const service = await import("@/lib/server/posts/service");
const { getQueue } = await import("@/lib/server/posts/queue-sources");
const { getHistory } = await import("@/lib/server/posts/history");
type Access = import("@/lib/server/workspaces/access").CreatorAccess;

let luna: Access;
let user: { id: string; name: string };
cleanUpBetweenTests(sb, db);

const listReads = async () =>
  ((await sb.admin("/calls?path=/posts")) as { calls: { method: string }[] }).calls.filter((c) => c.method === "GET")
    .length;
const view = () => Promise.all([getQueue(luna), getHistory(luna, { page: 1, range: "30d", tz: "UTC" })]);

beforeAll(async () => {
  const l = await provisionAccount(sb, "luna");
  user = { id: l.user.id, name: "Luna" };
  luna = (await getCreatorAccess(l.user.id, l.creators.luna!.id))!;
});
beforeEach(async () => {
  await db.upstreamSnapshot.deleteMany({ where: { key: { startsWith: "posts:" } } });
  await sb.admin("/calls", undefined, "DELETE");
});

describe("the kept post list", () => {
  it("serves repeated views within 15 s from one read", async () => {
    await view();
    const first = await listReads();
    expect(first).toBeGreaterThan(0);
    await view();
    await view();
    expect(await listReads()).toBe(first);
  });

  it("is read again once older than 15 s", async () => {
    await view();
    const first = await listReads();
    await db.upstreamSnapshot.updateMany({
      where: { key: { startsWith: "posts:" } },
      data: { fetchedAt: new Date(Date.now() - 16_000) },
    });
    await view();
    expect(await listReads()).toBeGreaterThan(first);
  });

  it("shows a post scheduled in Vuedeck on the next view, and its cancellation", async () => {
    await view();
    const at = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const { post } = await service.publishFromComposer(luna, user, {
      key: `list-cache-${Date.now()}`,
      draftId: null,
      text: `Kept list ${Date.now()}`,
      mediaUuids: [],
      previewUuid: null,
      audience: "subscribers",
      price: null,
      publishAt: at,
      expiresAt: null,
    });
    expect((await getQueue(luna)).items.some((i) => i.id === post.uuid)).toBe(true);
    await service.cancelAudited(luna, user, post.uuid, () => undefined);
    expect((await getQueue(luna)).items.some((i) => i.id === post.uuid)).toBe(false);
  });
});
