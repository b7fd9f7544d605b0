import { describe, expect, it } from "vitest";
import { lastMessage, listMessagesResponseItem } from "@/contract/fanvue/routes/shapes";
import { MESSAGE_TYPE_KEYS, messageTypeLabel, previewOf } from "./format";

describe("chat formatting", () => {
  it("previews the last message, marking ours", () => {
    const row = {
      lastMessage: { text: "hey", hasMedia: false, fromCreator: true, sentAt: null, type: null },
    } as Parameters<typeof previewOf>[0];
    expect(previewOf(row)).toBe("You: hey");
    expect(
      previewOf({ ...row, lastMessage: { ...row.lastMessage!, text: null, hasMedia: true, fromCreator: false } }),
    ).toBe("Sent media");
    expect(previewOf({ ...row, lastMessage: null })).toBe("No messages yet");
  });

  it("has words for every message type Fanvue's reference lists", () => {
    const listed = new Set([...lastMessage.shape.type.options, ...listMessagesResponseItem.shape.type.options]);
    expect([...listed].filter((t) => !MESSAGE_TYPE_KEYS.includes(t))).toEqual([]);
    expect(messageTypeLabel("VOICE_CALL")).toBe("Voice call");
    expect(messageTypeLabel("SINGLE_RECIPIENT")).toBeNull();
    expect(messageTypeLabel("SOMETHING_NEW")).toBeNull();
  });
});
