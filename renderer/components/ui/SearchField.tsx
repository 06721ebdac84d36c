/**
 * A search box whose placeholder is also its accessible name (lists, logs,
 * tables): one shape for every filter in the app. `onKeyDown` for the lists
 * that act on Enter or Esc.
 */
import type { KeyboardEvent } from 'react';

export function SearchField({
  control,
  label,
  value,
  onChange,
  className,
  onKeyDown,
}: {
  control: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}) {
  return (
    <input
      type="search"
      className={className}
      data-control={control}
      placeholder={label}
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
