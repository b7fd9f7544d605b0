// Messages put together from parts (our words, a reason stored earlier,
// Fanvue's text) read as sentences: each part ends with a full stop (or its
// own ! ? … :) and one space separates them. Without this, a reason written
// without a period ran into the next sentence ("…reconnect to continue Data
// shown may be out of date").

const ENDS = /[.!?…:)"”’]$/;

/** "a", "b." → "a. b."; empty parts are left out. */
export function sentences(...parts: (string | null | undefined | false)[]): string {
  return parts
    .map((p) => (typeof p === "string" ? p.trim() : ""))
    .filter(Boolean)
    .map((p) => (ENDS.test(p) ? p : `${p}.`))
    .join(" ");
}
