/**
 * How many reverse proxies in front of DVK the operator trusts (DVK_TRUST_PROXY). The client
 * address is then the one the outermost trusted proxy saw: with 1, the rightmost entry of
 * X-Forwarded-For (the one our proxy appended); entries further left were written by the client
 * and may be forged, so they are never believed. Unset, empty, `false` or `0`: no proxy, the
 * header is ignored. `true` means one proxy, never "believe the whole header".
 */
export function trustProxyHops(value: string | boolean | undefined = process.env.DVK_TRUST_PROXY): number {
  if (value === undefined || value === false) return 0;
  if (value === true) return 1;
  const v = value.trim().toLowerCase();
  if (v === '' || v === 'false') return 0;
  if (v === 'true') return 1;
  if (/^\d{1,2}$/.test(v)) return Number(v);
  throw new Error(`DVK_TRUST_PROXY phải là số proxy tin cậy đứng trước DVK (0, 1, 2, …) hoặc true/false (đang là "${value}").`);
}

/**
 * Fastify's `trustProxy` for that many hops. Fastify (5.12) reads a bare number as "trust nobody"
 * (a hop count cannot tell its own proxy from a client), so the count is given as a function: the
 * socket's peer is hop 0, the rightmost X-Forwarded-For entry hop 1, and so on leftwards. DVK must
 * then be reachable only through those proxies, or a direct client could write the header itself.
 */
export function proxyTrust(value?: string | boolean): false | ((address: string, hop: number) => boolean) {
  const hops = trustProxyHops(value);
  return hops === 0 ? false : (_address: string, hop: number) => hop < hops;
}
