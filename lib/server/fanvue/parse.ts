import "server-only";
import type { z } from "zod";
import { FanvueError } from "./errors";

/** Validates a 2xx body at the edge. A payload that breaks the contract fails
 * loudly here (logged with the path, never the token) instead of turning into
 * a wrong zero on screen. */
export function parseResponse<S extends z.ZodType>(schema: S, body: unknown, path: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  console.error(`[fanvue] unexpected response shape from ${path}: ${issues.join("; ")}`);
  throw new FanvueError("bad_response", `Fanvue sent an unexpected response for ${path}.`, { path, errors: issues });
}
