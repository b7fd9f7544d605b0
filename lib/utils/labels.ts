// Words for the values Fanvue's reference lists. Every feature keeps its own
// map (lib/utils/content-labels.ts, lib/schemas/earnings.ts, …); what they
// share is the rule for a value Fanvue adds later (our parsers keep enums
// open): it reads as words, never as a code.

/** "checkoutLink" / "not_contactable" → "Checkout link" / "Not contactable". */
export function humanize(key: string) {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : "Other";
}

/** The label of `value`, or its words when Fanvue sent one we have no label for. */
export function labelOf(
  labels: Readonly<Record<string, string>>,
  value: string | null | undefined,
  none = "—",
): string {
  if (value === null || value === undefined || value === "") return none;
  return labels[value] ?? humanize(value);
}
