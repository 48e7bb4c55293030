/**
 * A real SMTP server for a test file (the `smtp-server` package) on a random loopback port: it keeps
 * every message it accepts, and can refuse a message (a 4xx after DATA) or an address (5xx to RCPT TO).
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  /** The decoded text/plain part. */
  text: string;
  /** The decoded text/html part. */
  html: string;
  header(name: string): string | null;
}

export interface TestSmtp {
  url: string;
  received: ReceivedMail[];
  /** Messages refused so far (after DATA). */
  refused: number;
  /** Refuse the next n messages with 451. */
  refuseNext(n: number): void;
  /** Addresses refused outright (550 to RCPT TO). */
  badAddresses: Set<string>;
  close(): Promise<void>;
}

function decodeWords(s: string): string {
  return s.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bin = body.replace(/=\r?\n/g, '').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bin, 'latin1').toString('utf8');
  }
  return body;
}

/** Headers of a part (unfolded) and its body. */
function splitPart(part: string): { headers: Map<string, string>; body: string } {
  const at = part.search(/\r?\n\r?\n/);
  const head = part.slice(0, at).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return { headers, body: part.slice(at).replace(/^\r?\n\r?\n/, '') };
}

function parse(raw: string, to: string[]): ReceivedMail {
  const top = splitPart(raw);
  const parts: Record<string, string> = {};
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers.get('content-type') ?? '')?.[1];
  const chunks = boundary ? top.body.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const chunk of chunks) {
    const p = splitPart(chunk.replace(/^\r?\n/, ''));
    const type = (p.headers.get('content-type') ?? '').split(';')[0]!.toLowerCase();
    parts[type] = decodeBody(p.body, p.headers.get('content-transfer-encoding') ?? '');
  }
  return {
    to,
    raw,
    subject: decodeWords(top.headers.get('subject') ?? ''),
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
    header: (name) => top.headers.get(name.toLowerCase()) ?? null,
  };
}

export async function startSmtp(): Promise<TestSmtp> {
  let refuse = 0;
  const state: TestSmtp = {
    url: '',
    received: [],
    refused: 0,
    badAddresses: new Set(),
    refuseNext: (n) => {
      refuse = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, cb) {
      if (state.badAddresses.has(address.address)) {
        const err = new Error('Không có hộp thư này') as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse -= 1;
          state.refused += 1;
          const err = new Error('Máy chủ đang bận, thử lại sau') as Error & { responseCode: number };
          err.responseCode = 451;
          return cb(err);
        }
        const to = session.envelope.rcptTo.map((r) => r.address);
        state.received.push(parse(Buffer.concat(chunks).toString('utf8'), to));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return state;
}
