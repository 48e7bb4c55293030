/** A QR code as a black-on-white PNG, with the quiet zone readers need around it. */
import qrcode from 'qrcode-generator';
import sharp from 'sharp';

export async function qrPng(text: string, scale = 8, margin = 4): Promise<Buffer> {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const size = (n + 2 * margin) * scale;
  const px = Buffer.alloc(size * size, 255);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++) {
      if (!qr.isDark(r, c)) continue;
      for (let y = 0; y < scale; y++)
        px.fill(0, ((r + margin) * scale + y) * size + (c + margin) * scale, ((r + margin) * scale + y) * size + (c + margin + 1) * scale);
    }
  return sharp(px, { raw: { width: size, height: size, channels: 1 } })
    .png()
    .toBuffer();
}
