import { describe, expect, it } from "vitest";
import { inviteCreateSchema } from "./team";

const issue = (r: ReturnType<typeof inviteCreateSchema.safeParse>) =>
  r.success ? null : `${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`;

describe("invites", () => {
  it("a creator's read-only seat covers exactly one creator", () => {
    const base = { role: "creator", expiresInDays: 7 };
    expect(issue(inviteCreateSchema.safeParse({ ...base, allCreators: true }))).toMatch(
      /^creatorIds: A creator's seat/,
    );
    expect(issue(inviteCreateSchema.safeParse({ ...base, allCreators: false, creatorIds: ["a", "b"] }))).toMatch(
      /^creatorIds:/,
    );
    expect(issue(inviteCreateSchema.safeParse({ ...base, allCreators: false, creatorIds: ["a"] }))).toBeNull();
  });

  it("other roles may cover every creator", () => {
    expect(issue(inviteCreateSchema.safeParse({ role: "viewer", allCreators: true }))).toBeNull();
    expect(issue(inviteCreateSchema.safeParse({ role: "owner", allCreators: true }))).toMatch(/^role:/);
  });
});
