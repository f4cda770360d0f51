// The customer: always the same rows in the same place, so nothing jumps when a call
// arrives; a field changed in place (update_fields) is briefly highlighted.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeadFields } from '../../contract/agent.js';
import { customerName, formatPhone } from '../shared/format.js';
import type { Messages } from '../i18n/en.js';

type FieldLabel = keyof Messages['lead']['fields'];

const ROWS: { label: FieldLabel; value: (lead: LeadFields) => string; wide?: boolean; testId: string }[] = [
  { label: 'name', value: customerName, testId: 'lead-name' },
  { label: 'phone', value: (l) => formatPhone(l.phone_number, l.phone_code), testId: 'lead-phone' },
  { label: 'altPhone', value: (l) => formatPhone(l.alt_phone, l.phone_code), testId: 'lead-alt-phone' },
  { label: 'email', value: (l) => l.email, testId: 'lead-email' },
  { label: 'address', value: (l) => [l.address1, l.address2, l.address3].filter((p) => p.trim()).join(', '), wide: true, testId: 'lead-address' },
  { label: 'city', value: (l) => l.city, testId: 'lead-city' },
  { label: 'state', value: (l) => l.state || l.province, testId: 'lead-state' },
  { label: 'postalCode', value: (l) => l.postal_code, testId: 'lead-postal-code' },
  { label: 'country', value: (l) => l.country_code, testId: 'lead-country' },
  { label: 'dateOfBirth', value: (l) => l.date_of_birth ?? '', testId: 'lead-dob' },
  { label: 'securityPhrase', value: (l) => l.security_phrase, testId: 'lead-security-phrase' },
  { label: 'reference', value: (l) => l.vendor_lead_code, testId: 'lead-reference' },
  { label: 'comments', value: (l) => l.comments, wide: true, testId: 'lead-comments' },
];

export function LeadPanel({ lead }: { lead: LeadFields | null }) {
  const { t } = useTranslation();
  return (
    <section className="lead-panel panel" data-testid="lead-panel" data-lead-id={lead?.lead_id ?? ''} aria-labelledby="lead-title">
      <h2 id="lead-title" className="panel-title">
        {t('lead.title')}
        {lead && <span className="panel-title-note">{t('lead.leadId', { id: lead.lead_id })}</span>}
      </h2>
      {!lead && (
        <p className="lead-empty" data-testid="lead-empty">
          <strong>{t('lead.none')}</strong> {t('lead.noneHint')}
        </p>
      )}
      <dl className="lead-fields" data-empty={lead ? 'false' : 'true'}>
        {ROWS.map((row) => (
          <LeadField key={row.label} label={t(`lead.fields.${row.label}`)} value={lead ? row.value(lead) : ''} leadId={lead?.lead_id ?? 0} wide={row.wide} testId={row.testId} />
        ))}
      </dl>
    </section>
  );
}

function LeadField({ label, value, leadId, wide, testId }: { label: string; value: string; leadId: number; wide?: boolean; testId: string }) {
  const { t } = useTranslation();
  const previous = useRef({ leadId, value });
  const [flash, setFlash] = useState(0);
  useEffect(() => {
    // Highlight a change on the same customer, not the arrival of a new one.
    if (previous.current.leadId === leadId && previous.current.value !== value && leadId !== 0) setFlash((n) => n + 1);
    previous.current = { leadId, value };
  }, [leadId, value]);
  return (
    <div className={`lead-field${wide ? ' lead-field-wide' : ''}`}>
      <dt>{label}</dt>
      <dd key={flash} data-testid={testId} className={flash ? 'lead-value flash' : 'lead-value'}>
        {leadId === 0 ? <span className="skeleton" aria-hidden="true" /> : value || <span className="lead-value-empty">{t('lead.empty')}</span>}
      </dd>
    </div>
  );
}
