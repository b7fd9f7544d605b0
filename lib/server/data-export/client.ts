import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";

// The export, import and delete take a client instead of the app's `db`: the
// CLI connects to a DATABASE_URL of its own, and the round-trip test imports
// into a second database.

export type DataClient = PrismaClient;

type Row = Record<string, unknown>;
/** The few delegate methods used here, for any model named by a TableSpec. */
export type Delegate = {
  findMany: (args: Row) => Promise<Row[]>;
  count: (args: Row) => Promise<number>;
  createMany: (args: { data: Row[] }) => Promise<{ count: number }>;
  deleteMany: (args: Row) => Promise<{ count: number }>;
};

export const delegateOf = (client: unknown, name: string): Delegate => {
  const d = (client as Record<string, Delegate | undefined>)[name];
  if (!d) throw new Error(`No Prisma model "${name}"`);
  return d;
};
