/**
 * Access links for other agencies (issue #16): the supervisor makes one — a
 * name, what it may do, which regions and cameras, how many days — and hands
 * its address over; it is shown once (only its hash is kept). The list says
 * which links work, and revoking one closes its open pages within a second.
 */
import { useEffect, useState } from 'react';
import './access.css';
import type { AccessLink, AccessRight } from '../../shared/access-api';
import { Dialog } from '../components/Dialog';
import { CameraPicker, GroupPicker } from '../components/ui/ScopePickers';
import { useStore, useTranslate } from '../store';

const RIGHTS: readonly AccessRight[] = ['view', 'ptz', 'evidence', 'edit'];

interface Draft {
  name: string;
  rights: AccessRight[];
  groups: string[];
  cameraIds: string[];
  days: number;
}
const blank = (): Draft => ({ name: '', rights: ['view'], groups: [], cameraIds: [], days: 30 });

export function AccessLinksDialog({ onClose }: { onClose: () => void }) {
  const t = useTranslate();
  const api = useStore((s) => s.api);
  const [links, setLinks] = useState<AccessLink[]>([]);
  const [draft, setDraft] = useState<Draft>(blank);
  const [made, setMade] = useState<{ name: string; url: string }>();
  const [problem, setProblem] = useState<string>();

  const reload = () => void api?.invoke('access:list', {}).then((got) => got.ok && setLinks(got.value.links));
  useEffect(reload, [api]);

  const create = async () => {
    const got = await api?.invoke('access:create', {
      name: draft.name,
      rights: draft.rights,
      scope: { all: false, groups: draft.groups, cameraIds: draft.cameraIds },
      days: draft.days,
    });
    if (!got) return;
    if (!got.ok) return setProblem(got.error.message);
    setProblem(undefined);
    setMade({ name: got.value.link.name, url: `${location.origin}/?token=${encodeURIComponent(got.value.token)}` });
    setDraft(blank());
    reload();
  };
  const revoke = async (id: string) => {
    await api?.invoke('access:revoke', { id });
    reload();
  };
  const state = (link: AccessLink) =>
    link.revokedAt ? 'revoked' : link.expiresAt !== undefined && link.expiresAt <= Date.now() ? 'expired' : 'active';

  return (
    <Dialog label={t('access.title')} onClose={onClose} control="access-links">
      <form
        className="editor nvr-form access-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <h2>{t('access.title')}</h2>
        <p className="muted">{t('access.intro')}</p>
        {made ? (
          <div className="access-made" role="status" data-control="access-made">
            <strong>{t('access.made', { name: made.name })}</strong>
            <input readOnly value={made.url} data-control="access-url" onFocus={(e) => e.target.select()} />
            <span className="muted">{t('access.once')}</span>
          </div>
        ) : null}
        <label>
          {t('access.name')}
          <input
            data-control="access-name"
            maxLength={120}
            value={draft.name}
            placeholder={t('access.nameHint')}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <fieldset className="access-rights">
          <legend>{t('access.rights')}</legend>
          {RIGHTS.map((right) => (
            <label key={right}>
              <input
                type="checkbox"
                data-right={right}
                checked={draft.rights.includes(right)}
                // Watching is what every link is for.
                disabled={right === 'view'}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    rights: e.target.checked ? [...draft.rights, right] : draft.rights.filter((r) => r !== right),
                  })
                }
              />{' '}
              {t(`access.right.${right}`)}
            </label>
          ))}
        </fieldset>
        <GroupPicker
          label={t('access.groups')}
          groups={draft.groups}
          onChange={(groups) => setDraft({ ...draft, groups })}
          control="access-group"
        />
        <CameraPicker
          label={t('access.cameras')}
          cameraIds={draft.cameraIds}
          onChange={(cameraIds) => setDraft({ ...draft, cameraIds })}
          control="access-camera"
          withDemo={false}
        />
        <label>
          {t('access.days')}
          <input
            type="number"
            data-control="access-days"
            min={1}
            max={3650}
            value={draft.days}
            onChange={(e) => setDraft({ ...draft, days: Math.max(1, Math.min(3650, Number(e.target.value) || 1)) })}
          />
        </label>
        {problem ? <p className="field-problem">{problem}</p> : null}
        <div className="editor-controls">
          <button
            type="submit"
            data-action="access-create"
            disabled={!draft.name.trim() || (draft.groups.length === 0 && draft.cameraIds.length === 0)}
          >
            {t('access.create')}
          </button>
          <button type="button" data-action="access-close" onClick={onClose}>
            {t('settings.done')}
          </button>
        </div>
        <table className="access-list" data-control="access-list">
          <tbody>
            {links.map((link) => (
              <tr key={link.id} data-link-id={link.id} data-state={state(link)}>
                <td>{link.name}</td>
                <td>{link.rights.map((r) => t(`access.right.${r}`)).join(', ')}</td>
                <td>{[...link.scope.groups, ...link.scope.cameraIds].join(', ')}</td>
                <td>
                  {t(`access.state.${state(link)}`)}
                  {link.expiresAt && state(link) === 'active'
                    ? ` · ${t('access.until', { date: new Date(link.expiresAt).toLocaleDateString() })}`
                    : ''}
                </td>
                <td>
                  {state(link) === 'active' ? (
                    <button type="button" data-action="access-revoke" onClick={() => void revoke(link.id)}>
                      {t('access.revoke')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </form>
    </Dialog>
  );
}
