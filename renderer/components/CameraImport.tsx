/**
 * CSV import of the camera inventory: the file is read and checked first,
 * the report shown (added, updated, rejected rows with line and reason), and
 * nothing is written unless the operator applies it. Export leaves passwords
 * out unless asked for.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useStore, useTranslate } from '../store';
import { downloadText } from '../download';

interface Report {
  added: string[];
  updated: string[];
  rejected: { line: number; reason: string }[];
}

export function CameraImport() {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const setNotice = useStore((s) => s.setNotice);
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ text: string; report: Report }>();
  const [withPasswords, setWithPasswords] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file || !api) return;
    const text = await file.text();
    const checked = await api.invoke('camera:import', { text, apply: false });
    if (!checked.ok) return setNotice(checked.error.message);
    setPending({ text, report: checked.value });
  };
  const apply = async () => {
    if (!pending || !api) return;
    const done = await api.invoke('camera:import', { text: pending.text, apply: true });
    setPending(undefined);
    if (!done.ok) return setNotice(done.error.message);
    setNotice(t('csv.applied', { added: done.value.added.length, updated: done.value.updated.length, rejected: done.value.rejected.length }));
  };
  const exportCsv = async () => {
    if (!api) return;
    const result = await api.invoke('camera:export', { includePasswords: withPasswords });
    if (!result.ok) return setNotice(result.error.message);
    downloadText(withPasswords ? 'pantau-kamera-DENGAN-SANDI.csv' : 'pantau-kamera.csv', result.value.text, 'text/csv;charset=utf-8');
  };

  return (
    <div className="camera-import">
      <button type="button" data-action="csv-import" onClick={() => fileRef.current?.click()}>
        {t('csv.import')}
      </button>
      <button type="button" data-action="csv-export" onClick={() => void exportCsv()}>
        {t('csv.export')}
      </button>
      <label title={t('csv.withPasswordsWarning')}>
        <input type="checkbox" data-control="csv-passwords" checked={withPasswords} onChange={(e) => setWithPasswords(e.target.checked)} />
        {t('csv.withPasswords')}
      </label>
      <input ref={fileRef} type="file" accept=".csv,text/csv" hidden data-control="csv-file" onChange={(e) => void choose(e)} />
      {pending ? (
        <div className="editor-backdrop" role="dialog" aria-modal="true" aria-label={t('csv.report')} data-control="csv-report">
          <div className="editor">
            <h2>{t('csv.report')}</h2>
            <p data-count="added">{t('csv.added', { n: pending.report.added.length })}</p>
            <p data-count="updated">{t('csv.updated', { n: pending.report.updated.length })}</p>
            <p data-count="rejected">{t('csv.rejected', { n: pending.report.rejected.length })}</p>
            {pending.report.rejected.length ? (
              <ul className="csv-rejected">
                {pending.report.rejected.slice(0, 200).map((r) => (
                  <li key={r.line}>
                    {t('csv.line', { line: r.line })}: {r.reason}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="editor-controls">
              <button type="button" data-action="csv-apply" disabled={pending.report.added.length + pending.report.updated.length === 0} onClick={() => void apply()}>
                {t('csv.apply')}
              </button>
              <button type="button" data-action="csv-cancel" onClick={() => setPending(undefined)}>
                {t('layout.cancel')}
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </div>
  );
}
