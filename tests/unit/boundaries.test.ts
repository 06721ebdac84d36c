/**
 * Each top-level folder is a runtime. Lint enforces this too; this test keeps
 * it enforced even where lint is not run: electron/core must run under plain
 * Node, shared/ must run anywhere.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => path.join(dir, f));
}

function imports(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]/g)].map(
    (m) => m[1]!,
  );
  return found;
}

describe('runtime boundaries', () => {
  it('electron/core never imports electron', () => {
    const offenders = sources('electron/core').filter((f) =>
      imports(f).some((m) => m === 'electron' || m.startsWith('electron/')),
    );
    expect(sources('electron/core').length).toBeGreaterThan(5);
    expect(offenders).toEqual([]);
  });

  it('shared/ imports no electron, no Node built-ins and nothing from the runtimes', () => {
    const offenders = sources('shared').filter((f) =>
      imports(f).some((m) => m === 'electron' || m.startsWith('node:') || /(^|\/)(renderer|electron)\//.test(m)),
    );
    expect(offenders).toEqual([]);
  });

  it('the renderer imports no electron and no Node built-ins', () => {
    const offenders = sources('renderer').filter((f) =>
      imports(f).some((m) => m === 'electron' || m.startsWith('node:') || m.includes('/electron/')),
    );
    expect(offenders).toEqual([]);
  });

  it('the check would catch an offender', () => {
    expect(imports('electron/main/index.ts')).toContain('electron');
  });
});
