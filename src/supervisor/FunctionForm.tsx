// The form of any Agent API function, generated from the parameters its module declares
// (required, allowed values, format) with the seed document's description of each.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsoleFunction, ConsoleLang, ConsoleParam, ConsoleText } from '../../contract/supervisor.js';
import { useConsoleFunctions } from './api.js';
import { targetParam } from './reply.js';

interface Props {
  selected: string[];
  onSend: (fn: ConsoleFunction, values: Record<string, string>) => Promise<void>;
}

const DEFAULT_FUNCTION = 'external_pause';

export function FunctionForm({ selected, onSend }: Props) {
  const { t, i18n } = useTranslation('supervisor');
  const functions = useConsoleFunctions();
  const [name, setName] = useState(DEFAULT_FUNCTION);
  const [values, setValues] = useState<Record<string, string>>({});
  const [sending, setSending] = useState(false);
  const lang = (['en', 'pt-BR', 'es'].includes(i18n.language) ? i18n.language : 'en') as ConsoleLang;
  const say = (text: ConsoleText | undefined) => text?.[lang] ?? '';
  const fn = functions.data?.find((f) => f.name === name);

  const choose = (next: string) => {
    if (next === name) return;
    setName(next);
    setValues({});
  };
  const target = fn ? targetParam(fn, values) : null;
  const fromSelection = target !== null && selected.length > 0;
  const missing = fn?.params.filter((p) => p.required && !(values[p.name] ?? '') && !(fromSelection && p.name === target)).map((p) => p.name) ?? [];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fn) return;
    setSending(true);
    try {
      await onSend(fn, values);
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="sv-panel sv-form" aria-labelledby="sv-form-title">
      <h2 id="sv-form-title">{t('form.title')}</h2>
      <form onSubmit={submit} data-testid="sv-form" data-function={name}>
        <label className="field">
          <span>{t('form.function')}</span>
          <select data-testid="sv-function" value={name} onChange={(e) => choose(e.target.value)}>
            {(functions.data ?? []).map((f) => <option key={f.name} value={f.name}>{f.name}</option>)}
          </select>
        </label>
        {fn && <p className="sv-summary" data-testid="sv-summary">{say(fn.summary)}</p>}
        <div className="sv-fields">
          {fn?.params.map((p) => (
            <ParamField
              key={`${fn.name}.${p.name}`} param={p} description={say(p.description)}
              value={values[p.name] ?? ''} onChange={(v) => setValues((now) => ({ ...now, [p.name]: v }))}
              lockedTo={fromSelection && p.name === target ? selected : null}
            />
          ))}
        </div>
        <p className="sv-muted sv-missing" aria-live="polite">{missing.length > 0 ? t('form.missingRequired', { names: missing.join(', ') }) : ''}</p>
        <button type="submit" className="btn btn-primary" data-testid="sv-send" disabled={!fn || sending}>
          {sending ? t('form.sending') : fromSelection ? t('form.sendTo', { count: selected.length }) : t('form.send')}
        </button>
      </form>
    </section>
  );
}

interface FieldProps {
  param: ConsoleParam;
  description: string;
  value: string;
  onChange: (value: string) => void;
  /** The agents the selection fills this parameter with, one call each. */
  lockedTo: string[] | null;
}

function ParamField({ param: p, description, value, onChange, lockedTo }: FieldProps) {
  const { t } = useTranslation('supervisor');
  const id = `sv-param-${p.name}`;
  const help = `${id}-help`;
  const label = (
    <span className="sv-param-name">
      <span className="mono">{p.name}</span>
      <span className={p.required ? 'sv-req' : 'sv-opt'}>{p.required ? t('form.required') : t('form.optional')}</span>
    </span>
  );
  let control;
  if (lockedTo) {
    control = <input id={id} data-testid={id} readOnly value={t('form.fromSelection', { users: lockedTo.join(', ') })} aria-describedby={help} />;
  } else if (p.flag) {
    control = <input id={id} data-testid={id} type="checkbox" checked={value === '1'} onChange={(e) => onChange(e.target.checked ? '1' : '')} aria-describedby={help} />;
  } else if (p.values) {
    control = (
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={help} aria-required={p.required}>
        <option value="">{t('form.notSent')}</option>
        {p.values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    );
  } else {
    control = <input id={id} data-testid={id} value={value} placeholder={p.format ?? ''} onChange={(e) => onChange(e.target.value)} aria-describedby={help} aria-required={p.required} />;
  }
  return (
    <div className={`sv-field${p.flag ? ' sv-field-flag' : ''}`} data-required={p.required}>
      <label htmlFor={id}>{label}</label>
      {control}
      <p id={help} className="sv-help">
        {description}
        {p.format && !p.flag && <span className="sv-format"> {t('form.format', { format: p.format })}</span>}
      </p>
    </div>
  );
}
