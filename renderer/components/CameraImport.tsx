/**
 * CSV import of the camera inventory: the file is read and checked first,
 * the report shown (added, updated, rejected rows with line and reason), and
 * nothing is written unless the operator applies it. Export leaves passwords
 * out unless asked for.
 */
import { Download, Plus } from 'lucide-react';
import { useRef, useState, type ChangeEvent } from 'react';
import { camerasToCsv, type CsvRejection } from '../../shared/camera-csv';
import { nvrCameras, type NvrBrand, type NvrSpec } from '../../shared/nvr';
import { useStore, useTranslate } from '../store';
import { AddCamera } from './AddCamera';
import { Dialog } from './Dialog';
import { MenuButton } from './ui/MenuButton';
import { focusFirstInvalid, TextField } from './TextField';
import { OnvifAdd } from './OnvifAdd';
import { downloadText } from '../download';
import { sayRejection } from '../field-problems';

interface Report {
  added: string[];
  updated: string[];
  rejected: CsvRejection[];
  passwordsDropped: string[];
}

export function CameraImport() {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const setNotice = useStore((s) => s.setNotice);
  const info = useStore((s) => s.info);
  const hasOwnCameras = useStore((s) => s.cameras.some((c) => !c.demo));
  const fileRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<{ text: string; report: Report }>();

  const [nvr, setNvr] = useState<NvrSpec | null>(null);
  const [nvrMissing, setNvrMissing] = useState<{ name?: boolean; host?: boolean }>({});
  const nvrFormRef = useRef<HTMLFormElement>(null);
  const [adding, setAdding] = useState(false);
  const [onvif, setOnvif] = useState(false);
  const closeNvr = () => setNvr(null);
  const closeReport = () => setPending(undefined);
  const check = async (text: string) => {
    if (!api) return;
    const checked = await api.invoke('camera:import', { text, apply: false });
    if (!checked.ok) return setNotice(checked.error.message);
    setPending({ text, report: checked.value });
  };
  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await check(await file.text());
  };
  // The NVR's channels go through the same checked import as a CSV file.
  const addNvr = async () => {
    if (!nvr) return;
    const missing = { name: !nvr.name.trim(), host: !nvr.host.trim() };
    setNvrMissing(missing);
    if (missing.name || missing.host) return focusFirstInvalid(nvrFormRef.current);
    setNvr(null);
    await check(camerasToCsv(nvrCameras(nvr), true));
  };
  const apply = async () => {
    if (!pending || !api) return;
    const done = await api.invoke('camera:import', { text: pending.text, apply: true });
    setPending(undefined);
    if (!done.ok) return setNotice(done.error.message);
    setNotice(
      t('csv.applied', {
        added: done.value.added.length,
        updated: done.value.updated.length,
        rejected: done.value.rejected.length,
      }),
    );
  };
  const exportCsv = async (withPasswords: boolean) => {
    if (!api) return;
    const result = await api.invoke('camera:export', { includePasswords: withPasswords });
    if (!result.ok) return setNotice(result.error.message);
    downloadText(
      withPasswords ? 'pantau-kamera-DENGAN-SANDI.csv' : 'pantau-kamera.csv',
      result.value.text,
      'text/csv;charset=utf-8',
    );
  };

  return (
    <div className="camera-import">
      {info?.secrets === 'plain' && hasOwnCameras ? (
        <p className="secrets-note" data-control="secrets-plain" title={t('secrets.plainDetail')}>
          {t('secrets.plain')}
        </p>
      ) : null}
      {info?.unreadablePasswords.length ? (
        <p className="secrets-note secrets-bad" data-control="secrets-unreadable" role="alert">
          {t('secrets.unreadable', { n: info.unreadablePasswords.length })}
        </p>
      ) : null}
      <div className="camera-pane-actions">
        <MenuButton
          icon={Plus}
          label={t('camera.addMenu')}
          action="camera-add-menu"
          items={[
            { label: t('camera.add'), action: 'camera-add', onSelect: () => setAdding(true) },
            { label: t('onvif.open.button'), action: 'onvif-open', onSelect: () => setOnvif(true) },
            {
              label: t('nvr.add'),
              action: 'nvr-add',
              onSelect: () => setNvr({ brand: 'hikvision', name: '', host: '', channels: 8 }),
            },
            { label: t('csv.import'), action: 'csv-import', onSelect: () => fileRef.current?.click() },
          ]}
        />
        <MenuButton
          icon={Download}
          label={t('csv.exportMenu')}
          action="csv-export-menu"
          items={[
            { label: t('csv.export'), action: 'csv-export', onSelect: () => void exportCsv(false) },
            {
              label: t('csv.exportWithPasswords'),
              action: 'csv-export-passwords',
              // A file with every camera's password: the operator says yes to the warning first.
              onSelect: () => window.confirm(t('csv.withPasswordsWarning')) && void exportCsv(true),
            },
          ]}
        />
      </div>
      {adding ? <AddCamera onClose={() => setAdding(false)} /> : null}
      {onvif ? <OnvifAdd onClose={() => setOnvif(false)} /> : null}
      <input
        ref={fileRef}
        type="file"
        accept=".csv,text/csv"
        hidden
        data-control="csv-file"
        onChange={(e) => void choose(e)}
      />
      {nvr ? (
        <Dialog label={t('nvr.title')} onClose={closeNvr}>
          <form
            ref={nvrFormRef}
            noValidate
            className="editor nvr-form"
            onSubmit={(e) => (e.preventDefault(), void addNvr())}
          >
            <h2>{t('nvr.title')}</h2>
            <label>
              {t('nvr.brand')}
              <select
                data-control="nvr-brand"
                value={nvr.brand}
                onChange={(e) => setNvr({ ...nvr, brand: e.target.value as NvrBrand })}
              >
                <option value="hikvision">Hikvision</option>
                <option value="dahua">Dahua</option>
              </select>
            </label>
            <TextField
              label={t('nvr.name')}
              problem={nvrMissing.name ? t('field.problem.required') : undefined}
              data-control="nvr-name"
              maxLength={80}
              value={nvr.name}
              onChange={(e) => setNvr({ ...nvr, name: e.target.value })}
            />
            <TextField
              label={t('nvr.host')}
              problem={nvrMissing.host ? t('field.problem.required') : undefined}
              data-control="nvr-host"
              maxLength={255}
              value={nvr.host}
              onChange={(e) => setNvr({ ...nvr, host: e.target.value.trim() })}
            />
            <label>
              {t('nvr.channels')}
              <input
                data-control="nvr-channels"
                type="number"
                min={1}
                max={256}
                value={nvr.channels}
                onChange={(e) => setNvr({ ...nvr, channels: Math.max(1, Math.min(256, Number(e.target.value))) })}
              />
            </label>
            <label>
              {t('nvr.username')}
              <input
                data-control="nvr-username"
                autoComplete="off"
                value={nvr.username ?? ''}
                onChange={(e) => setNvr({ ...nvr, username: e.target.value })}
              />
            </label>
            <label>
              {t('nvr.password')}
              <input
                data-control="nvr-password"
                type="password"
                autoComplete="new-password"
                value={nvr.password ?? ''}
                onChange={(e) => setNvr({ ...nvr, password: e.target.value })}
              />
            </label>
            <div className="editor-controls">
              <button type="submit" data-action="nvr-check">
                {t('nvr.check')}
              </button>
              <button type="button" onClick={() => setNvr(null)}>
                {t('layout.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      ) : null}
      {pending ? (
        <Dialog label={t('csv.report')} onClose={closeReport} control="csv-report">
          <div className="editor">
            <h2>{t('csv.report')}</h2>
            <p data-count="added">{t('csv.added', { n: pending.report.added.length })}</p>
            <p data-count="updated">{t('csv.updated', { n: pending.report.updated.length })}</p>
            <p data-count="rejected">{t('csv.rejected', { n: pending.report.rejected.length })}</p>
            {pending.report.passwordsDropped.length ? (
              <p data-count="passwords-dropped">
                {t('csv.passwordsDropped', { ids: pending.report.passwordsDropped.slice(0, 20).join(', ') })}
              </p>
            ) : null}
            {pending.report.rejected.length ? (
              <ul className="csv-rejected">
                {pending.report.rejected.slice(0, 200).map((r) => (
                  <li key={r.line} data-line={r.line}>
                    {sayRejection(t, r)}
                  </li>
                ))}
              </ul>
            ) : null}
            <div className="editor-controls">
              <button
                type="button"
                data-action="csv-apply"
                disabled={pending.report.added.length + pending.report.updated.length === 0}
                onClick={() => void apply()}
              >
                {t('csv.apply')}
              </button>
              <button type="button" data-action="csv-cancel" onClick={() => setPending(undefined)}>
                {t('layout.cancel')}
              </button>
            </div>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
