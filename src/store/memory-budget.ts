/** Live heap of the gateway at boot, before any entry (measured: ~22 MB). */
const BOOT_HEAP_BYTES = 22 * 1024 * 1024;
/** Live heap per memory-store entry (measured: ~6 MB per 10,000 entries; a delivery is ~3). */
const BYTES_PER_ENTRY = 600;
/** V8 needs room beside the live objects: garbage of requests in flight, mark-compact work. */
const HEADROOM = 2;

/** A full memory store against the heap this process may use, in MB. */
export interface HeapShortfall {
  readonly maxEntries: number;
  readonly neededHeapMb: number;
  readonly heapLimitMb: number;
}

export const HEAP_SHORTFALL_ADVICE =
  'a full memory store may not fit in the heap: raise --max-old-space-size in NODE_OPTIONS, ' +
  'lower store.memoryMaxEntries, or use the redis driver';

/**
 * Whether a full memory store would not fit in the heap this process may use (the image caps it
 * with `--max-old-space-size`): V8 would then spend its time collecting and finally stop the
 * process. Undefined when it fits. (Numbers go in log fields: messages have digit runs scrubbed.)
 */
export function heapShortfall(
  maxEntries: number,
  heapLimitBytes: number,
): HeapShortfall | undefined {
  const needed = (BOOT_HEAP_BYTES + maxEntries * BYTES_PER_ENTRY) * HEADROOM;
  if (needed <= heapLimitBytes) return undefined;
  const mb = (bytes: number) => Math.ceil(bytes / (1024 * 1024));
  return { maxEntries, neededHeapMb: mb(needed), heapLimitMb: mb(heapLimitBytes) };
}
