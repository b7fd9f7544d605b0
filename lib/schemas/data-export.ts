import { z } from "zod";

/** `?creatorId=`: one creator's data; absent: the whole workspace's. */
export const dataScopeQuerySchema = z.object({ creatorId: z.string().min(1).max(64).optional() });

/** The typed confirmation: the workspace's name, or the creator's handle. */
export const dataDeleteBodySchema = z.object({ confirm: z.string().trim().min(1).max(200) });

export type DataDeleted = { scope: "workspace" | "creator"; rows: number };
