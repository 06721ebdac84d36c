/**
 * The camera inventory as CSV, as a city's spreadsheet exports it: columns
 * id, name, group, main URL, sub URL, username, password, transport (auto,
 * tcp or udp; empty is auto); headers in Bahasa
 * Indonesia or English; ";" or "," separated; UTF-8 with or without a BOM.
 */
import { cameraFieldIssues, fieldOfPath, type CameraField, type FieldProblem } from './camera-fields';
import { csvField } from './csv';
import { withoutUserInfo } from './rtsp-url';
import { CameraFileEntrySchema, describeIssues, type CameraFileEntry } from './model';
import { fold } from './search';

export type CsvColumn = CameraField;

const headerNames: Record<string, CsvColumn> = {
  id: 'id',
  kode: 'id',
  name: 'name',
  nama: 'name',
  group: 'group',
  grup: 'group',
  wilayah: 'group',
  lokasi: 'group',
  mainurl: 'main',
  urlutama: 'main',
  main: 'main',
  utama: 'main',
  suburl: 'sub',
  urlsub: 'sub',
  sub: 'sub',
  username: 'username',
  user: 'username',
  pengguna: 'username',
  namapengguna: 'username',
  password: 'password',
  katasandi: 'password',
  sandi: 'password',
  transport: 'transport',
  transpor: 'transport',
  protokol: 'transport',
};

type CsvRecord = { fields: string[]; line: number };

/** RFC 4180 fields: quotes, doubled quotes, separators and newlines inside quotes. */
export function parseCsv(text: string, separator: string): CsvRecord[] {
  return drain(parseCsvSteps(text, separator));
}

/** Characters read between two pauses of `parseCsvSteps` (a few ms of work). */
const CHARS_PER_STEP = 256 * 1024;

/** `parseCsv` in steps: it pauses (yields) every quarter million characters. */
export function* parseCsvSteps(text: string, separator: string): Generator<void, CsvRecord[]> {
  const records: CsvRecord[] = [];
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let pauseAt = CHARS_PER_STEP;
  for (let i = 0; i < text.length; i++) {
    if (i >= pauseAt) {
      pauseAt += CHARS_PER_STEP;
      yield;
    }
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (fields.some((f) => f.trim() !== '')) records.push({ fields, line: recordLine });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += c;
  }
  fields.push(field);
  if (fields.some((f) => f.trim() !== '')) records.push({ fields, line: recordLine });
  return records;
}

function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** What is wrong in one cell, said by the page in its language: "Baris 4, kolom url: …". */
export interface CsvCellIssue {
  /** The column's header as written in the file; absent for the file as a whole. */
  column?: string;
  field?: CameraField;
  problem: FieldProblem | 'empty-file' | 'missing-columns';
  /** For 'missing-columns': which ones. */
  missing?: CameraField[];
}

export interface CsvRejection {
  line: number;
  /** The same in English, for logs and the command line. */
  reason: string;
  issues: CsvCellIssue[];
}

export interface CsvImport {
  cameras: CameraFileEntry[];
  rejected: CsvRejection[];
}

/** Parses and validates every row; a bad row is rejected with its line number, the rest are kept. */
export function camerasFromCsv(input: string): CsvImport {
  return drain(csvImportSteps(input));
}

/** Rows validated between two pauses of `csvImportSteps` (~15 ms of work here). */
const ROWS_PER_STEP = 500;

/**
 * `camerasFromCsv` in steps: it pauses (yields) every few hundred rows so the
 * core can let other work run between them — a city's 20,000-row file must
 * not freeze every tile for the half second its validation takes.
 */
