// Who, which number, which direction and how long: together in one place (SCREEN.md).
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../contract/agent.js';
import { Elapsed } from './Elapsed.js';
import { Icon } from './Icon.js';
import { customerName, formatPhone } from '../shared/format.js';

export function CallBanner({ snapshot, clockOffset }: { snapshot: AgentSnapshot; clockOffset: number }) {
  const { t } = useTranslation();
  const { call, lead } = snapshot;
  if (!call && lead) {
    // Wrap-up: the call is over but the customer is still the subject.
    return (
      <div className="call-banner" data-testid="call-banner" data-call="over">
        <span className="call-name" data-testid="call-name">{customerName(lead) || t('call.unknownCustomer')}</span>
        <span className="call-number" data-testid="call-number">{formatPhone(lead.phone_number, lead.phone_code)}</span>
        <span className="call-direction">{snapshot.agent.state === 'preview' ? t('state.preview') : t('call.over')}</span>
      </div>
    );
  }
  if (!call) {
    return (
      <div className="call-banner" data-testid="call-banner" data-call="none">
        <span className="call-none">{t('call.noCall')}</span>
      </div>
    );
  }
  const number = formatPhone(call.phoneNumber || lead?.phone_number || '', lead?.phone_code);
  const name = lead ? customerName(lead) : '';
  const direction = call.direction === 'inbound' ? t('call.inbound') : t('call.outbound');
  if (call.state === 'ringing') {
    return (
      <div className="call-banner" data-testid="call-banner" data-call="ringing">
        <span className="call-placing">{t('call.placing', { number })}</span>
        <Elapsed since={call.startedAt} clockOffset={clockOffset} testId="call-timer" />
      </div>
    );
  }
  return (
    <div className="call-banner" data-testid="call-banner" data-call={call.state}>
      <span className="call-name" data-testid="call-name">{name || t('call.unknownCustomer')}</span>
      <span className="call-number" data-testid="call-number">{number}</span>
      <span className="call-direction" data-direction={call.direction}>
        {direction}
        {call.ingroup ? ` · ${t('call.via', { ingroup: call.ingroup })}` : ''}
      </span>
      <span className="call-timer" title={t('call.timer')}>
        <Icon name="clock" />
        <Elapsed since={call.startedAt} clockOffset={clockOffset} testId="call-timer" />
      </span>
    </div>
  );
}
