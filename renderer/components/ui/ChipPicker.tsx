/**
 * A list of chosen things shown as chips (× removes one) and a field that
 * offers the rest by name as the operator types: the watch list's regions and
 * its cameras. What the field cannot turn into a choice stays in it, with the
 * reason below. (Also the access links' groups and cameras.)
 */
import { useId, useState } from 'react';
import { useTranslate } from '../../store';

export interface Choice {
  /** What is stored (a group path, a camera id). */
  key: string;
  /** What the operator reads (the path, the camera's name). */
  label: string;
}

interface ChipPickerProps {
  label: string;
  chosen: readonly Choice[];
  offered: readonly Choice[];
  /** The key for what was typed (a label or a key from `offered`, or anything acceptable), or why not. */
  resolve: (text: string) => { key: string } | { refused: string };
  onChange: (keys: string[]) => void;
  placeholder: string;
  /** data-control of the field, data-action of its button. */
  control: string;
}

export function ChipPicker({ label, chosen, offered, resolve, onChange, placeholder, control }: ChipPickerProps) {
  const t = useTranslate();
  const listId = useId();
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<string>();
  const keys = chosen.map((c) => c.key);
  const add = () => {
    const typed = text.trim();
    if (!typed) return;
    const found = resolve(typed);
    if ('refused' in found) {
      setRefused(found.refused);
      return;
    }
    if (!keys.includes(found.key)) onChange([...keys, found.key]);
    setText('');
    setRefused(undefined);
  };
  return (
    <div className="watch-groups">
      <span>{label}</span>
      {chosen.map((c) => (
        <button
          key={c.key}
          type="button"
          className="watch-chip"
          data-chip={c.key}
          title={t('chips.remove')}
          onClick={() => onChange(keys.filter((k) => k !== c.key))}
        >
          {c.label} ×
        </button>
      ))}
      <input
        data-control={control}
        list={listId}
        value={text}
        placeholder={placeholder}
        aria-label={label}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <datalist id={listId}>
        {offered
          .filter((o) => !keys.includes(o.key))
          .map((o) => (
            <option key={o.key} value={o.label} />
          ))}
      </datalist>
      <button type="button" data-action={`${control}-add`} onClick={add}>
        {t('chips.add')}
      </button>
      {refused ? <p className="field-problem">{refused}</p> : null}
    </div>
  );
}
