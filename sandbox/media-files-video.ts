// A real, playable MP4 (H.264 Constrained Baseline) built without an encoder:
// every coded macroblock is I_PCM (raw samples), every other one is P_Skip
// (copied from the previous frame). The clip is a hue gradient with a light
// "playhead" column sweeping across, so a player visibly plays it.

/** Small on purpose: I_PCM costs 384 bytes per 16×16 macroblock. */
const FPS = 4;
const MAX_CLIP_MS = 15_000;
const TIMESCALE = 1000;

class Bits {
  private out: number[] = [];
  private cur = 0;
  private n = 0;
  u(bits: number, value: number) {
    for (let i = bits - 1; i >= 0; i--) {
      this.cur = (this.cur << 1) | ((value >>> i) & 1);
      if (++this.n === 8) this.flush();
    }
  }
  ue(v: number) {
    const len = Math.floor(Math.log2(v + 1));
    this.u(len, 0);
    this.u(len + 1, v + 1);
  }
  se(v: number) {
    this.ue(v <= 0 ? -2 * v : 2 * v - 1);
  }
  align() {
    while (this.n !== 0) this.u(1, 0);
  }
  bytes(data: Uint8Array) {
    for (const b of data) this.out.push(b);
  }
  trailing() {
    this.u(1, 1);
    this.align();
  }
  done() {
    return Uint8Array.from(this.out);
  }
  private flush() {
    this.out.push(this.cur & 0xff);
    this.cur = 0;
    this.n = 0;
  }
}

/** NAL unit with header byte and emulation-prevention bytes. */
function nal(type: number, refIdc: number, rbsp: Uint8Array): Buffer {
  const out: number[] = [(refIdc << 5) | type];
  let zeros = 0;
  for (const b of rbsp) {
    if (zeros >= 2 && b <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(b);
    zeros = b === 0 ? zeros + 1 : 0;
  }
  return Buffer.from(out);
}

const PROFILE = 66; // Baseline
const COMPAT = 0xc0; // constraint_set0+1: Constrained Baseline
const LEVEL = 30;

function sps(mbW: number, mbH: number) {
  const b = new Bits();
  b.u(8, PROFILE);
  b.u(8, COMPAT);
  b.u(8, LEVEL);
  b.ue(0); // seq_parameter_set_id
  b.ue(4); // log2_max_frame_num_minus4 → 8-bit frame_num
  b.ue(2); // pic_order_cnt_type 2: output order = decode order
  b.ue(1); // max_num_ref_frames
  b.u(1, 0); // gaps_in_frame_num_value_allowed_flag
  b.ue(mbW - 1);
  b.ue(mbH - 1);
  b.u(1, 1); // frame_mbs_only_flag
  b.u(1, 1); // direct_8x8_inference_flag
  b.u(1, 0); // frame_cropping_flag
  b.u(1, 0); // vui_parameters_present_flag
  b.trailing();
  return nal(7, 3, b.done());
}

function pps() {
  const b = new Bits();
  b.ue(0); // pic_parameter_set_id
  b.ue(0); // seq_parameter_set_id
  b.u(1, 0); // entropy_coding_mode_flag: CAVLC
  b.u(1, 0); // bottom_field_pic_order_in_frame_present_flag
  b.ue(0); // num_slice_groups_minus1
  b.ue(0); // num_ref_idx_l0_default_active_minus1
  b.ue(0); // num_ref_idx_l1_default_active_minus1
  b.u(1, 0); // weighted_pred_flag
  b.u(2, 0); // weighted_bipred_idc
  b.se(0); // pic_init_qp_minus26
  b.se(0); // pic_init_qs_minus26
  b.se(0); // chroma_qp_index_offset
  b.u(1, 1); // deblocking_filter_control_present_flag
  b.u(1, 0); // constrained_intra_pred_flag
  b.u(1, 0); // redundant_pic_cnt_present_flag
  b.trailing();
  return nal(8, 3, b.done());
}

type Yuv = { y: number; u: number; v: number };

function hslToYuv(h: number, s: number, l: number): Yuv {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
  };
  const [r, g, b] = [f(0), f(8), f(4)];
  // BT.601 limited range; PCM samples avoid 0 so runs of zero bytes never occur.
  const clamp = (x: number) => Math.max(1, Math.min(254, Math.round(x)));
  return {
    y: clamp(16 + 65.481 * r + 128.553 * g + 24.966 * b),
    u: clamp(128 - 37.797 * r - 74.203 * g + 112 * b),
    v: clamp(128 + 112 * r - 93.786 * g - 18.214 * b),
  };
}

/** One I_PCM macroblock: a vertical gradient, or the lighter playhead. */
function pcmMacroblock(b: Bits, my: number, mbH: number, hue: number, playhead: boolean) {
  b.align(); // pcm_alignment_zero_bits
  const luma = new Uint8Array(256);
  const cb = new Uint8Array(64);
  const cr = new Uint8Array(64);
  for (let row = 0; row < 16; row++) {
    const t = (my * 16 + row) / (mbH * 16);
    const c = hslToYuv((hue + 40 * t) % 360, 0.7, playhead ? 0.85 : 0.58 - 0.26 * t);
    luma.fill(c.y, row * 16, row * 16 + 16);
    if (row % 2 === 0) {
      cb.fill(c.u, (row / 2) * 8, (row / 2) * 8 + 8);
      cr.fill(c.v, (row / 2) * 8, (row / 2) * 8 + 8);
    }
  }
  b.bytes(luma);
  b.bytes(cb);
  b.bytes(cr);
}

