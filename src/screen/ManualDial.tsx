// The manual-dial form: opens above the controls bar, so nothing below it moves.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  onDial: (phoneCode: string, phoneNumber: string) => void;
  onClose: () => void;
}

export function ManualDial({ onDial, onClose }: Props) {
  const { t } = useTranslation();
  const [phoneCode, setPhoneCode] = useState('1');
  const [phoneNumber, setPhoneNumber] = useState('');
  const [invalid, setInvalid] = useState(false);
  const numberInput = useRef<HTMLInputElement>(null);
  useEffect(() => numberInput.current?.focus(), []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = phoneNumber.replace(/[\s().-]/g, '');
    if (!/^\d{3,18}$/.test(digits) || !/^\d{0,4}$/.test(phoneCode)) {
      setInvalid(true);
      return;
    }
    onDial(phoneCode, digits);
  };
  return (
    <form className="popover manual-dial" data-testid="manual-dial" aria-labelledby="manual-dial-title" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <h2 id="manual-dial-title" className="popover-title">
        {t('dial.title')}
      </h2>
      <div className="dial-fields">
        <label className="field field-code">
          <span>{t('dial.phoneCode')}</span>
          <input inputMode="numeric" value={phoneCode} onChange={(e) => setPhoneCode(e.target.value)} maxLength={4} />
        </label>
        <label className="field field-number">
          <span>{t('dial.phoneNumber')}</span>
          <input
            ref={numberInput}
            inputMode="tel"
            autoComplete="off"
            value={phoneNumber}
            aria-invalid={invalid}
            aria-describedby={invalid ? 'dial-invalid' : undefined}
            onChange={(e) => {
              setPhoneNumber(e.target.value);
              setInvalid(false);
            }}
          />
        </label>
      </div>
      <p id="dial-invalid" className="field-error" role="alert">
        {invalid ? t('dial.invalid') : ''}
      </p>
      <div className="popover-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('dial.cancel')}
        </button>
        <button type="submit" className="btn btn-primary">
          {t('dial.submit')}
        </button>
      </div>
    </form>
  );
}
