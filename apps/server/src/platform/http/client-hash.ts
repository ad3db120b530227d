// The client's pseudonym (request.clientHash): HMAC-SHA256 of its address under the installation's pseudonym
// key, first 32 hex digits, what rate limits and scan records keep instead of an address. Computed once per
// address while it keeps coming (a bounded in-memory map, emptied when full): a phone's burst of requests, or a
// shop's shared connection, costs one HMAC. The addresses held are the ones seen in the last moments, in memory
// only, as any rate limiter holds them.
import { hmacHex } from '../security/crypto.ts';

export function clientHasher(key: Buffer, maxEntries = 10_000): (ip: string) => string {
  const known = new Map<string, string>();
  return (ip) => {
    let hash = known.get(ip);
    if (hash === undefined) {
      hash = hmacHex(key, ip).slice(0, 32);
      if (known.size >= maxEntries) known.clear();
      known.set(ip, hash);
    }
    return hash;
  };
}
