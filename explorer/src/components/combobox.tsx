import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';

export interface ComboOption {
  id: string;
  label: string;
  hint?: string;
}

interface ComboboxProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ComboOption[];
  onPick: (option: ComboOption) => void;
  /** Enter with no suggestion highlighted: the typed text as is. */
  onSubmit: (text: string) => void;
  placeholder?: string;
  testId?: string;
  button?: string;
}

/** An input with suggestions (WAI-ARIA combobox with a listbox): arrows move, Enter picks, Escape closes. */
export function Combobox({ label, value, onChange, options, onPick, onSubmit, placeholder, testId, button = 'Chercher' }: ComboboxProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = open && options.length > 0;
  // The list closes a moment after a blur (a click on an option lands first); typing again before then keeps it open.
  const closing = useRef<ReturnType<typeof setTimeout>>();
  const closeSoon = () => {
    closing.current = setTimeout(() => setOpen(false), 150);
  };
  const reopen = () => {
    clearTimeout(closing.current);
    setOpen(true);
  };
  const pick = (option: ComboOption) => {
    setOpen(false);
    setActive(-1);
    onPick(option);
  };
  const keyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => (options.length ? (a + step + options.length) % options.length : -1));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter' && shown && active >= 0) {
      event.preventDefault();
      pick(options[active]);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    onSubmit(value);
  };
  return (
    <form className="combobox toolbar" onSubmit={submit} role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {label}
      </label>
      <div className="combobox-field">
        <input
          id={`${id}-input`}
          value={value}
          placeholder={placeholder}
          autoComplete="off"
          data-testid={testId}
          role="combobox"
          aria-expanded={shown}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={shown && active >= 0 ? `${id}-${active}` : undefined}
          onChange={(e) => {
            onChange(e.target.value);
            reopen();
            setActive(-1);
          }}
          onKeyDown={keyDown}
          onBlur={closeSoon}
          onFocus={reopen}
        />
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={`Suggestions : ${label}`}
          className="combobox-list"
          hidden={!shown}
          data-testid={testId && `${testId}-suggestions`}
        >
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(o)}
            >
              {o.label}
              {o.hint && <span className="muted small"> {o.hint}</span>}
            </li>
          ))}
        </ul>
      </div>
      <button type="submit" className="button">
        {button}
      </button>
    </form>
  );
}
