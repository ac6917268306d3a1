import { data, fetchSiteFile, getDatabase, reloadData } from '../app/data.svelte';
import { MAX_REPORT_BYTES, tooLarge } from '../reader/decode';
import { REPORT_EXTENSIONS } from '../reader/file-names';
import type { ManifestEntry } from '../reader/types';
import { buildAndStore, readFiles, withManifest, type PickedFile, type Progress, type WorkerJob } from './client';
import type { ReadSummary } from './protocol';
import { givenEntry, type GivenMeta } from './read';
import { importStore, type ImportedReport } from './store';

/** A report already in the data with the same body and year as a new one. */
export interface Duplicate {
  reportId: string;
  file: string;
  /** Of the site's data (else imported before). */
  site: boolean;
  /** The same file, body and year: the same report id, which cannot be kept twice. */
  sameId: boolean;
}

export type Decision = 'replace' | 'keep' | 'skip';

/** One chosen file on its way in. */
export interface ImportRow {
  key: number;
  path: string;
  name: string;
  file: File;
  /** What the manifest said of it, or the body and year the user gave. */
  entry?: ManifestEntry;
  result: ReadSummary | null;
  duplicate: Duplicate | null;
  decision: Decision | null;
}

type Phase = 'idle' | 'reading' | 'ready' | 'adding';

/** The 导入报告 page's work: files chosen → read → decided → added (all in workers; the page only shows it). */
export class ImportSession {
  rows = $state<ImportRow[]>([]);
  phase = $state<Phase>('idle');
  progress = $state<Progress | null>(null);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  manifest = $state<string | null>(null);
  private job: WorkerJob<unknown> | null = null;
  private readonly showProgress = (p: Progress) => {
    this.progress = p;
  };
  private next = 0;

  /** Reading or adding: the controls wait. */
  get busy(): boolean {
    return this.phase === 'reading' || this.phase === 'adding';
  }

  /** Files that will be added: read, and not skipped. */
  get adding(): ImportRow[] {
    return this.rows.filter((r) => r.result?.status === 'read' && r.decision !== 'skip');
  }

  /** Read files that wait for a decision (a duplicate not yet decided). */
  get undecided(): ImportRow[] {
    return this.rows.filter((r) => r.result?.status === 'read' && r.duplicate && !r.decision);
  }

  async choose(picked: PickedFile[]): Promise<void> {
    this.error = this.notice = null;
    let files;
    let skipped = 0;
    let unlisted: string[] = [];
    try {
      ({ files, manifest: this.manifest, skipped, unlisted } = await withManifest(picked));
    } catch (e) {
      this.error = (e as Error).message;
      return;
    }
    if (files.length === 0) {
      this.error = this.manifest ? `只选了清单 ${this.manifest}，没有报告文件：请连同报告一起选择（或选择整个文件夹）` : '没有选择文件';
      return;
    }
    // In the order of their paths (a folder's files come in the order the browser lists them).
    const ordered = [...files].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    this.rows = ordered.map((f) => ({ key: this.next++, ...f, result: null, duplicate: null, decision: null }));
    const notes = [
      skipped > 0 ? `文件夹中另有 ${skipped} 个文件不是报告格式（${REPORT_EXTENSIONS.join(' ')} 以外，或隐藏文件），未读取。` : '',
      unlisted.length > 0 ? `清单列出的 ${unlisted.length} 个文件不在所选文件中：${unlisted.slice(0, 5).join('、')}${unlisted.length > 5 ? ' 等' : ''}（请选择清单所在的整个文件夹）。` : '',
    ].join('');
    if (notes) this.notice = notes;
    await this.read(this.rows);
  }

  /** Read again with the body and year the user gave (the text did not tell them, or told them wrong). */
  async give(row: ImportRow, given: GivenMeta): Promise<void> {
    row.entry = givenEntry(row.name, given, row.entry);
    row.result = null;
    row.duplicate = null;
    row.decision = null;
    await this.read([row]);
  }

  private async read(rows: ImportRow[]): Promise<void> {
    this.phase = 'reading';
    this.progress = { done: 0, total: rows.length, step: 'reading' };
    try {
      // A file too large to be a report is refused unread (a video in the folder must not fill the memory).
      for (const [index, r] of rows.entries()) if (r.file.size > MAX_REPORT_BYTES) r.result = { index, status: 'failed', file: r.name, reason: tooLarge(r.file.size).message };
      const reading = rows.filter((r) => !r.result);
      if (reading.length > 0) await this.readInWorker(reading);
      await this.findDuplicates();
    } catch (e) {
      if ((e as DOMException).name === 'AbortError') {
        this.rows = [];
        this.notice = '已取消：没有加入任何报告。';
      } else this.error = (e as Error).message;
    } finally {
      this.job = null;
      this.phase = 'ready';
      this.progress = null;
    }
  }

