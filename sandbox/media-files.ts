// Real files for media variants, generated from the media item alone (no
// stored bytes, no tooling): SVG pictures, WAV tones and a one-page PDF.
// Apps under test can render, play or open what the sandbox hands them.

export type Picture = {
  /** The media's own frame; variants render it scaled or cropped. */
  width: number;
  height: number;
  hue: number;
  title: string;
  subtitle: string;
  play: boolean;
};

const esc = (s: string) =>
  s.replace(/[<>&"']/g, (ch) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[ch]!);

/** The full-size artwork: gradient, a few discs, the title and the type. */
function artwork(p: Picture, withText: boolean) {
  const { width: w, height: h, hue } = p;
  const m = Math.min(w, h);
  const discs = [0, 1, 2]
    .map((i) => {
      const cx = ((hue * (i + 3) * 37) % 100) / 100;
      const cy = ((hue * (i + 5) * 53) % 100) / 100;
      return `<circle cx="${Math.round(cx * w)}" cy="${Math.round(cy * h)}" r="${Math.round(m * (0.18 + i * 0.09))}" fill="hsl(${(hue + 60 * (i + 1)) % 360},80%,70%)" fill-opacity="0.35"/>`;
    })
    .join("");
  const play = p.play
    ? `<circle cx="${w / 2}" cy="${h / 2}" r="${m * 0.12}" fill="#000" fill-opacity="0.35"/><path d="M${w / 2 - m * 0.04} ${h / 2 - m * 0.06}v${m * 0.12}l${m * 0.1} ${-m * 0.06}z" fill="#fff"/>`
    : "";
  const fs = Math.max(10, Math.round(w / 14));
  const text = withText
    ? `<text x="${w / 2}" y="${h * 0.78}" font-family="system-ui,sans-serif" font-size="${fs}" font-weight="700" fill="#fff" text-anchor="middle">${esc(p.title)}</text>` +
      `<text x="${w / 2}" y="${h * 0.78 + fs * 1.3}" font-family="system-ui,sans-serif" font-size="${Math.round(fs * 0.55)}" fill="#fff" fill-opacity="0.85" text-anchor="middle">${esc(p.subtitle)}</text>`
    : "";
  return (
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},70%,58%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},65%,32%)"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#g)"/>${discs}${play}${text}`
  );
}

/** Renders the artwork into an output box; "slice" crops (square gallery
 * thumbnails), "meet" keeps the whole frame. */
export function pictureSvg(p: Picture, out: { width: number; height: number; crop?: boolean; blur?: boolean }) {
  const aspect = out.crop ? "xMidYMid slice" : "xMidYMid meet";
  // The blurred variant hides what a locked item shows, so it carries no text
  // and the blur is strong enough that only colours survive.
  const body = out.blur
    ? `<filter id="b" x="-10%" y="-10%" width="120%" height="120%"><feGaussianBlur stdDeviation="${Math.round(Math.min(p.width, p.height) / 12)}"/></filter>` +
      `<rect width="${p.width}" height="${p.height}" fill="hsl(${(p.hue + 20) % 360},65%,45%)"/><g filter="url(#b)">${artwork(p, false)}</g>`
    : artwork(p, true);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${out.width}" height="${out.height}" viewBox="0 0 ${p.width} ${p.height}" preserveAspectRatio="${aspect}">${body}</svg>`;
}

/** 8 kHz, 8-bit mono PCM: small and universally playable. A tone whose
 * pitch follows the hue, with a slow tremolo and short fades (no clicks). */
export function toneWav(hue: number, lengthMs: number): Buffer {
  const rate = 8000;
  const n = Math.max(1, Math.round((rate * lengthMs) / 1000));
  const buf = Buffer.alloc(44 + n);
  buf.write("RIFF", 0, "ascii");
  buf.writeUInt32LE(36 + n, 4);
  buf.write("WAVE", 8, "ascii");
  buf.write("fmt ", 12, "ascii");
  buf.writeUInt32LE(16, 16);
  buf.writeUInt16LE(1, 20); // PCM
  buf.writeUInt16LE(1, 22); // mono
  buf.writeUInt32LE(rate, 24);
  buf.writeUInt32LE(rate, 28); // byte rate
  buf.writeUInt16LE(1, 32); // block align
  buf.writeUInt16LE(8, 34); // bits per sample
  buf.write("data", 36, "ascii");
  buf.writeUInt32LE(n, 40);
  const freq = 220 * Math.pow(2, (hue / 360) * 2);
  const fade = rate * 0.05;
  for (let i = 0; i < n; i++) {
    const t = i / rate;
    const env = Math.min(1, i / fade, (n - 1 - i) / fade) * (0.75 + 0.25 * Math.sin(2 * Math.PI * 0.5 * t));
    buf[44 + i] = Math.round(128 + 90 * env * Math.sin(2 * Math.PI * freq * t));
  }
  return buf;
}

/** A valid single-page PDF (A4) naming the document. */
export function documentPdf(title: string, subtitle: string): Buffer {
  const pdfText = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").replace(/[\\()]/g, (ch) => `\\${ch}`);
  const content = `BT /F1 28 Tf 72 740 Td (${pdfText(title)}) Tj 0 -36 Td /F1 14 Tf (${pdfText(subtitle)}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
