import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTION_LABELS, auditSentence } from "./action-labels";

// Every action the server records has words in the activity log: the route
// wrapper's `audit: "…"` and direct recordAudit({ action: "…" }) calls.
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts") ? [p] : [];
  });
}

describe("activity log labels", () => {
  const recorded = new Set<string>();
  for (const file of [...sources("app/api"), ...sources("lib/server")]) {
    const src = fs.readFileSync(file, "utf8");
    for (const m of src.matchAll(/\baudit:\s*"([a-z][\w.]*)"/g)) recorded.add(m[1]!);
    for (const m of src.matchAll(/recordAudit\(\{[^}]*?action:\s*"([a-z][\w.]*)"/g)) recorded.add(m[1]!);
  }

  it("finds the recorded actions", () => {
    expect(recorded.size).toBeGreaterThan(20);
  });

  it.each([...recorded].sort())("%s has a label", (action) => {
    expect(ACTION_LABELS[action], action).toBeTruthy();
  });

  it("tells adding, editing and deleting a fan note apart", () => {
    expect(["fan.note.add", "fan.note.edit", "fan.note.delete"].every((a) => recorded.has(a))).toBe(true);
    expect(ACTION_LABELS["fan.note.add"]).toBe("added a fan note");
    expect(ACTION_LABELS["fan.note.edit"]).toBe("edited a fan note");
    expect(ACTION_LABELS["fan.note.delete"]).toBe("deleted a fan note");
  });
});

describe("activity log sentences", () => {
  it("says what was sent, for how much, to whom", () => {
    expect(auditSentence("message.send", { price: 2000, fanHandle: "neon" })).toBe("sent a $20.00 PPV to @neon");
    expect(auditSentence("message.send", { price: null, fanHandle: "neon" })).toBe("sent a message to @neon");
    expect(auditSentence("message.send", null)).toBe("sent a message");
  });

  it("says which sale was credited to whom, and why", () => {
    expect(auditSentence("sale.reassign", { gross: 2000, from: "Sam", to: "Kai", reason: "Kai wrote it" })).toBe(
      "credited a $20.00 sale from Sam to Kai: “Kai wrote it”",
    );
    expect(auditSentence("sale.reassign", { from: "Sam", to: null })).toBe("credited a sale from Sam to nobody");
  });

  it("falls back to the label, then to the action as recorded", () => {
    expect(auditSentence("invite.create", {})).toBe("created an invite link");
    expect(auditSentence("something.new", {})).toBe("something.new");
  });
});
