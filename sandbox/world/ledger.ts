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
  gross: Int32Array;
  net: Int32Array;
  source: Uint8Array;
  fanIdx: Int32Array;
  /** Sparse: message/post uuid per row index. */
  refs = new Map<number, string>();
  /** Rows per fan (row indices, ascending), for insights. */
  private byFan = new Map<number, number[]>();
  /** Rows per referenced message/post uuid. */
  private byRef = new Map<string, number[]>();
  private orderPrefix: string;

  constructor(capacity = 1024, orderPrefix = "FV") {
    this.cap = capacity;
    this.at = new Float64Array(capacity);
    this.gross = new Int32Array(capacity);
    this.net = new Int32Array(capacity);
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
    this.gross = g(this.gross, Int32Array);
    this.net = g(this.net, Int32Array);
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
    this.byFan.clear();
    this.byRef.clear();
    for (let i = 0; i < this.length; i++) this.index(i);
  }

  private index(i: number) {
    const f = this.fanIdx[i]!;
    if (f >= 0) {
      let list = this.byFan.get(f);
      if (!list) this.byFan.set(f, (list = []));
      list.push(i);
    }
    const ref = this.refs.get(i);
    if (ref) {
      let list = this.byRef.get(ref);
      if (!list) this.byRef.set(ref, (list = []));
      list.push(i);
    }
  }

  /** Appends a row at the current time (always the newest). */
  append(at: number, gross: number, net: number, source: EarningSource, fanIdx: number, ref: string | null) {
    if (this.length > 0 && at < this.at[this.length - 1]!) at = this.at[this.length - 1]!;
    this.pushUnsorted(at, gross, net, source, fanIdx, ref);
    const i = this.length - 1;
    this.index(i);
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
    return this.byFan.get(fanIdx) ?? [];
  }

  rowsOfRef(ref: string): readonly number[] {
    return this.byRef.get(ref) ?? [];
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
