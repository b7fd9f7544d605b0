// CSV that a spreadsheet opens as data, never as formulas or extra lines.
//
// Formula injection (OWASP, "CSV Injection"): Excel, Sheets and LibreOffice
// run a cell starting with = + - @ (and tab or carriage return, which they
// skip before looking) as a formula, e.g. a fan named `=HYPERLINK(…)`. Such a
// cell gets a leading single quote, which the apps show as text. This applies
// to text that comes from data (handles, labels, ids, Fanvue's source
// names). Numbers we format ourselves (amounts such as "-12.50", dates,
// counts) are written as they are: a quote would turn a refund into text
// that no longer sums, and they cannot hold anything but digits, a sign, a
// dot, dashes and colons.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]/;

/** RFC 4180 quoting when the cell holds a comma, quote or line break. */
export const quoteCell = (s: string) => (NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A text cell from data: formula-safe, then quoted as needed. */
export function textCell(v: string | null | undefined): string {
  const s = v ?? "";
  return quoteCell(FORMULA_START.test(s) ? `'${s}` : s);
}

/** A cell we format ourselves (a number, a date, a fixed word). */
export const ownCell = (v: string | number | null) => quoteCell(v === null ? "" : String(v));

// Line breaks of any kind (CR, LF, NEL, LS, PS) and other control characters.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/g;
// After a comma (where a spreadsheet starts a new cell): a formula start, or a
// quote that would open a quoted cell running into the following lines.
const RISKY_CELL_START = /,(\s*)(?=[=+\-@"])/g;

/** A `# …` comment line of the CSV's header. Free text in it (a workspace
 * name) can neither add lines (line breaks become spaces) nor start a cell
 * that a spreadsheet runs as a formula or reads as a quoted cell (prefixed
 * with a single quote, as in `textCell`). Our own header text is unchanged. */
export function commentLine(text: string): string {
  return `# ${text.replace(CONTROL, " ").replace(RISKY_CELL_START, ",$1'")}`;
}

/** A CSV download: lines joined with CRLF (RFC 4180), never cached. */
export function csvResponse(lines: string[], fileName: string): Response {
  return new Response(`${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
