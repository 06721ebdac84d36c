/**
 * `npm run verify -- FOLDER [--key public-key.pem] [--lang id|en]`: checks evidence exports
 * without the app or its data. FOLDER is one export, or a folder of them
 * (the evidence folder: each export inside is checked), in Bahasa Indonesia
 * unless `--lang en`. Exit 0 when all
 * hold, 1 when something does not, 64 for a wrong command line.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { MANIFEST_FILE } from '../../../shared/evidence';
import { findingText, publicKeyBase64, verifyEvidence } from './verify-evidence';

async function exportsIn(folder: string): Promise<string[]> {
  if (await stat(path.join(folder, MANIFEST_FILE)).catch(() => undefined)) return [folder];
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
  const found: string[] = [];
  for (const name of names)
    if (await stat(path.join(folder, name, MANIFEST_FILE)).catch(() => undefined)) found.push(path.join(folder, name));
  return found.length > 0 ? found : [folder];
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { key: { type: 'string' }, lang: { type: 'string', default: 'id' } },
    });
  } catch {
    parsed = undefined;
  }
  const folders = parsed?.positionals ?? [];
  const keyFile = parsed?.values.key;
  const language = parsed?.values.lang;
  if (folders.length === 0 || (language !== 'id' && language !== 'en')) {
    process.stderr.write('usage: npm run verify -- FOLDER [--key installation-public-key.pem] [--lang id|en]\n');
    return 64;
  }
  let trusted: string | undefined;
  if (keyFile) {
    trusted = publicKeyBase64(await readFile(keyFile, 'utf8').catch(() => ''));
    if (!trusted) {
      process.stderr.write(`${keyFile} is not an Ed25519 public key (PEM) exported by Pantau\n`);
      return 64;
    }
  }
  let allOk = true;
  for (const folder of folders) {
    for (const one of await exportsIn(path.resolve(folder))) {
      const report = await verifyEvidence(one, trusted);
      allOk &&= report.ok;
      process.stdout.write(`${report.ok ? 'OK   ' : 'FAIL '} ${one}\n`);
      for (const finding of report.findings)
        process.stdout.write(`  ${finding.ok ? '✓' : '✗'} ${findingText(finding, language)}\n`);
    }
  }
  return allOk ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`verify failed: ${(error as Error).message}\n`);
    process.exit(70);
  },
);
