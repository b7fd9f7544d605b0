import { describe, expect, it } from "vitest";
import { connectAccount } from "../support/connect";
import { creatorWorkspace, staffMember } from "../support/fans";
import { cleanUpBetweenTests, startTestSandbox } from "../support/sandbox";

// A creator's Fanvue budget under stress, through the real limiter, client
// and sandbox: one slow call does not hold the creator's other reads (nor is
// a slow Fanvue called a rate limit), and one member cannot spend what the
// others and everyone's sends need. A scaled-down bucket (20 a window) with
// Fanvue's 60 s window, so a refused share is not waited out within a test.

const sb = await startTestSandbox({ rateLimit: { limit: 20, windowSec: 60 } });
const { db } = await import("@/lib/server/db");
const { fanvueClient } = await import("@/lib/server/fanvue/client");
const { FanvueError } = await import("@/lib/server/fanvue/errors");
const { toErrorResponse } = await import("@/lib/server/api/errors");
const { contextFor, requestContext } = await import("@/lib/server/api/request-context");
const { getInbox } = await import("@/lib/server/chats/inbox");
const { sendChatMessage } = await import("@/lib/server/chats/send");
const { clientForCreator } = await import("@/lib/server/creators/client");
const { withSnapshot } = await import("@/lib/server/snapshots");
const { workspaceIsShared } = await import("@/lib/server/workspaces/access");

cleanUpBetweenTests(sb, db);

type Calls = { byStatus: Record<string, number> };
const as = <T>(method: string, user: { id: string }, fn: () => Promise<T>) =>
  requestContext.run(contextFor(method, user), fn);

describe("a slow Fanvue call", () => {
  it("held by Fanvue, it does not hold the creator's other reads", async () => {
    const { connection } = await connectAccount(sb, "nova");
    const client = fanvueClient({ connectionId: connection.id });
    // The first call of a new bucket probes it; Fanvue holds this one.
    await sb.admin("/faults", { path: "/insights/earnings/summary", latencyMs: 10_000, times: 1 });
    const held = new AbortController();
    let heldSettled = false;
    const slow = client
      .creator("GET", "/insights/earnings/summary", { signal: held.signal })
      .finally(() => (heldSettled = true));
    const started = Date.now();
    const reads = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => client.creator("GET", "/chats", { query: { page: i + 1, size: 5 } })),
    );
    const tookMs = Date.now() - started;
    expect(reads.map((r) => r.status)).toEqual(Array(10).fill("fulfilled"));
    expect(heldSettled).toBe(false);
    // The probe is given up on after 2 s; the reads finish well within their 8 s.
    expect(tookMs).toBeLessThan(6_000);
    held.abort();
    await expect(slow).rejects.toThrow();
  });

  it("unanswered, it is said as Fanvue being slow (503 upstream_unavailable), never as a rate limit", async () => {
    const { connection } = await connectAccount(sb, "ivy");
    const client = fanvueClient({ connectionId: connection.id });
    await sb.admin("/faults", { path: "/insights/earnings/summary", latencyMs: 2_000 });
    const err = await client.creator("GET", "/insights/earnings/summary", { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FanvueError);
    expect(err).toMatchObject({ kind: "timeout" });
    const res = toErrorResponse(err, "test");
    expect(res.status).toBe(503);
    expect(res.headers.get("Retry-After")).toBe("10");
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("upstream_unavailable");
    expect(body.error.message).toBe("Fanvue is slow to answer right now. Try again in a moment.");
  });
});

