/**
 * The evidence log (issue #15), in the evidence drawer: every export with who,
 * what and when, searchable, exportable as CSV, each checkable ("Periksa")
 * against its manifest, its signature and this installation's key; the
 * operator's name and the pre-buffer length; the public key to hand to an
 * investigator.
 */
import { useEffect, useState } from 'react';
import './evidence.css';
import type { EvidenceEntry, VerifyReport } from '../../shared/evidence';
import type { EvidenceState } from '../../shared/evidence-api';
import { csvDocument } from '../../shared/csv';
import { downloadText } from '../download';
import type { MessageKey } from '../i18n';
import { useStore, useTranslate } from '../store';
import { SearchField } from '../components/ui/SearchField';

const matches = (entry: EvidenceEntry, query: string) => {
  const m = entry.manifest;
  const text = `${m.camera.id} ${m.camera.name} ${m.camera.region} ${m.operator} ${m.start} ${entry.folder}`;
  return text.toLowerCase().includes(query.trim().toLowerCase());
};

/** A whole number in a range, taken when the field is left (and only when it changed). */
function WholeNumber(props: {
  label: string;
  control: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        data-control={props.control}
        min={props.min}
        max={props.max}
        defaultValue={props.value}
        onBlur={(e) => {
          const n = Math.round(Number(e.target.value));
          if (Number.isFinite(n) && n >= props.min && n <= props.max && n !== props.value) props.onChange(n);
        }}
      />
    </label>
  );
}

export function ClipLog() {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const saved = useStore((s) => s.evidenceSaved);
  const setNotice = useStore((s) => s.setNotice);
  const loadEvidence = useStore((s) => s.loadEvidence);
  const [entries, setEntries] = useState<EvidenceEntry[]>([]);
  const [state, setState] = useState<EvidenceState>();
  const [query, setQuery] = useState('');
  const [reports, setReports] = useState<Record<string, VerifyReport>>({});
  const [other, setOther] = useState<{ folder: string; report: VerifyReport }>();
  // Electron has a folder chooser; the browser host's files may be on another machine.
  const canChoose = useStore((s) => s.info?.host === 'electron');

  useEffect(() => {
    if (!api) return;
    let current = true;
    void Promise.all([api.invoke('evidence:list', {}), api.invoke('evidence:state', {})]).then(([list, got]) => {
      if (!current) return;
      if (list.ok) setEntries(list.value.entries);
      else setNotice(list.error.message);
      if (got.ok) setState(got.value);
    });
    return () => {
      current = false;
    };
  }, [api, saved, setNotice]);

  const configure = async (change: { operator?: string; preBufferSec?: number; maxRecordMin?: number }) => {
    const result = await api?.invoke('evidence:configure', change);
    if (!result) return;
    if (!result.ok) return setNotice(result.error.message);
    setState(result.value);
    void loadEvidence();
  };
  const verify = async (folder: string) => {
    const result = await api?.invoke('evidence:verify', { folder });
    if (result?.ok) setReports((r) => ({ ...r, [folder]: result.value }));
    else if (result) setNotice(result.error.message);
  };
  const checkOther = async () => {
    const result = await api?.invoke('evidence:check', {});
    if (!result) return;
    if (!result.ok) return setNotice(result.error.message);
    if (result.value.folder && result.value.report)
      setOther({ folder: result.value.folder, report: result.value.report });
  };
  const findings = (report: VerifyReport) => (
    <ul className="clip-findings" data-verified={report.ok}>
      {report.findings.map((f) => (
        <li key={`${f.code}${JSON.stringify(f.params)}`} className={f.ok ? 'evidence-intact' : 'evidence-changed'}>
          {f.ok ? '✓' : '✗'} {t(`verify.${f.code}` as MessageKey, f.params)}
        </li>
      ))}
    </ul>
  );
  const shown = entries.filter((e) => matches(e, query));
  const exportCsv = () =>
    downloadText(
      `pantau-bukti-${new Date().toISOString().slice(0, 10)}.csv`,
      csvDocument(
        ['start', 'end', 'seconds', 'camera', 'name', 'region', 'operator', 'gaps', 'folder', 'sha256'].map((h) =>
          t(`clip.col.${h}` as never),
        ),
        shown.map(({ folder, manifest: m }) => [
          m.start,
          m.end,
          m.seconds,
          m.camera.id,
          m.camera.name,
          m.camera.region,
          m.operator,
          m.gaps.length,
          folder,
          m.files.map((f) => f.sha256).join(' '),
        ]),
      ),
      'text/csv;charset=utf-8',
    );

  return (
    <section className="clip-log" aria-label={t('clip.logTitle')} data-control="clip-log">
      <h3>{t('clip.logTitle')}</h3>
      {state ? (
        <div className="clip-settings">
          <label>
            {t('clip.operatorName')}
            <input
              data-control="clip-operator"
              defaultValue={state.operator}
              maxLength={120}
              onBlur={(e) => {
                const name = e.target.value.trim();
                if (name && name !== state.operator) void configure({ operator: name });
              }}
            />
          </label>
          <WholeNumber
            label={t('clip.preBuffer')}
            control="clip-prebuffer"
            min={0}
            max={120}
            value={state.settings.preBufferSec}
            onChange={(preBufferSec) => void configure({ preBufferSec })}
          />
          <WholeNumber
            label={t('clip.maxRecord')}
            control="clip-max-record"
            min={1}
            max={240}
            value={state.settings.maxRecordMin}
            onChange={(maxRecordMin) => void configure({ maxRecordMin })}
          />
          <p className="muted">
            {t('clip.key', { fingerprint: state.fingerprint })}{' '}
            {state.keySealed === 'none' ? t('clip.keyNotSealed') : null}{' '}
            <button
              type="button"
              data-action="export-public-key"
              onClick={() => downloadText('pantau-kunci-publik.pem', state.publicKey, 'application/x-pem-file')}
            >
              {t('clip.exportKey')}
            </button>
          </p>
        </div>
      ) : null}
      <div className="clip-log-tools">
        <SearchField control="clip-search" label={t('clip.search')} value={query} onChange={setQuery} />
        <button type="button" data-action="clip-csv" disabled={shown.length === 0} onClick={exportCsv}>
          {t('clip.csv')}
        </button>
        {canChoose ? (
          <button type="button" data-action="clip-check-other" onClick={() => void checkOther()}>
            {t('clip.checkOther')}
          </button>
        ) : null}
      </div>
      {other ? (
        <div className="clip-other" data-control="clip-other">
          <strong>{other.folder}</strong>
          {findings(other.report)}
        </div>
      ) : null}
      {entries.length === 0 ? <p className="empty-state">{t('clip.empty')}</p> : null}
      <ul className="clip-list">
        {shown.map(({ folder, manifest: m }) => {
          const report = reports[folder];
          return (
            <li key={folder} data-clip={folder}>
              <div className="evidence-facts">
                <strong>{m.camera.name}</strong>
                <span>
                  {m.start} ·{' '}
                  {m.kind === 'snapshot' ? t('clip.snapshot') : t('clip.length', { seconds: Math.round(m.seconds) })}
                  {m.gaps.length > 0 ? ` · ${t('clip.gaps', { count: m.gaps.length })}` : ''}
                </span>
                <span className="muted">
                  {m.operator} · {folder}
                </span>
              </div>
              <button type="button" data-action="clip-verify" onClick={() => void verify(folder)}>
                {t('clip.verify')}
              </button>
              {report ? findings(report) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
