// Token state of the emulated Ory Hydra: authorization codes, access tokens,
// and rotating single-use refresh tokens with reuse detection (contract §3).
import { createHash, randomBytes } from "node:crypto";

export type Grant = {
  userUuid: string;
  clientId: string;
  scopes: string[];
  familyId: string;
};

export type AccessRecord = Grant & { expiresAt: number; revoked: boolean };
export type RefreshRecord = Grant & { usedAt: number | null; revoked: boolean; successor: string | null };
export type CodeRecord = Grant & {
  redirectUri: string;
  codeChallenge: string;
  expiresAt: number;
  used: boolean;
  nonce: string | null;
};

const token = (prefix: string) => `${prefix}${randomBytes(32).toString("base64url")}`;

export class TokenStore {
  codes = new Map<string, CodeRecord>();
  access = new Map<string, AccessRecord>();
  refresh = new Map<string, RefreshRecord>();
  revokedFamilies = new Set<string>();
  stats = { codeExchanges: 0, refreshes: 0, refreshReuse: 0, revocations: 0 };

  constructor(private now: () => number) {}

  issueCode(grant: Grant, redirectUri: string, codeChallenge: string, nonce: string | null) {
    const code = token("sbx_ac_");
    this.codes.set(code, {
      ...grant,
      redirectUri,
      codeChallenge,
      nonce,
      expiresAt: this.now() + 10 * 60_000,
      used: false,
    });
    return code;
  }

  issuePair(grant: Grant, ttlSec: number) {
    const accessToken = token("sbx_at_");
    this.access.set(accessToken, { ...grant, expiresAt: this.now() + ttlSec * 1000, revoked: false });
    let refreshToken: string | null = null;
    if (grant.scopes.includes("offline_access") || grant.scopes.includes("offline")) {
      refreshToken = token("sbx_rt_");
      this.refresh.set(refreshToken, { ...grant, usedAt: null, revoked: false, successor: null });
    }
    return { accessToken, refreshToken };
  }

  revokeFamily(familyId: string) {
    this.revokedFamilies.add(familyId);
    for (const rec of this.access.values()) if (rec.familyId === familyId) rec.revoked = true;
    for (const rec of this.refresh.values()) if (rec.familyId === familyId) rec.revoked = true;
  }

  /** Valid, unexpired, unrevoked access token or undefined. */
  verifyAccess(tokenValue: string): AccessRecord | undefined {
    const rec = this.access.get(tokenValue);
    if (!rec || rec.revoked || rec.expiresAt <= this.now()) return undefined;
    return rec;
  }

  /** Force-expires every access token of a user (admin switch). */
  expireAccessFor(userUuid: string | null) {
    let n = 0;
    for (const rec of this.access.values()) {
      if (userUuid === null || rec.userUuid === userUuid) {
        if (rec.expiresAt > this.now()) n++;
        rec.expiresAt = this.now() - 1;
      }
    }
    return n;
  }
}

export const pkceChallenge = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");
