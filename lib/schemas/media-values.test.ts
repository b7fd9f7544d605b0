import { describe, expect, it } from "vitest";
import { folderNameError, folderNameSchema } from "./media";

// The folder dialogs check names without zod (folderNameError); the server's schema decides.
describe("folderNameError", () => {
  it.each(["", "  ", "Holiday", "  Spring 24 ", "a/b", "tab\there", "x".repeat(255), "x".repeat(256), "/".repeat(300)])(
    "answers as folderNameSchema does for %j",
    (name) => {
      const parsed = folderNameSchema.safeParse(name);
      expect(folderNameError(name)).toBe(parsed.success ? null : (parsed.error.issues[0]?.message ?? "?"));
    },
  );
});
