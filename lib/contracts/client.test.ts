import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTRACT_MODULES } from "./index";

// lib/contracts/client/* is generated (scripts/contracts-client.ts); each file
// must list the same routes as its contract module, or a caller would reach a
// path its handler left. Run the script again when this fails.
const DIR = path.join(import.meta.dirname, "client");
const fileOf = (key: string) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
type Shape = { method: string; path: string; raw?: true };
const runtime = (mod: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(mod)
      .filter(([, v]) => typeof v === "object" && v !== null && "method" in v && "path" in v)
      .map(([name, c]) => [name, { method: (c as Shape).method, path: (c as Shape).path, raw: (c as Shape).raw }]),
  );

describe("client contracts (lib/contracts/client)", () => {
  it("has one file per contract module, and no other", () => {
    const files = fs.readdirSync(DIR).filter((f) => f.endsWith(".ts"));
    expect(files.sort()).toEqual(
      Object.keys(CONTRACT_MODULES)
        .map((k) => `${fileOf(k)}.ts`)
        .sort(),
    );
  });

  it.each(Object.keys(CONTRACT_MODULES))(
    "%s: every route under its name, with its method, path and raw flag",
    async (key) => {
      const client = (await import(`./client/${fileOf(key)}.ts`)) as Record<string, unknown>;
      expect(runtime(client)).toEqual(runtime(CONTRACT_MODULES[key]!));
      expect(Object.keys(client).length).toBeGreaterThan(0);
    },
  );

  it("carries no schema, access or permission at run time", async () => {
    const client = (await import("./client/fans")) as Record<string, object>;
    for (const c of Object.values(client)) expect(Object.keys(c).sort()).toEqual(["method", "path"]);
    const media = (await import("./client/data-export")) as Record<string, object>;
    expect(Object.values(media).some((c) => "raw" in c)).toBe(true);
  });
});
