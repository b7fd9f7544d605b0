// Shared request parsing, validation and response shapes for the sandbox's
// API modules, so every endpoint paginates and fails the same documented way.
import { HttpError, validation, type Ctx } from "../http";
import type { CreatorWorld, Fan } from "../world/types";
import { isUuid } from "./registry";

export const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

/** Array query params: both `a=x,y` and `a=x&a=y` (contract §2.2). */
export function listParam(ctx: Ctx, name: string): string[] {
  return ctx.query
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function intParam(ctx: Ctx, name: string, def: number, min: number, max: number): number {
  const raw = ctx.query.get(name);
  if (raw === null || raw === "") return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw validation(`${name} must be an integer between ${min} and ${max}`);
  return n;
}

// ─── Page style: ?page=&size= → {data, pagination: {page, size, hasMore}} ───

export function pageParams(ctx: Ctx, defaultSize = 15) {
  return { page: intParam(ctx, "page", 1, 1, 1_000_000), size: intParam(ctx, "size", defaultSize, 1, 50) };
}

/** `pagination.size` is the number of rows returned, not the one asked for. */
export function paged<T, R>(items: readonly T[], p: { page: number; size: number }, map: (item: T) => R) {
  const from = (p.page - 1) * p.size;
  const rows = items.slice(from, from + p.size).map(map);
  return { data: rows, pagination: { page: p.page, size: rows.length, hasMore: from + p.size < items.length } };
}

// ─── Cursor style: ?cursor=&limit|size= → {data, nextCursor} ────────────────

export function cursorParams(ctx: Ctx, sizeName: "limit" | "size", defaultSize = 20) {
  const size = intParam(ctx, sizeName, defaultSize, 1, 50);
  const raw = ctx.query.get("cursor");
  let offset = 0;
  if (raw) {
    try {
      const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as { o?: unknown };
      if (typeof parsed.o !== "number" || !Number.isInteger(parsed.o) || parsed.o < 0) throw new Error();
      offset = parsed.o;
    } catch {
      throw validation("cursor is invalid");
    }
  }
  return { offset, size };
}

export const encodeCursor = (offset: number) => Buffer.from(JSON.stringify({ o: offset })).toString("base64url");

export function cursored<T, R>(items: readonly T[], p: { offset: number; size: number }, map: (item: T) => R) {
  const rows = items.slice(p.offset, p.offset + p.size).map(map);
  const next = p.offset + p.size;
  return { data: rows, nextCursor: next < items.length ? encodeCursor(next) : null };
}

// ─── Validation ─────────────────────────────────────────────────────────────

export function enumParam<T extends string>(ctx: Ctx, name: string, allowed: readonly T[], def?: T): T | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === "") return def;
  if (!allowed.includes(v as T)) throw validation(`${name} must be one of: ${allowed.join(", ")}`);
  return v as T;
}

/** ISO date-time query param (offset allowed); 400 naming it when malformed. */
export function dateParam(ctx: Ctx, name: string): number | undefined {
  const v = ctx.query.get(name);
  if (v === null || v === "") return undefined;
  const t = Date.parse(v);
  if (Number.isNaN(t)) throw validation(`${name} must be an ISO 8601 date-time`);
  return t;
}

export function uuidParam(ctx: Ctx, name: string): string {
  const v = ctx.params[name] ?? "";
  if (!isUuid(v)) throw new HttpError(400, { message: `${name} must be a valid UUID` });
  return v;
}

export function uuidList(value: unknown, name: string, max: number, min = 0): string[] {
  if (value === undefined || value === null) {
    if (min > 0) throw validation(`${name} is required`);
    return [];
  }
  if (!Array.isArray(value)) throw validation(`${name} must be an array of UUIDs`);
  if (value.length < min) throw validation(`${name} must contain at least ${min} item${min === 1 ? "" : "s"}`);
  if (value.length > max) throw validation(`${name} must contain at most ${max} items`);
  for (const v of value)
    if (typeof v !== "string" || !isUuid(v)) throw validation(`${name} must contain only valid UUIDs`);
  return value as string[];
}

export function optionalText(value: unknown, name: string, max = 5000): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") throw validation(`${name} must be a string`);
  if (value.length === 0) throw validation(`${name} must be at least 1 character`);
  if (value.length > max) throw validation(`${name} must be at most ${max} characters`);
  return value;
}

/** Price rules shared by messages, mass messages and posts (contract §2.1). */
export function priceRule(value: unknown, hasMedia: boolean): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== "number" || !Number.isInteger(value))
    throw validation("price must be an integer number of cents");
  if (value < 300) throw validation("price must be at least 300");
  if (!hasMedia) throw validation("price requires at least one media item");
  return value;
}

export function bool(value: unknown, name: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw validation(`${name} must be a boolean`);
  return value;
}

// ─── Shapes ─────────────────────────────────────────────────────────────────

export function fanUser(f: Fan, nickname: string | null = null) {
  return {
    uuid: f.uuid,
    handle: f.handle,
    displayName: f.displayName,
    nickname,
    isTopSpender: f.isTopSpender,
    avatarUrl: f.avatarUrl,
    registeredAt: iso(f.registeredAt),
  };
}

export const fanUserOf = (c: CreatorWorld, fanIdx: number) =>
  fanUser(c.fans[fanIdx]!, c.relations[fanIdx]?.nickname ?? null);

/** The fan's index in this creator's audience, or a 404 with Fanvue's body. */
export function fanIdxOr404(c: CreatorWorld, userUuid: string, message = "User not found"): number {
  const idx = c.fanIndex.get(userUuid);
  if (idx === undefined) throw new HttpError(404, { message });
  return idx;
}
