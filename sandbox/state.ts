// Everything one sandbox instance holds: config, clock, world, tokens, the call
// log, fault switches and rate-limit buckets. Passed to every route module.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { SandboxConfig } from "./config";
import type { Route } from "../contract/fanvue/dsl";
import type { ContractFinding } from "./contract";
import { TokenStore } from "./oauth/tokens";
import type { World } from "./world/types";

export type CallRecord = {
  seq: number;
  at: string;
  method: string;
  path: string;
  route: string | null;
  query: Record<string, string | string[]>;
  status: number;
  bucket: string | null;
  userUuid: string | null;
  ms: number;
  /** Undocumented parameters/fields the request carried (none: absent). */
  undocumented?: string[];
};

export type Fault = {
  id: string;
  method: string | null;
  /** Glob on the path: `*` matches one segment, `**` anything. */
  path: string;
  pattern: RegExp;
  status: number | null;
  body: unknown;
  retryAfter: number | null;
  latencyMs: number;
  /** "before": drop the connection without handling; "after": handle (commit) then drop. */
  drop: "before" | "after" | null;
  /** Remaining activations; null = until removed. */
  remaining: number | null;
  hits: number;
};

export type Bucket = { limit: number; remaining: number; resetAt: number };

export class Clock {
  offsetMs = 0;
  now = () => Date.now() + this.offsetMs;
  advance(seconds: number) {
    this.offsetMs += seconds * 1000;
  }
}

export type Sandbox = {
  config: SandboxConfig;
  publicUrl: string;
  clock: Clock;
  world: World;
  tokens: TokenStore;
  calls: CallRecord[];
  callSeq: number;
  /** Requests and responses that broke Fanvue's reference (sandbox/contract.ts). */
  contractFindings: ContractFinding[];
  /** The reference's operations this sandbox serves (sandbox/api/registry.ts). */
  mounted: Route[];
  faults: Fault[];
  buckets: Map<string, Bucket>;
  signingKey: { privateKey: KeyObject; publicKey: KeyObject; kid: string };
};

export function createState(config: SandboxConfig, world: World, publicUrl: string): Sandbox {
  const clock = new Clock();
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    config,
    publicUrl,
    clock,
    world,
    tokens: new TokenStore(clock.now),
    calls: [],
    callSeq: 0,
    contractFindings: [],
    mounted: [],
    faults: [],
    buckets: new Map(),
    signingKey: { privateKey, publicKey, kid: "sandbox-1" },
  };
}
