/** Field and CSV-cell problems said in the page's language (the codes come from shared/camera-fields.ts). */
import type { CsvCellIssue, CsvRejection } from '../shared/camera-csv';
import type { MessageKey } from './i18n';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function sayProblem(t: Translate, issue: Pick<CsvCellIssue, 'problem' | 'missing'>): string {
  const columns = (issue.missing ?? []).map((f) => t(`csv.column.${f}`)).join(', ');
  return t(`field.problem.${issue.problem}`, { columns });
}

/** "Baris 4, kolom url: bukan alamat rtsp:// atau rtsps://" — the column named as the file's header spells it. */
export function sayRejection(t: Translate, rejection: CsvRejection): string {
  const cells = rejection.issues.map((issue) =>
    issue.column ? t('csv.cell', { column: issue.column, problem: sayProblem(t, issue) }) : sayProblem(t, issue),
  );
  return `${t('csv.line', { line: rejection.line })}, ${cells.join('; ')}`;
}