/** A frame: IDR with every macroblock coded, or a P frame coding only the
 * columns that change (old and new playhead) and skipping the rest. */
function frame(index: number, mbW: number, mbH: number, hue: number): Buffer {
  const idr = index === 0;
  const head = index % mbW;
  const prev = (index - 1 + mbW) % mbW;
  const b = new Bits();
  b.ue(0); // first_mb_in_slice
  b.ue(idr ? 7 : 5); // slice_type: I / P (all slices)
  b.ue(0); // pic_parameter_set_id
  b.u(8, index % 256); // frame_num
  if (idr) b.ue(0); // idr_pic_id
  if (!idr) {
    b.u(1, 0); // num_ref_idx_active_override_flag
    b.u(1, 0); // ref_pic_list_modification_flag_l0
  }
  if (idr) {
    b.u(1, 0); // no_output_of_prior_pics_flag
    b.u(1, 0); // long_term_reference_flag
  } else {
    b.u(1, 0); // adaptive_ref_pic_marking_mode_flag
  }
  b.se(0); // slice_qp_delta
  b.ue(1); // disable_deblocking_filter_idc
  let skipped = 0;
  for (let my = 0; my < mbH; my++) {
    for (let mx = 0; mx < mbW; mx++) {
      if (!idr && mx !== head && mx !== prev) {
        skipped++;
        continue;
      }
      if (!idr) {
        b.ue(skipped); // mb_skip_run
        skipped = 0;
      }
      b.ue(idr ? 25 : 30); // mb_type I_PCM (offset by 5 in P slices)
      pcmMacroblock(b, my, mbH, hue, mx === head);
    }
  }
  if (skipped > 0) b.ue(skipped);
  b.trailing();
  return nal(idr ? 5 : 1, 2, b.done());
}

// ─── MP4 (ISO BMFF) ──────────────────────────────────────────────────────────

const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const u16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n & 0xffff);
  return b;
};
const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, "latin1"), body]);
};
const full = (type: string, version: number, flags: number, ...parts: Buffer[]) =>
  box(type, u32((version << 24) | flags), ...parts);
const MATRIX = Buffer.concat([0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map(u32));
const zeros = (n: number) => Buffer.alloc(n);

export function videoMp4(o: { hue: number; lengthMs: number; portrait: boolean }): Buffer {
  const [mbW, mbH] = o.portrait ? [6, 8] : [10, 6];
  const width = mbW * 16;
  const height = mbH * 16;
  const count = Math.max(1, Math.round((Math.min(o.lengthMs, MAX_CLIP_MS) / 1000) * FPS));
  const delta = TIMESCALE / FPS;
  const duration = count * delta;
  const spsNal = sps(mbW, mbH);
  const ppsNal = pps();
  const samples = Array.from({ length: count }, (_, i) => {
    const n = frame(i, mbW, mbH, o.hue);
    return Buffer.concat([u32(n.length), n]);
  });

  const avcC = box(
    "avcC",
    Buffer.from([1, PROFILE, COMPAT, LEVEL, 0xff, 0xe1]),
    u16(spsNal.length),
    spsNal,
    Buffer.from([1]),
    u16(ppsNal.length),
    ppsNal,
  );
  const avc1 = box(
    "avc1",
    zeros(6),
    u16(1),
    zeros(16),
    u16(width),
    u16(height),
    u32(0x00480000),
    u32(0x00480000),
    u32(0),
    u16(1),
    zeros(32),
    u16(0x18),
    u16(0xffff),
    avcC,
  );
  const stbl = (chunkOffset: number) =>
    box(
      "stbl",
      full("stsd", 0, 0, u32(1), avc1),
      full("stts", 0, 0, u32(1), u32(count), u32(delta)),
      full("stss", 0, 0, u32(1), u32(1)),
      full("stsc", 0, 0, u32(1), u32(1), u32(count), u32(1)),
      full("stsz", 0, 0, u32(0), u32(count), ...samples.map((s) => u32(s.length))),
      full("stco", 0, 0, u32(1), u32(chunkOffset)),
    );
  const moov = (chunkOffset: number) =>
    box(
      "moov",
      full(
        "mvhd",
        0,
        0,
        u32(0),
        u32(0),
        u32(TIMESCALE),
        u32(duration),
        u32(0x00010000),
        u16(0x0100),
        zeros(10),
        MATRIX,
        zeros(24),
        u32(2),
      ),
      box(
        "trak",
        full(
          "tkhd",
          0,
          3,
          u32(0),
          u32(0),
          u32(1),
          u32(0),
          u32(duration),
          zeros(8),
          u16(0),
          u16(0),
          u16(0),
          u16(0),
          MATRIX,
          u32(width << 16),
          u32(height << 16),
        ),
        box(
          "mdia",
          full("mdhd", 0, 0, u32(0), u32(0), u32(TIMESCALE), u32(duration), u16(0x55c4), u16(0)),
          full("hdlr", 0, 0, u32(0), Buffer.from("vide", "latin1"), zeros(12), Buffer.from("VideoHandler\0", "latin1")),
          box(
            "minf",
            full("vmhd", 0, 1, zeros(8)),
            box("dinf", full("dref", 0, 0, u32(1), full("url ", 0, 1))),
            stbl(chunkOffset),
          ),
        ),
      ),
    );
  const ftyp = box("ftyp", Buffer.from("isom", "latin1"), u32(512), Buffer.from("isomiso2avc1mp41", "latin1"));
  // moov first (progressive playback); its size does not depend on the offset.
  const offset = ftyp.length + moov(0).length + 8;
  const mdat = box("mdat", ...samples);
  return Buffer.concat([ftyp, moov(offset), mdat]);
}