export function* csvImportSteps(input: string): Generator<void, CsvImport> {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const separator = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const [header, ...rows] = yield* parseCsvSteps(text, separator);
  if (!header)
    return { cameras: [], rejected: [{ line: 1, reason: 'the file is empty', issues: [{ problem: 'empty-file' }] }] };
  const columns = header.fields.map((h) => headerNames[fold(h).replace(/[^a-z]/g, '')]);
  const missing = (['id', 'name', 'main'] as const).filter((c) => !columns.includes(c));
  if (missing.length)
    return {
      cameras: [],
      rejected: [
        {
          line: header.line,
          reason: `the header lacks the column(s): ${missing.join(', ')}`,
          issues: [{ problem: 'missing-columns', missing }],
        },
      ],
    };

  // Each field's header as the file spells it, for messages the operator can match to the spreadsheet.
  const headerOf = {} as Record<CsvColumn, string>;
  columns.forEach((c, i) => {
    if (c && !(c in headerOf)) headerOf[c] = header.fields[i]!.trim();
  });
  const present = Object.keys(headerOf) as CsvColumn[];
  const cameras: CameraFileEntry[] = [];
  const rejected: CsvImport['rejected'] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    if (index > 0 && index % ROWS_PER_STEP === 0) yield;
    const value = (c: CsvColumn) => {
      const i = columns.indexOf(c);
      return i >= 0 ? (row.fields[i] ?? '').trim() : '';
    };
    const transport = value('transport').toLowerCase();
    const via = transport ? { transport } : {};
    const streams = [
      { profile: 'main', url: value('main'), ...via },
      ...(value('sub') ? [{ profile: 'sub', url: value('sub'), ...via }] : []),
    ];
    const candidate = {
      id: value('id'),
      name: value('name'),
      ...(value('group') ? { group: value('group') } : {}),
      streams,
      ...(value('username') ? { username: value('username') } : {}),
      ...(value('password') ? { password: value('password') } : {}),
    };
    const found = cameraFieldIssues(Object.fromEntries(present.map((c) => [c, value(c)])));
    const parsed = CameraFileEntrySchema.safeParse(candidate);
    if (found.length || !parsed.success) {
      const issues: CsvCellIssue[] = found.length
        ? found.map(({ field, problem }) => ({ field, column: headerOf[field], problem }))
        : parsed.error!.issues.map((issue) => {
            const field = fieldOfPath(issue.path);
            return field
              ? { field, column: headerOf[field], problem: 'invalid' as const }
              : { problem: 'invalid' as const };
          });
      const reason = parsed.success
        ? found.map((f) => `${headerOf[f.field]}: ${f.problem}`).join('; ')
        : describeIssues(parsed.error).replace(/\n/g, '; ');
      rejected.push({ line: row.line, reason, issues });
      continue;
    }
    if (seen.has(parsed.data.id)) {
      rejected.push({
        line: row.line,
        reason: `id: duplicates camera id "${parsed.data.id}" of an earlier row`,
        issues: [{ field: 'id', column: headerOf.id, problem: 'duplicate-id' }],
      });
      continue;
    }
    seen.add(parsed.data.id);
    cameras.push(parsed.data);
  }
  return { cameras, rejected };
}

/** The inventory as CSV (English headers, ","), passwords only when asked for. */
export function camerasToCsv(cameras: readonly CameraFileEntry[], includePasswords: boolean): string {
  const lines = [
    [
      'id',
      'name',
      'group',
      'main url',
      'sub url',
      'username',
      ...(includePasswords ? ['password'] : []),
      'transport',
    ].join(','),
  ];
  for (const c of cameras) {
    const found = (profile: string) => c.streams.find((s) => s.profile === profile)?.url;
    // A password can also sit in a URL's user info: without passwords, none leaves.
    const url = (profile: string) => {
      const value = found(profile);
      return value === undefined ? '' : includePasswords ? value : withoutUserInfo(value);
    };
    const fields = [
      c.id,
      c.name,
      c.group ?? '',
      url('main'),
      url('sub'),
      c.username ?? '',
      ...(includePasswords ? [c.password ?? ''] : []),
      c.streams[0]?.transport ?? '',
    ];
    lines.push(fields.map(csvField).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