  private async readInWorker(rows: ImportRow[]): Promise<void> {
    const files = await Promise.all(rows.map(async (r) => ({ name: r.name, bytes: new Uint8Array(await r.file.arrayBuffer()), entry: $state.snapshot(r.entry) })));
    // Results are shown a frame at a time: a thousand files are a thousand messages, not a thousand redraws.
    let waiting: ReadSummary[] = [];
    const show = () => {
      for (const result of waiting) rows[result.index].result = result;
      waiting = [];
    };
    const job = readFiles(files, false, (result) => waiting.push(result) === 1 && requestAnimationFrame(show), this.showProgress);
    this.job = job;
    await job.done;
    show();
  }

  /** Each read report against the data's reports of the same body and year, and against the others chosen with it. */
  private async findDuplicates(): Promise<void> {
    const existing = await getDatabase()
      .then((db) => db.query<{ report_id: string; body: string; year: number; source_file: string }>('SELECT report_id, body, year, source_file FROM reports WHERE superseded_by IS NULL'))
      .catch(() => []);
    const imported = new Set(data.imports?.reports.map((r) => r.reportId) ?? []);
    const byBodyYear = new Map(existing.map((r) => [`${r.body}\u0000${r.year}`, r]));
    const chosen = new Map<string, ImportRow>();
    for (const row of this.rows) {
      const r = row.result;
      if (r?.status !== 'read') continue;
      const key = `${r.body}\u0000${r.year}`;
      const there = byBodyYear.get(key);
      const before = chosen.get(key);
      if (there) row.duplicate = { reportId: there.report_id, file: there.source_file, site: !imported.has(there.report_id), sameId: there.report_id === r.reportId };
      else if (before?.result?.status === 'read') row.duplicate = { reportId: before.result.reportId, file: before.name, site: false, sameId: before.result.reportId === r.reportId };
      chosen.set(key, row);
    }
  }

  /** The same decision for every duplicate not yet decided (都保留 only where the two are not the same file). */
  decideAll(decision: Decision): void {
    for (const row of this.undecided) if (decision !== 'keep' || !row.duplicate?.sameId) row.decision = decision;
  }

  cancel(): void {
    this.job?.cancel();
  }

  /** Add the read reports (as decided) to the data kept in this browser, and load the data again. */
  async add(): Promise<void> {
    const rows = this.adding;
    if (rows.length === 0 || this.undecided.length > 0) return;
    this.error = this.notice = null;
    this.phase = 'adding';
    try {
      const store = await importStore();
      const kept = await store.state();
      const now = new Date().toISOString();
      const importedIds = new Set(kept?.reports.map((r) => r.reportId) ?? []);
      const removed: string[] = [];
      const reports = await Promise.all(
        rows.map(async (row) => {
          const r = row.result as Extract<ReadSummary, { status: 'read' }>;
          const d = row.duplicate;
          let replaces: string | null = null;
          if (d && (row.decision === 'replace' || d.sameId)) {
            if (importedIds.has(d.reportId)) removed.push(d.reportId);
            else if (d.site) replaces = d.reportId;
          }
          const item: ImportedReport = { sha256: r.sha256, file: row.name, bytes: r.bytes, addedAt: now, entry: $state.snapshot(row.entry) ?? null, reportId: r.reportId, body: r.body, year: r.year, format: r.format, findings: r.findings, errors: r.errors, replaces };
          return { item, bytes: new Uint8Array(await row.file.arrayBuffer()) };
        }),
      );
      const job = buildAndStore(store, kept, { reports, removed }, fetchSiteFile, this.showProgress);
      this.job = job;
      await job.done;
      this.notice = `已加入 ${rows.length.toLocaleString('zh-CN')} 份报告：各页面的图表和表格已包括它们（标为“导入”）。`;
      this.rows = [];
      reloadData();
    } catch (e) {
      this.error = (e as DOMException).name === 'AbortError' ? null : (e as Error).message;
      if ((e as DOMException).name === 'AbortError') this.notice = '已取消：没有加入任何报告，已导入的数据未改变。';
    } finally {
      this.job = null;
      this.phase = 'ready';
      this.progress = null;
    }
  }

  /** Take imported reports out again (all when ids is null): the site's reports they replaced come back. */
  async remove(ids: string[] | null): Promise<void> {
    this.error = this.notice = null;
    this.phase = 'adding';
    try {
      const store = await importStore();
      const kept = await store.state();
      const removed = ids ?? kept?.reports.map((r) => r.reportId) ?? [];
      const job = buildAndStore(store, kept, { reports: [], removed }, fetchSiteFile, this.showProgress);
      this.job = job;
      await job.done;
      this.notice = `已移除 ${removed.length.toLocaleString('zh-CN')} 份导入的报告。`;
      reloadData();
    } catch (e) {
      this.error = (e as Error).message;
    } finally {
      this.job = null;
      this.phase = 'ready';
      this.progress = null;
    }
  }
}
