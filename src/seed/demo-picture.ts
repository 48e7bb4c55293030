/**
 * Illustrations for the demo showcase: a countryside scene (sky, sun, hills, fields, houses) drawn
 * pixel by pixel and written as PNG with node:zlib, so the demo shows photos on a fresh machine
 * without shipping image files or an image library. Deterministic for a given variant.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGB pixels (width × height × 3) as a PNG, each row filtered "Up" so flat areas compress well. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 2;
    for (let x = 0; x < stride; x++) {
      const up = y ? rgb[(y - 1) * stride + x]! : 0;
      raw[y * (stride + 1) + 1 + x] = (rgb[y * stride + x]! - up) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, RGB, deflate, no filter method variants, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

type Rgb = [number, number, number];
const PALETTES: { sky: [Rgb, Rgb]; hill: Rgb; field: [Rgb, Rgb]; roof: Rgb }[] = [
  {
    sky: [
      [120, 180, 235],
      [235, 245, 250],
    ],
    hill: [70, 140, 90],
    field: [
      [120, 185, 70],
      [150, 205, 90],
    ],
    roof: [190, 60, 45],
  },
  {
    sky: [
      [245, 170, 110],
      [250, 230, 190],
    ],
    hill: [95, 120, 80],
    field: [
      [200, 185, 80],
      [220, 205, 110],
    ],
    roof: [150, 40, 40],
  },
  {
    sky: [
      [90, 150, 210],
      [200, 225, 245],
    ],
    hill: [55, 110, 85],
    field: [
      [60, 150, 110],
      [90, 175, 130],
    ],
    roof: [200, 110, 40],
  },
];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** A 800 × 450 countryside scene; `variant` picks the palette, the hills and where the houses stand. */
export function demoPicture(variant: number, width = 800, height = 450): Buffer {
  const p = PALETTES[variant % PALETTES.length]!;
  const rgb = new Uint8Array(width * height * 3);
  const horizon = height * 0.55;
  const sunX = width * (0.2 + (0.6 * ((variant * 37) % 10)) / 10);
  const sunY = height * 0.2;
  const houses = [0, 1, 2].map((k) => ({ x: width * (0.15 + 0.3 * k + 0.05 * (variant % 3)), w: 60 + 10 * ((variant + k) % 3), h: 40 }));
  const hillAt = (x: number) => horizon - 40 - 30 * Math.sin((x / width) * Math.PI * (2 + (variant % 3)) + variant);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let c: Rgb;
      if (y < hillAt(x)) {
        c = mix(p.sky[0], p.sky[1], y / horizon);
        if ((x - sunX) ** 2 + (y - sunY) ** 2 < 34 ** 2) c = [255, 225, 120];
      } else if (y < horizon) {
        c = mix(p.hill, [30, 60, 40], (y - hillAt(x)) / 120);
      } else {
        const row = Math.floor((y - horizon) / 14 + (x - width / 2) / (y - horizon + 30));
        c = row % 2 ? p.field[0] : p.field[1];
      }
      for (const h of houses) {
        const base = horizon + 18;
        const inWall = x >= h.x && x < h.x + h.w && y >= base - h.h && y < base;
        const inRoof =
          y >= base - h.h - 28 && y < base - h.h && Math.abs(x - (h.x + h.w / 2)) < ((y - (base - h.h - 28)) * (h.w / 2 + 8)) / 28;
        if (inRoof) c = p.roof;
        else if (inWall) c = x > h.x + h.w * 0.4 && x < h.x + h.w * 0.6 && y > base - h.h * 0.6 ? [110, 70, 40] : [245, 235, 210];
      }
      const i = (y * width + x) * 3;
      rgb[i] = c[0];
      rgb[i + 1] = c[1];
      rgb[i + 2] = c[2];
    }
  }
  return encodePng(width, height, rgb);
}
