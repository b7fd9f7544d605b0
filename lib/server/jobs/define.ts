import "server-only";
import type { z } from "zod";
import type { Job, Prisma } from "@/generated/prisma/client";
import { enqueue, type EnqueueOptions } from "./queue";

// A job is defined once, with the schema of its payload: `enqueue` takes what
// the schema accepts (a wrong payload fails tsc), and the worker parses the
// stored payload with it before the handler runs. Every definition is listed
// in catalog.ts; the worker runs what the catalog lists.

export type JobContext = {
  workerId: string;
  /** Aborted when the worker stops (a server shutdown). */
  signal: AbortSignal;
};

export type JobResult = Prisma.InputJsonValue | void;

export type JobDefinition<S extends z.ZodType = z.ZodType> = {
  queue: string;
  payload: S;
  /** Adds the job (deduplicated by opts.key, see queue.ts). */
  enqueue: (payload: z.input<S>, opts?: EnqueueOptions) => Promise<Job>;
  /** The row to create inside a caller's own transaction. */
  row: (payload: z.input<S>, opts?: EnqueueOptions) => Prisma.JobCreateInput;
  /** Parses the stored payload and runs the handler; an unparsable payload throws InvalidPayload. */
  run: (job: Job, ctx: JobContext) => Promise<JobResult>;
};

/** What the worker needs of a definition (any payload type). */
export type AnyJobDefinition = Pick<JobDefinition, "queue" | "run">;

/** A stored payload the job's schema refuses: it will never parse, so the job fails at once. */
export class InvalidPayload extends Error {}

const describeIssues = (queue: string, error: z.ZodError) =>
  `Invalid payload for ${queue}: ` +
  error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(payload)"}: ${i.message}`).join("; ");

export function defineJob<S extends z.ZodType>(def: {
  queue: string;
  payload: S;
  handler: (payload: z.output<S>, ctx: JobContext, job: Job) => Promise<JobResult>;
}): JobDefinition<S> {
  const { queue, payload: schema, handler } = def;
  // Checked on the way in too: a caller that bypasses tsc learns at once.
  const json = (payload: z.input<S>) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) throw new InvalidPayload(describeIssues(queue, parsed.error));
    return payload as Prisma.InputJsonValue;
  };
  return {
    queue,
    payload: schema,
    enqueue: async (payload, opts) => enqueue(queue, json(payload), opts),
    row: (payload, opts = {}) => ({
      queue,
      payload: json(payload),
      key: opts.key,
      runAt: opts.runAt,
      maxAttempts: opts.maxAttempts,
      connectionId: opts.connectionId ?? null,
    }),
    async run(job, ctx) {
      const parsed = schema.safeParse(job.payload);
      if (!parsed.success) throw new InvalidPayload(describeIssues(queue, parsed.error));
      return handler(parsed.data, ctx, job);
    },
  };
}

/** A periodic task (e.g. enqueue due syncs) run by the worker loop that has schedulers on. */
export type SchedulerDefinition = { name: string; tick: () => Promise<void> };

export const defineScheduler = (name: string, tick: () => Promise<void>): SchedulerDefinition => ({ name, tick });
