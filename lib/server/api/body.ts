import "server-only";
import { ApiError, toErrorResponse } from "./errors";

// The one reader of request bodies (route wrapper and webhook receiver). The
// byte limit is enforced while the body streams in: a declared
// Content-Length over the limit is refused before a byte is read, and an
// undeclared (chunked) body is cut off at the first chunk past the limit. So
// a flood of huge bodies costs at most `limit` bytes each, never their size.

/** Our JSON bodies are forms: a 5,000-character message with 200 media ids
 * is ~9 KiB. 64 KiB leaves room for every schema and refuses anything else. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

const tooLarge = (limit: number) =>
  new ApiError("payload_too_large", `Request body is larger than ${formatBytes(limit)}.`, { field: "body" });

function formatBytes(n: number) {
  return n >= 1024 * 1024 ? `${Math.round(n / (1024 * 1024))} MiB` : `${Math.round(n / 1024)} KiB`;
}

/** Refuses a body whose declared Content-Length is over the limit, before
 * anything else is done for the request (no session lookup, no read). */
export function assertDeclaredSize(req: Request, limit = DEFAULT_BODY_LIMIT) {
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
}

/** Reads the body as UTF-8 text, refusing more than `limit` bytes (413). */
export async function readBodyText(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<string> {
  assertDeclaredSize(req, limit);
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch {
      throw new ApiError("invalid_input", "The request body was cut off before it ended.", { field: "body" });
    }
    if (step.done) break;
    total += step.value.byteLength;
    if (total > limit) {
      // Stop pulling: the rest of the body is never buffered.
      reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(step.value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new ApiError("invalid_input", "Request body must be UTF-8 text.", { field: "body" });
  }
}

/** Reads a JSON body ({} when empty) under the same limit. */
export async function readJsonBody(req: Request, limit = DEFAULT_BODY_LIMIT): Promise<unknown> {
  const text = await readBodyText(req, limit);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_input", "Request body must be valid JSON.", { field: "body" });
  }
}

/** For the two handlers outside apiRoute() (Auth.js, the webhook): the body
 * as text, or the error response to send (413, cut off, not UTF-8). */
export async function readBodyOrRefusal(
  req: Request,
  limit: number,
  where: string,
): Promise<{ text: string } | { refusal: Response }> {
  try {
    return { text: await readBodyText(req, limit) };
  } catch (err) {
    if (err instanceof ApiError) return { refusal: toErrorResponse(err, where) };
    throw err;
  }
}
