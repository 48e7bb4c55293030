import type { FastifyReply } from 'fastify';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a document to be saved, under a Vietnamese file name that survives every browser. */
export function attachment(reply: FastifyReply, type: string, fileName: string, body: Buffer | NodeJS.ReadableStream) {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\w.-]+/g, '-');
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  reply.header('cache-control', 'private, no-store');
  return reply.send(body);
}
