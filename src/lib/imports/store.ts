import { clear, createStore, delMany, get, keys, setMany, type UseStore } from 'idb-keyval';
import type { ManifestEntry } from '../reader/types';

/** An imported report as the list shows it, with what reading its file again needs. */
export interface ImportedReport {
  sha256: string;
  file: string;
  bytes: number;
  /** When it was added (ISO 8601). */
  addedAt: string;
  /** What a manifest or the user said of it; null when body and year were read off the text. */
  entry: ManifestEntry | null;
  reportId: string;
  body: string;
  year: number;
  format: string;
  findings: number;
  errors: number;
  /** The site's report it replaces (the user chose 替换), restored when this one is removed. */
  replaces: string | null;
}

/** What is kept between visits: the imported reports, the site's reports they replace, and the dataset built of both. */
export interface ImportState {
  /** The site's dataset the kept one was built on (its dataset.json's files): when the site publishes another, it is built again. */
  base: string;
  reports: ImportedReport[];
  /** The built dataset's files (dataset.json names the rest). */
  files: string[];
}

/**
 * Where imported reports are kept: IndexedDB (it works on a plain-http
 * intranet site, where the origin-private file system does not), or, where the
 * browser refuses it (a private window, storage turned off), this page's
 * memory until it is closed. Entries are written before the state that names
 * them, so a visit that ends in between finds the old state whole.
 */
export interface ImportStore {
  persistent: boolean;
  state(): Promise<ImportState | null>;
  read(key: string): Promise<Uint8Array | null>;
  /** Writes the entries, then the state; then removes what the state no longer names. */
  save(state: ImportState, entries: [key: string, bytes: Uint8Array][]): Promise<void>;
  clear(): Promise<void>;
}

const STATE = 'state';
/** The key of a file of the built dataset, and of an imported file as it was published. */
export const datasetKey = (name: string) => `dataset:${name}`;
export const originalKey = (sha256: string) => `original:${sha256}`;

/** The keys a state needs: its originals and its dataset's files. */
function needed(state: ImportState): Set<string> {
  return new Set([STATE, ...state.reports.map((r) => originalKey(r.sha256)), ...state.files.map(datasetKey)]);
}

class IndexedDbStore implements ImportStore {
  readonly persistent = true;
  constructor(private readonly db: UseStore) {}
  async state() {
    return ((await get(STATE, this.db)) as ImportState | undefined) ?? null;
  }
  async read(key: string) {
    return ((await get(key, this.db)) as Uint8Array | undefined) ?? null;
  }
  async save(state: ImportState, entries: [string, Uint8Array][]) {
    await setMany(entries, this.db);
    await setMany([[STATE, state]], this.db);
    const keep = needed(state);
    await delMany((await keys(this.db)).filter((k) => !keep.has(String(k))), this.db);
  }
  clear() {
    return clear(this.db);
  }
}

class MemoryStore implements ImportStore {
  readonly persistent = false;
  private readonly entries = new Map<string, unknown>();
  async state() {
    return (this.entries.get(STATE) as ImportState | undefined) ?? null;
  }
  // A copy, as IndexedDB gives one: the caller may hand the bytes to a worker.
  async read(key: string) {
    return (this.entries.get(key) as Uint8Array | undefined)?.slice() ?? null;
  }
  async save(state: ImportState, entries: [string, Uint8Array][]) {
    for (const [key, bytes] of entries) this.entries.set(key, bytes);
    this.entries.set(STATE, state);
    const keep = needed(state);
    for (const k of [...this.entries.keys()]) if (!keep.has(k)) this.entries.delete(k);
  }
  async clear() {
    this.entries.clear();
  }
}

let opened: Promise<ImportStore> | null = null;

/** The store, opened once: IndexedDB when the browser allows it, else memory. */
export function importStore(): Promise<ImportStore> {
  opened ??= (async () => {
    try {
      const db = createStore('gov-disclosure-imports', 'files');
      await get(STATE, db); // opening fails here where IndexedDB is refused
      return new IndexedDbStore(db);
    } catch {
      return new MemoryStore();
    }
  })();
  return opened;
}
