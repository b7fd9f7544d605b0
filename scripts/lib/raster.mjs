// A tiny rasteriser and PNG/ICO encoders for the app's icons (scripts/pwa-assets.mjs).
// Pure JavaScript and Node's zlib: no native image library, no download, and
// the icons are drawn from the same shapes as the sidebar's logo.
import zlib from "node:zlib";

/** 8 × 8 samples per pixel: 64 levels of edge coverage, smooth at 16 px and at 512 px. */
const SAMPLES = 8;

/**
 * Draws `size` × `size` RGBA pixels. `colourAt(x, y)` answers the colour at a
 * point of the unit square (0..1 on both axes) as [r, g, b, a] with a in 0..1,
 * or null where nothing is drawn. Colours are averaged with their alpha
 * (premultiplied), so an edge over transparency does not darken.
 */
export function rasterise(size, colourAt) {
  const out = new Uint8Array(size * size * 4);
  const step = 1 / (size * SAMPLES);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const c = colourAt((px * SAMPLES + sx + 0.5) * step, (py * SAMPLES + sy + 0.5) * step);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) [out[i], out[i + 1], out[i + 2]] = [r / a, g / a, b / a].map(Math.round);
      out[i + 3] = Math.round((a / (SAMPLES * SAMPLES)) * 255);
    }
  }
  return out;
}

/** Even-odd point-in-polygon test; `points` is [[x, y], …]. */
export function insidePolygon(points, x, y) {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a rounded square from 0 to `side` with corner radius `r`. */
export function insideRoundedSquare(side, r, x, y) {
  if (x < 0 || y < 0 || x > side || y > side) return false;
  const cx = Math.min(Math.max(x, r), side - r);
  const cy = Math.min(Math.max(y, r), side - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), rows unfiltered: flat icon colours compress well as they are. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth, RGBA, deflate, adaptive filtering, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(rgba.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** An .ico holding PNG images (read by every browser since IE 11 / Windows Vista). `images`: [{ size, png }]. */
export function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** Width and height from a PNG's IHDR (for tests). */
export function pngSize(buf) {
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
