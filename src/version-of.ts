/** A version as a hash of data, for `ANALYSIS_VERSION` and the saved index's `INDEX_VERSION`. */
import { createHash } from 'node:crypto';

/**
 * A short hash (16 hex digits of SHA-256) of data as JSON: sets and maps as lists of their members,
 * patterns as their source, functions left out. The same data gives the same version in any process.
 */
export function versionOf(data: unknown): string {
  const json = JSON.stringify(data, (_key, value: unknown) => {
    if (value instanceof Set) return [...value];
    if (value instanceof Map) return [...value];
    if (value instanceof RegExp) return String(value);
    return value;
  });
  return createHash('sha256')
    .update(json ?? '')
    .digest('hex')
    .slice(0, 16);
}
