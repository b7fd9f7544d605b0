import "server-only";
import { randomUUID } from "node:crypto";
import type { EarningsQuery } from "@/lib/schemas/earnings";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { openEarningsCsv, type CsvOptions } from "./csv";

// An earnings CSV download: one per user at a time, streamed.
//
// The "one at a time" is a lease row in Postgres (ExportLease), not memory,
// because several app processes may serve the same users, and not an
// advisory lock: a session lock lives on one connection, so the pool would
// have to hand that connection to the export for the whole download (a slow
// client would hold one of the process's 10 connections for minutes). A
// lease costs one upsert, a renewal every 20 s while the download runs and
// a delete at its end; a process that dies mid-export leaves a lease that
// runs out by itself.

/** A dead process's lease blocks its user's next export for at most a minute. */
const LEASE_MS = 60_000;
/** Renewed 3 times per lease: one late renewal never loses it. */
const RENEW_MS = LEASE_MS / 3;
/** An export of 100,000 rows takes a few seconds; a minute would be too long to wait. */
export const EXPORT_RETRY_AFTER_SEC = 5;

export type ExportLease = {
  /** The download moved on: keep the lease. */
  touch: () => void;
  release: () => Promise<void>;
};

/** The user's export lease, or null while another export of theirs runs. */
export async function acquireExportLease(userId: string): Promise<ExportLease | null> {
  const holder = randomUUID();
  // Database time on both sides of every comparison: app clocks may differ.
  const won = await db.$queryRaw<{ holder: string }[]>`
    INSERT INTO "ExportLease" ("userId", holder, "leaseUntil", "startedAt")
    VALUES (${userId}, ${holder}, now() + ${LEASE_MS} * interval '1 millisecond', now())
    ON CONFLICT ("userId") DO UPDATE SET holder = EXCLUDED.holder, "leaseUntil" = EXCLUDED."leaseUntil", "startedAt" = EXCLUDED."startedAt"
      WHERE "ExportLease"."leaseUntil" < now()
    RETURNING holder`;
  if (won.length === 0) return null;
  // Renewed while the download moves; a stream nobody reads (a client that
  // stalls, a response never sent) lets it run out instead of holding it.
  let touchedAt = Date.now();
  const renew = setInterval(() => {
    if (Date.now() - touchedAt > LEASE_MS) return clearInterval(renew);
    void db.$executeRaw`UPDATE "ExportLease" SET "leaseUntil" = now() + ${LEASE_MS} * interval '1 millisecond' WHERE "userId" = ${userId} AND holder = ${holder}`.catch(
      () => undefined,
    );
  }, RENEW_MS);
  renew.unref();
  let released: Promise<void> | null = null;
  return {
    touch: () => void (touchedAt = Date.now()),
    release: () =>
      (released ??= (async () => {
        clearInterval(renew);
        // If this fails (database gone), the lease runs out within LEASE_MS.
        await db.$executeRaw`DELETE FROM "ExportLease" WHERE "userId" = ${userId} AND holder = ${holder}`.catch(
          (err: unknown) => console.error("[export] lease not released:", err),
        );
      })()),
  };
}

/** Bytes as a stream that reads the next chunk only when the client has taken the last
 * (backpressure); the lease is kept while it moves and released when the stream ends, fails or
 * the client goes away. Every export download (the CSVs, the full export's zip) streams through it. */
export function leasedStream(chunks: AsyncGenerator<Uint8Array>, lease: ExportLease): ReadableStream<Uint8Array> {
  // A pull in flight when the client goes away must not touch the closed controller.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      lease.touch();
      try {
        const next = await chunks.next();
        if (cancelled) return;
        if (next.done) {
          await lease.release();
          controller.close();
        } else controller.enqueue(next.value);
      } catch (err) {
        if (cancelled) return;
        console.error("[export] stream failed:", err);
        await lease.release();
        // The client sees a broken download, never a file cut short that looks whole.
        controller.error(err);
      }
    },
    async cancel() {
      cancelled = true;
      await lease.release();
      await chunks.return(undefined).catch(() => undefined);
    },
  });
}

/** CSV text chunks as a leased byte stream. */
export function csvStream(chunks: AsyncGenerator<string>, lease: ExportLease): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* bytes() {
    try {
      for await (const chunk of chunks) yield encoder.encode(chunk);
    } finally {
      await chunks.return(undefined).catch(() => undefined);
    }
  }
  return leasedStream(bytes(), lease);
}

export type EarningsExport = {
  userId: string;
  creatorIds: string[];
  query: EarningsQuery;
  rows: "transactions" | "buckets";
  label: string;
  fileName: string;
  /** Runs once the export is sure to start (its audit record). */
  onStart?: () => Promise<unknown>;
} & Pick<CsvOptions, "creatorHandles" | "pageRows" | "onPage">;

/** The CSV download as a streamed response; 429 while another export of the user runs. */
export async function exportEarnings(e: EarningsExport): Promise<Response> {
  const lease = await acquireExportLease(e.userId);
  if (!lease) {
    throw new ApiError(
      "rate_limited",
      "An export is already running for your account. Try again when it has finished downloading.",
      { retryAfterSec: EXPORT_RETRY_AFTER_SEC },
    );
  }
  let chunks: AsyncGenerator<string>;
  try {
    chunks = await openEarningsCsv(e.creatorIds, e.query, e.rows, e.label, e);
    await e.onStart?.();
  } catch (err) {
    await lease.release();
    throw err;
  }
  return new Response(csvStream(chunks, lease), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${safeFileName(e.fileName)}"`,
      "Cache-Control": "no-store",
    },
  });
}

/** A file name that cannot break the header's quoting (handles and zones are data). */
const safeFileName = (name: string) => name.replace(/[^A-Za-z0-9._+-]/g, "_");
