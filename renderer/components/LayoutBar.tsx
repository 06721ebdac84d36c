/**
 * Layouts: the template, the saved layouts (save, save as, rename, delete,
 * default, lock), import/export, and full screen.
 */
import { useMay } from '../access/use-may';
import { useRef, useState, type ChangeEvent } from 'react';
import {
  CopyPlus,
  Download,
  Lock,
  LockOpen,
  Maximize,
  PencilLine,
  Save,
  SquarePen,
  Star,
  Trash,
  Upload,
} from 'lucide-react';
import { layoutRates, type LayoutRate } from '../../shared/shedding-policy';
import { useStore, useTranslate } from '../store';
import { LayoutEditor } from './LayoutEditor';
import { TemplatePicker } from './TemplatePicker';
import { IconButton } from './ui/IconButton';
import { downloadText } from '../download';

type NameMode = 'saveAs' | 'rename' | null;

export function LayoutBar() {
  const t = useTranslate();
  const may = useMay();
  const s = useStore();
  const current = s.layouts.find((l) => l.id === s.layoutId);
  const [mode, setMode] = useState<NameMode>(null);
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState('');
  const fileRef = useRef<HTMLInputElement>(null);
  // Deleting a layout cannot be undone: the bar asks first, naming it.
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const askName = (next: NameMode, initial: string) => {
    setMode(next);
    setName(initial);
  };
  const submitName = async () => {
    if (mode === 'saveAs') await s.saveLayoutAs(name);
    if (mode === 'rename') await s.renameLayout(name);
    setMode(null);
  };
  const onSave = () => {
    if (!current) askName('saveAs', '');
    else if (current.locked) askName('saveAs', `${current.name} (${t('layout.copy')})`);
    else void s.saveLayout();
  };
  const onExport = async () => {
    const text = await s.exportLayouts();
    if (!text) return;
    downloadText('pantau-tata-letak.json', text, 'application/json');
  };
  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) await s.importLayouts(await file.text());
  };

  // An access link's page has no saved walls (they name every agency's cameras): a template, full screen.
  if (!may('local'))
    return (
      <div className="layout-bar">
        <TemplatePicker />
        <IconButton
          icon={Maximize}
          label={t('layout.fullscreen')}
          data-action="fullscreen"
          onClick={() => void document.querySelector('.wall')?.requestFullscreen()}
        />
      </div>
    );
  return (
    <div className="layout-bar">
      <TemplatePicker />
      <label>
        <span className="sr-only">{t('layout.saved')}</span>
        <select
          data-control="layout"
          value={s.layoutId ?? ''}
          onChange={(e) => e.target.value && s.openLayout(e.target.value)}
          title={t('layout.saved')}
        >
          <option value="">{t('layout.unsaved')}</option>
          {s.layouts.length === 0 ? (
            <option value="" disabled data-control="layouts-empty">
              {t('layout.noneSaved')}
            </option>
          ) : null}
          {s.layouts.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
              {l.locked ? ' 🔒' : ''}
              {l.id === s.defaultLayoutId ? ` (${t('layout.default')})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="sr-only">{t('layout.rate')}</span>
        <select
          data-control="layout-rate"
          value={s.wallRate}
          onChange={(e) => s.setWallRate(e.target.value as LayoutRate)}
          title={t('layout.rate')}
        >
          {layoutRates.map((rate) => (
            <option key={rate} value={rate}>
              {t(`layout.rate.${rate}`)}
            </option>
          ))}
        </select>
      </label>
      <IconButton
        icon={SquarePen}
        label={t('editor.open')}
        data-action="layout-edit"
        onClick={() => setEditing(true)}
      />
      {editing ? <LayoutEditor onClose={() => setEditing(false)} /> : null}
      {s.dirty ? (
        <span className="layout-dirty" title={t('layout.changed')}>
          ●
        </span>
      ) : null}
      {mode ? (
        <form className="layout-name" noValidate onSubmit={(e) => (e.preventDefault(), void submitName())}>
          <input
            data-control="layout-name"
            autoFocus
            value={name}
            maxLength={80}
            placeholder={t('layout.name')}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit">{t('layout.ok')}</button>
          <button type="button" onClick={() => setMode(null)}>
            {t('layout.cancel')}
          </button>
        </form>
      ) : (
        <>
          <IconButton icon={Save} label={t('layout.save')} data-action="layout-save" onClick={onSave} />
          <IconButton
            icon={CopyPlus}
            label={t('layout.saveAs')}
            data-action="layout-save-as"
            onClick={() => askName('saveAs', '')}
          />
          {current ? (
            <>
              <IconButton
                icon={PencilLine}
                label={t('layout.rename')}
                data-action="layout-rename"
                disabled={current.locked}
                onClick={() => askName('rename', current.name)}
              />
              <IconButton
                icon={Trash}
                label={t('layout.delete')}
                data-action="layout-delete"
                disabled={current.locked}
                onClick={() => setConfirmingDelete(true)}
              />
              {confirmingDelete ? (
                <span className="layout-confirm" role="group" aria-label={t('layout.delete')}>
                  <span>{t('layout.deleteAsk', { name: current.name })}</span>
                  <button
                    type="button"
                    data-action="layout-delete-confirm"
                    onClick={() => {
                      setConfirmingDelete(false);
                      void s.deleteLayout();
                    }}
                  >
                    {t('layout.delete')}
                  </button>
                  <button type="button" autoFocus onClick={() => setConfirmingDelete(false)}>
                    {t('layout.cancel')}
                  </button>
                </span>
              ) : null}
              <IconButton
                icon={Star}
                label={t('layout.default')}
                data-action="layout-default"
                aria-pressed={current.id === s.defaultLayoutId}
                onClick={() => void s.setDefaultLayout(current.id !== s.defaultLayoutId)}
              />
              <label>
                <span className="sr-only">{t('layout.monitor')}</span>
                <select
                  data-control="layout-monitor"
                  title={t('layout.monitor')}
                  value={current.monitor ?? ''}
                  disabled={current.locked}
                  onChange={(e) => void s.setLayoutMonitor(e.target.value || undefined)}
                >
                  <option value="">{t('layout.anyMonitor')}</option>
                  {['1', '2', '3', '4', '5', '6'].map((m) => (
                    <option key={m} value={m}>
                      {t('layout.monitorN', { n: m })}
                    </option>
                  ))}
                </select>
              </label>
              <IconButton
                icon={current.locked ? Lock : LockOpen}
                label={current.locked ? t('layout.unlock') : t('layout.lock')}
                data-action="layout-lock"
                aria-pressed={current.locked}
                onClick={() => void s.lockLayout(!current.locked)}
              />
            </>
          ) : null}
          <IconButton
            icon={Download}
            label={t('layout.export')}
            data-action="layout-export"
            onClick={() => void onExport()}
          />
          <IconButton
            icon={Upload}
            label={t('layout.import')}
            data-action="layout-import"
            onClick={() => fileRef.current?.click()}
          />
          <input
            ref={fileRef}
            type="file"
            accept=".json,application/json"
            hidden
            data-control="layout-file"
            onChange={(e) => void onImport(e)}
          />
          <IconButton
            icon={Maximize}
            label={t('layout.fullscreen')}
            data-action="fullscreen"
            onClick={() => void document.querySelector('.wall')?.requestFullscreen()}
          />
        </>
      )}
    </div>
  );
}