describe("one member's share of a creator's budget", () => {
  it("a viewer's search storm stops at their share; a manager's reads and the owner's send still go through", async () => {
    const { access: ownerAccess, user: owner, creator, workspace } = await creatorWorkspace(sb, "luna");
    const viewer = await staffMember(workspace.id, creator.id, "viewer", "Vic the viewer");
    const manager = await staffMember(workspace.id, creator.id, "manager", "Mo the manager");
    const search = (who: typeof viewer, text: string) =>
      as("GET", who.user, () => getInbox(who.access, { filter: "all", sort: "recent", search: text, page: 1 }));

    // 30 searches at once, more than the whole bucket (20).
    const storm = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => search(viewer, `nobody ${i}`)));
    const refused = storm
      .filter((r) => r.status === "rejected")
      .map((r) => (r as PromiseRejectedResult).reason as unknown);
    expect(storm.filter((r) => r.status === "fulfilled").length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(20);
    const res = toErrorResponse(refused[0], "test");
    expect(res.status).toBe(429);
    const body = (await res.json()) as { error: { code: string; message: string; retryAfterSec: number } };
    expect(body.error.code).toBe("rate_limited");
    expect(body.error.message).toMatch(
      /^You have used your share of this creator's Fanvue requests for this minute; more in about \d+ s\./,
    );
    // Honest: the share comes back with Fanvue's window, not in a second.
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(30);
    expect(body.error.retryAfterSec).toBe(Number(res.headers.get("Retry-After")));

    // Within the same window: another member reads…
    for (const text of ["mo 1", "mo 2", "mo 3"]) {
      const page = await search(manager, text);
      expect(page.stale).toBe(false);
    }
    // …and the owner's send goes out.
    const world = sb.state.world.creators.get(creator.fanvueUuid)!;
    const chat = [...world.chats.values()].find((c) => world.relations[c.fanIdx]!.contactable)!;
    const fan = world.fans[chat.fanIdx]!.uuid;
    const sent = await as("POST", owner, () =>
      sendChatMessage(ownerAccess, owner, fan, {
        idempotencyKey: `share-${Date.now()}`,
        text: "Thanks for the tip!",
        mediaUuids: [],
        price: null,
        templateUuid: null,
      }),
    );
    expect(sent.send.status).toBe("sent");
    // All of it below Fanvue's limit: nothing was refused upstream.
    expect(((await sb.admin("/calls?summary=1")) as Calls).byStatus["429"] ?? 0).toBe(0);
  });

  it("a shared read refused for the member who started it is made again for a member who joined it", async () => {
    const { creator, workspace } = await creatorWorkspace(sb, "mia");
    const viewer = await staffMember(workspace.id, creator.id, "viewer", "Vi");
    const manager = await staffMember(workspace.id, creator.id, "manager", "Ma");
    const client = clientForCreator(viewer.access);
    // The viewer uses up their share (9 of 20)…
    const used = await Promise.allSettled(
      Array.from({ length: 12 }, () => as("GET", viewer.user, () => client.creator("GET", "/chats/unread"))),
    );
    expect(used.filter((r) => r.status === "fulfilled")).toHaveLength(9);
    // …then starts a snapshot read that the manager joins at once.
    const read = () => client.creator("GET", "/chats/unread").then((r) => r.body as object);
    const [v, m] = await Promise.allSettled([
      as("GET", viewer.user, () => withSnapshot(`share-test:${creator.id}`, read)),
      as("GET", manager.user, () => withSnapshot(`share-test:${creator.id}`, read)),
    ]);
    expect(v).toMatchObject({ status: "rejected", reason: { kind: "rate_limited", details: { scope: "member" } } });
    expect(m).toMatchObject({ status: "fulfilled", value: { stale: false } });
  });
  it("a creator on their own is not held to a share: nobody else reads their budget", async () => {
    // Ivy's budget: no other test here spends it.
    const { access, user, workspace } = await creatorWorkspace(sb, "ivy");
    expect(await workspaceIsShared(workspace.id)).toBe(false);
    const client = clientForCreator(access);
    // As the route wrapper runs a workspace of one: 14 reads, past the 9 a member of a team may use.
    const reads = await Promise.allSettled(
      Array.from({ length: 14 }, () =>
        requestContext.run(contextFor("GET", user, false), () => client.creator("GET", "/chats/unread")),
      ),
    );
    expect(
      reads.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    // A workspace with staff is shared: there the share applies (the tests above).
    const team = await creatorWorkspace(sb, "felix", "ivy");
    await staffMember(team.workspace.id, team.creator.id, "viewer", "Vee");
    expect(await workspaceIsShared(team.workspace.id)).toBe(true);
  });
});
