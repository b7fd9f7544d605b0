import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { KeyRing } from "./token-cipher";

let mod: typeof import("./token-cipher");
const k1 = { id: "k1", key: randomBytes(32) };
const k2 = { id: "k2", key: randomBytes(32) };

beforeAll(async () => {
  // The module reads env at import; give it a valid key ring.
  Object.assign(process.env, {
    DATABASE_URL: "postgresql://x@127.0.0.1:1/x",
    AUTH_SECRET: "x".repeat(32),
    FANVUE_CLIENT_ID: "id",
    FANVUE_CLIENT_SECRET: "secret",
    TOKEN_ENCRYPTION_KEYS: `k1:${k1.key.toString("base64")}`,
  });
  mod = await import("./token-cipher");
});

describe("token cipher", () => {
  it("round-trips and never contains the plaintext", () => {
    const sealed = mod.encryptToken("sbx_at_secret-value", "row-1:access", [k1]);
    expect(sealed).not.toContain("secret-value");
    expect(sealed.startsWith("v1.k1.")).toBe(true);
    expect(mod.decryptToken(sealed, "row-1:access", [k1])).toBe("sbx_at_secret-value");
  });

  it("uses a fresh IV each time", () => {
    expect(mod.encryptToken("same", "a", [k1])).not.toBe(mod.encryptToken("same", "a", [k1]));
  });

  it("binds the ciphertext to its row and column", () => {
    const sealed = mod.encryptToken("tok", mod.tokenAad("fan-a", "access"), [k1]);
    expect(() => mod.decryptToken(sealed, mod.tokenAad("fan-b", "access"), [k1])).toThrow(mod.TokenCipherError);
    expect(() => mod.decryptToken(sealed, mod.tokenAad("fan-a", "refresh"), [k1])).toThrow(mod.TokenCipherError);
  });

  it("rejects tampering", () => {
    const sealed = mod.encryptToken("tok", "a", [k1]);
    const parts = sealed.split(".");
    const ct = Buffer.from(parts[4]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64url");
    expect(() => mod.decryptToken(parts.join("."), "a", [k1])).toThrow(/authentication/);
  });

  it("rotates keys: new key encrypts, old key still decrypts", () => {
    const old = mod.encryptToken("tok", "a", [k1]);
    const ring: KeyRing = [k2, k1];
    expect(mod.decryptToken(old, "a", ring)).toBe("tok");
    expect(mod.needsReencryption(old, ring)).toBe(true);
    const fresh = mod.encryptToken("tok", "a", ring);
    expect(fresh.split(".")[1]).toBe("k2");
    expect(() => mod.decryptToken(fresh, "a", [k1])).toThrow(/unknown key id "k2"/);
  });
});
