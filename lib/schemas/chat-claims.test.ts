import { describe, expect, it } from "vitest";
import { ownershipLine, type ChatOwnership } from "./chat-claims";

const at = "2026-01-01T00:00:00.000Z";
const holder = (userId: string, name: string, assignedBy: string | null = null) => ({
  userId,
  name,
  claimedAt: at,
  lastActiveAt: at,
  assignedBy,
  lapsesAt: assignedBy ? null : at,
});
const o = (over: Partial<ChatOwnership>): ChatOwnership => ({
  holder: null,
  present: [],
  you: "me",
  canAssign: false,
  members: [],
  ...over,
});
const here = (userId: string, name: string, state: "viewing" | "typing") => ({ userId, name, state, seenAt: at });

describe("the conversation header's ownership line", () => {
  it("says who answers, from the viewer's side", () => {
    expect(ownershipLine(o({ holder: holder("kai", "Kai") }))?.text).toBe("Kai is answering");
    expect(ownershipLine(o({ holder: holder("me", "Me") }))).toMatchObject({ text: "You are answering", mine: true });
    expect(ownershipLine(o({ holder: holder("kai", "Kai", "Lee") }))?.text).toBe("Assigned to Kai");
    expect(ownershipLine(o({ holder: holder("me", "Me", "Lee") }))?.text).toBe("Assigned to you");
  });

  it("says when the holder or someone else is typing", () => {
    expect(ownershipLine(o({ holder: holder("kai", "Kai"), present: [here("kai", "Kai", "typing")] }))?.text).toBe(
      "Kai is typing…",
    );
    expect(ownershipLine(o({ holder: holder("me", "Me"), present: [here("sam", "Sam", "typing")] }))).toMatchObject({
      text: "You are answering",
      also: "Sam is typing too",
    });
    expect(ownershipLine(o({ present: [here("sam", "Sam", "typing")] }))?.text).toBe("Sam is typing…");
  });

  it("names who has a free chat open, and is empty when nobody does", () => {
    expect(ownershipLine(o({ present: [here("sam", "Sam", "viewing")] }))?.text).toBe("Sam has this chat open");
    expect(ownershipLine(o({}))).toBeNull();
  });
});
