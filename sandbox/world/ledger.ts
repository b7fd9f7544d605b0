// Columnar earnings ledger: typed arrays keep 100k-fan worlds (hundreds of
// thousands of rows) small and fast to scan. Rows are kept sorted by time.

export const EARNING_SOURCES = [
  "subscription",
  "renewal",
  "tip",
  "message",
  "post",
  "referral",
  "affiliate",
  "giveaway",
  "mediaLink",
  "checkoutLink",
  "appStore",
] as const;
export type EarningSource = (typeof EARNING_SOURCES)[number];
export const sourceIndex = (s: EarningSource) => EARNING_SOURCES.indexOf(s);

export type EarningRow = {
  at: number; // epoch ms
  gross: number; // cents
  net: number; // cents
  source: EarningSource;
  fanIdx: number; // -1 when no fan (referral, affiliate, giveaway)
  ref: string | null; // messageUuid or postUuid
  orderId: string;
};

export class Ledger {
  private cap: number;
  length = 0;
  at: Float64Array;
  // Cents as `number`, as Fanvue's reference types them: a fraction of a
  // cent is possible (simulated tips with an explicit `net`), so not Int32.
  gross: Float64Array;
  net: Float64Array;
  source: Uint8Array;
  fanIdx: Int32Array;
  /** Sparse: message/post uuid per row index. */
  refs = new Map<number, string>();
  /** Rows per fan, compressed (CSR): rows of fan f are fanRows[fanStart[f] ..
   * fanStart[f+1]), built once at finalize; rows appended later go to
   * `extraByFan`. A 100k-fan world has ~500k rows: one array per fan made
   * seeding GC-bound. */
  private fanStart = new Int32Array(1);
  private fanRows = new Int32Array(0);
  private extraByFan = new Map<number, number[]>();
  /** Row(s) per referenced message/post uuid: a number, or an array when shared. */
  private byRef = new Map<string, number | number[]>();
  private orderPrefix: string;

  constructor(capacity = 1024, orderPrefix = "FV") {
    this.cap = capacity;
    this.at = new Float64Array(capacity);
    this.gross = new Float64Array(capacity);
    this.net = new Float64Array(capacity);
    this.source = new Uint8Array(capacity);
    this.fanIdx = new Int32Array(capacity);
    this.orderPrefix = orderPrefix;
  }

  private grow() {
    this.cap *= 2;
    const g = <T extends Float64Array | Int32Array | Uint8Array>(a: T, C: new (n: number) => T) => {
      const b = new C(this.cap);
      b.set(a);
      return b;
    };
    this.at = g(this.at, Float64Array);
    this.gross = g(this.gross, Float64Array);
    this.net = g(this.net, Float64Array);
    this.source = g(this.source, Uint8Array);
    this.fanIdx = g(this.fanIdx, Int32Array);
  }

  /** Bulk load at seed time: rows need not be sorted; call `finalize` after. */
  pushUnsorted(at: number, gross: number, net: number, source: EarningSource, fanIdx: number, ref: string | null) {
    if (this.length === this.cap) this.grow();
    const i = this.length++;
    this.at[i] = at;
    this.gross[i] = gross;
    this.net[i] = net;
    this.source[i] = sourceIndex(source);
    this.fanIdx[i] = fanIdx;
    if (ref) this.refs.set(i, ref);
  }

  /** Sorts by time (stable) and builds the per-fan index. */
  finalize() {
    const n = this.length;
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const at = this.at;
    order.sort((a, b) => at[a]! - at[b]! || a - b);
    const permute = <T extends Float64Array | Int32Array | Uint8Array>(arr: T): T => {
      const out = arr.slice() as T;
      for (let i = 0; i < n; i++) out[i] = arr[order[i]!]!;
      return out;
    };
    this.at = permute(this.at);
    this.gross = permute(this.gross);
    this.net = permute(this.net);
    this.source = permute(this.source);
    this.fanIdx = permute(this.fanIdx);
    const refs = new Map<number, string>();
    for (let i = 0; i < n; i++) {
      const r = this.refs.get(order[i]!);
      if (r) refs.set(i, r);
    }
    this.refs = refs;
    this.reindex();
  }

  private reindex() {
    let maxFan = -1;
    for (let i = 0; i < this.length; i++) if (this.fanIdx[i]! > maxFan) maxFan = this.fanIdx[i]!;
    const start = new Int32Array(maxFan + 2);
    for (let i = 0; i < this.length; i++) {
      const f = this.fanIdx[i]!;
      if (f >= 0) start[f + 1]!++;
    }
    for (let f = 0; f <= maxFan; f++) start[f + 1]! += start[f]!;
    const rows = new Int32Array(start[maxFan + 1] ?? 0);
    const fill = start.slice(0, maxFan + 1);
    for (let i = 0; i < this.length; i++) {
      const f = this.fanIdx[i]!;
      if (f >= 0) rows[fill[f]!++] = i;
    }
    this.fanStart = start;
    this.fanRows = rows;
    this.extraByFan.clear();
    this.byRef.clear();
    for (const [i] of this.refs) this.indexRef(i);
  }

  private indexRef(i: number) {
    const ref = this.refs.get(i);
    if (!ref) return;
    const cur = this.byRef.get(ref);
    if (cur === undefined) this.byRef.set(ref, i);
    else if (typeof cur === "number") this.byRef.set(ref, [cur, i]);
    else cur.push(i);
  }

  /** Appends a row at the current time (always the newest). */
  append(at: number, gross: number, net: number, source: EarningSource, fanIdx: number, ref: string | null) {
    if (this.length > 0 && at < this.at[this.length - 1]!) at = this.at[this.length - 1]!;
    this.pushUnsorted(at, gross, net, source, fanIdx, ref);
    const i = this.length - 1;
    if (fanIdx >= 0) {
      let list = this.extraByFan.get(fanIdx);
      if (!list) this.extraByFan.set(fanIdx, (list = []));
      list.push(i);
    }
    this.indexRef(i);
    return i;
  }

  row(i: number): EarningRow {
    return {
      at: this.at[i]!,
      gross: this.gross[i]!,
      net: this.net[i]!,
      source: EARNING_SOURCES[this.source[i]!]!,
      fanIdx: this.fanIdx[i]!,
      ref: this.refs.get(i) ?? null,
      orderId: `${this.orderPrefix}-${100000 + i}`,
    };
  }

  rowsOfFan(fanIdx: number): readonly number[] {
    const seeded =
      fanIdx >= 0 && fanIdx + 1 < this.fanStart.length
        ? Array.from(this.fanRows.subarray(this.fanStart[fanIdx]!, this.fanStart[fanIdx + 1]!))
        : [];
    const extra = this.extraByFan.get(fanIdx);
    return extra ? seeded.concat(extra) : seeded;
  }

  rowsOfRef(ref: string): readonly number[] {
    const r = this.byRef.get(ref);
    return r === undefined ? [] : typeof r === "number" ? [r] : r;
  }

  /** First row index with at >= t (binary search). */
  lowerBound(t: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.at[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
