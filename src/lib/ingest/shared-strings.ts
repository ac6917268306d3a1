import type { CarryFacts } from '../checks';
import type { ReportRecord } from '../dataset/packed';

/**
 * A report read on another thread arrives with copies of its strings of its
 * own. Those that repeat across reports (body, region, level, kind, the
 * template, format and encoding) are replaced by one shared copy, and the
 * facts the checks across years keep point at the record's: at a million
 * reports, about a gigabyte less held until the dataset is written.
 */
export class SharedStrings {
  private readonly strings = new Map<string, string>();

  share(report: ReportRecord, carry: CarryFacts): void {
    report.body = this.shared(report.body);
    report.region = this.sharedOrNull(report.region);
    report.level = this.sharedOrNull(report.level);
    report.kind = this.sharedOrNull(report.kind);
    report.origin = this.shared(report.origin);
    report.metaSource = this.shared(report.metaSource);
    report.template = this.shared(report.template);
    report.source.format = this.shared(report.source.format);
    report.source.encoding = this.shared(report.source.encoding);
    carry.reportId = report.id;
    carry.body = report.body;
    carry.region = report.region;
    carry.kind = report.kind;
    carry.template = report.template;
    carry.file = report.source.file;
    carry.figureStates = carry.figureStates.map((state) => (state === undefined ? state : this.shared(state)));
  }

  private shared<T extends string>(value: T): T {
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }

  private sharedOrNull(value: string | null): string | null {
    return value === null ? null : this.shared(value);
  }
}
