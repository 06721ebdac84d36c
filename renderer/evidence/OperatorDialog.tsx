/**
 * Asked once, the first time an operator saves a clip: the name every
 * manifest then carries (the core remembers it; the evidence drawer changes it).
 */
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { useStore, useTranslate } from '../store';

export function OperatorDialog() {
  const t = useTranslate();
  const asking = useStore((s) => s.operatorAsk !== undefined);
  const { setOperator, cancelOperator } = useStore.getState();
  const [name, setName] = useState('');
  if (!asking) return null;
  return (
    <Dialog label={t('clip.operatorTitle')} onClose={cancelOperator} control="operator-dialog">
      <form
        noValidate
        className="editor nvr-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void setOperator(name.trim());
        }}
      >
        <h2>{t('clip.operatorTitle')}</h2>
        <p className="muted">{t('clip.operatorWhy')}</p>
        <label>
          {t('clip.operatorName')}
          <input
            data-control="operator-name"
            autoFocus
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <div className="editor-controls">
          <button type="submit" disabled={!name.trim()}>
            {t('clip.operatorSave')}
          </button>
          <button type="button" onClick={cancelOperator}>
            {t('layout.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
