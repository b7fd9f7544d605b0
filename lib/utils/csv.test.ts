import { describe, expect, it } from "vitest";
import { commentLine, ownCell, quoteCell, textCell } from "./csv";

describe("CSV cells", () => {
  it.each(['=HYPERLINK("http://evil","x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1"])(
    "neutralises a text cell starting a formula: %j",
    (v) => {
      const cell = textCell(v);
      // Unquoted (or inside the quotes), the cell now starts with a single quote.
      expect(cell.replace(/^"/, "")).toMatch(/^'/);
      expect(cell.replace(/^"/, "").slice(1).replace(/""/g, '"').replace(/"$/, "")).toBe(v);
    },
  );

  it("quotes what needs quotes, after the formula check", () => {
    expect(textCell('=A1,"x"')).toBe(`"'=A1,""x"""`);
    expect(textCell("\r\n")).toBe(`"'\r\n"`);
    expect(textCell("a,b")).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell("line\nbreak")).toBe('"line\nbreak"');
  });

  it("leaves ordinary data and our own numbers alone", () => {
    expect(textCell("@")).toBe("'@");
    expect(textCell("luna_fan")).toBe("luna_fan");
    expect(textCell("0b7c1c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b")).toBe("0b7c1c1e-2c3d-4e5f-8a9b-0c1d2e3f4a5b");
    expect(textCell("a=b")).toBe("a=b");
    expect(textCell(null)).toBe("");
    expect(textCell("")).toBe("");
    // A refund stays a number a spreadsheet sums.
    expect(ownCell("-12.50")).toBe("-12.50");
    expect(ownCell("2026-11-01T01:30:00.000-07:00")).toBe("2026-11-01T01:30:00.000-07:00");
    expect(ownCell(null)).toBe("");
    expect(quoteCell("week_start (UTC)")).toBe("week_start (UTC)");
  });
});

describe("CSV header comment lines", () => {
  it("keeps our own header text byte for byte", () => {
    for (const text of [
      "Vuedeck earnings export: @luna",
      "Vuedeck earnings export: Atlas Agency (3 creators)",
      "Range: 2026-10-25 to 2026-11-08 inclusive, time zone America/Los_Angeles (period still running)",
      "Amounts: USD, gross (what fans paid) and net (after Fanvue's share); refunds and chargebacks not deducted",
      "Sources: tip, message",
      "Total gross: -12.50, total net: 1234.56, transactions: 3",
    ])
      expect(commentLine(text)).toBe(`# ${text}`);
  });

  it("turns line breaks in a label into spaces: one line, still a comment", () => {
    const line = commentLine("Vuedeck earnings export: Evil\r\ngross_usd,=1+1\n# fake\u2028x\u0085y");
    expect(line.split(/[\r\n\u2028\u2029\u0085]/)).toHaveLength(1);
    expect(line.startsWith("# ")).toBe(true);
  });

  it("starts no cell with a formula or an opening quote", () => {
    const label = `Evil, =HYPERLINK("http://x"),+1, -2,@me,"unclosed, ok "inner" quote`;
    const line = commentLine(`Vuedeck earnings export: ${label}`);
    // As a spreadsheet splits the unquoted line into cells:
    const cells = line.split(",");
    for (const cell of cells.slice(1)) expect(cell.trimStart(), cell).not.toMatch(/^[=+\-@"]/);
    expect(line).toBe(
      `# Vuedeck earnings export: Evil, '=HYPERLINK("http://x"),'+1, '-2,'@me,'"unclosed, ok "inner" quote`,
    );
  });
});
