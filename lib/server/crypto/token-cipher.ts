import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env.mjs";

// AES-256-GCM for OAuth tokens at rest. Format: v1.<kid>.<iv>.<tag>.<ciphertext>
// (base64url). The associated data binds a ciphertext to its row and column,
// so a token copied into another row does not decrypt.

export type KeyRing = { id: string; key: Buffer }[];

export class TokenCipherError extends Error {}

export function encryptToken(plaintext: string, aad: string, ring: KeyRing = env.TOKEN_ENCRYPTION_KEYS): string {
  const active = ring[0];
  if (!active) throw new TokenCipherError("no encryption key configured");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", active.key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const b = (x: Buffer) => x.toString("base64url");
  return ["v1", active.id, b(iv), b(cipher.getAuthTag()), b(ct)].join(".");
}

export function decryptToken(sealed: string, aad: string, ring: KeyRing = env.TOKEN_ENCRYPTION_KEYS): string {
  const [version, kid, iv, tag, ct] = sealed.split(".");
  if (version !== "v1" || !kid || !iv || !tag || ct === undefined)
    throw new TokenCipherError("malformed token ciphertext");
  const entry = ring.find((k) => k.id === kid);
  if (!entry) throw new TokenCipherError(`token was encrypted with unknown key id "${kid}"`);
  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenCipherError("token ciphertext failed authentication");
  }
}

/** True when the ciphertext was sealed with a key other than the active one. */
export const needsReencryption = (sealed: string, ring: KeyRing = env.TOKEN_ENCRYPTION_KEYS) =>
  sealed.split(".")[1] !== ring[0]?.id;

// Bound to the Fanvue account uuid: unique per row and known before the row exists.
export const tokenAad = (fanvueUserUuid: string, field: "access" | "refresh") =>
  `fanvue-connection:${fanvueUserUuid}:${field}`;
