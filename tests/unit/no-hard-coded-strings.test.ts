/**
 * Every word an operator reads comes from the id/en catalogues: this reads
 * the components' syntax trees and fails on text written straight into JSX
 * or into a user-facing attribute.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const rendererDir = path.resolve(__dirname, '../../renderer');
const userFacingAttributes = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description', 'label']);
/** Words that are the same in every language: the product name, brands, and a real place used as an example. */
// Names, not words to translate: brands, an example path, and each language named in itself.
const allowed = new Set([
  'Pantau',
  'Hikvision',
  'Dahua',
  'Kota Semarang/Tembalang/Bulusan/RT 03',
  'rtsp://…',
  'Bahasa Indonesia',
  'English',
]);
const hasWords = (text: string) => /\p{L}{2,}/u.test(text) && !allowed.has(text.trim());

function hardCodedStrings(file: string, text = readFileSync(file, 'utf8')): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${path.basename(file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && userFacingAttributes.has(node.name.getText())) {
      const value = node.initializer;
      const literal =
        value && ts.isStringLiteral(value)
          ? value
          : value && ts.isJsxExpression(value) && value.expression && ts.isStringLiteral(value.expression)
            ? value.expression
            : undefined;
      if (literal && hasWords(literal.text)) found.push(`${where(node)} ${node.name.getText()}="${literal.text}"`);
    }
    // Words passed to a notice or an error shown on screen.
    if (
      ts.isCallExpression(node) &&
      /^(setNotice|setError|alert|confirm)$/.test(node.expression.getText().replace(/^window\./, ''))
    ) {
      const first = node.arguments[0];
      if (first && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first)) && hasWords(first.text))
        found.push(`${where(node)} ${node.expression.getText()}("${first.text}")`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  // Every component of the page, wherever it lives (components/, fleet/, alarms/, …).
  const files = (readdirSync(rendererDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx'));

  it('are all read (the check is not vacuous)', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it('hold no user-facing words outside the catalogues', () => {
    expect(files.flatMap((f) => hardCodedStrings(path.join(rendererDir, f)))).toEqual([]);
  });

  it('the check finds words written into JSX, attributes and notices', () => {
    expect(hardCodedStrings('sample.tsx', sample)).toEqual([
      'sample.tsx:4 text "Simpan"',
      'sample.tsx:5 title="Hapus petak"',
      'sample.tsx:6 placeholder="Cari kamera"',
      'sample.tsx:8 setNotice("Kamera ditambahkan")',
    ]);
  });
});

const sample = `// Each line with words in it but line 7 (the product name) must be reported.
export const Sample = ({ setNotice, t }: { setNotice: (s: string) => void; t: (k: string) => string }) => (
  <div aria-label={t('ok')}>
    <button type="button">Simpan</button>
    <button type="button" title="Hapus petak">×</button>
    <input placeholder="Cari kamera" />
    <span>Pantau</span>
    <button type="button" onClick={() => setNotice('Kamera ditambahkan')}>{t('ok')}</button>
  </div>
);
`;
