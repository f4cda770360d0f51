// Recording, parking, 3-way legs and playback as chips in the status bar (SCREEN.md).
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../server/agents/types.js';
import { Elapsed } from './Elapsed.js';
import { Icon } from './Icon.js';

export function StatusChips({ snapshot, clockOffset }: { snapshot: AgentSnapshot; clockOffset: number }) {
  const { t } = useTranslation();
  const { recording, park, threeWay, playback } = snapshot;
  const parkLabel = park?.kind === 'ivr' ? t('chips.parkedIvr') : park?.kind === 'xfer' ? t('chips.parkedXfer') : t('chips.parked');
  return (
    <ul className="chips" aria-live="polite">
      {recording && (
        <li className="chip chip-recording" data-testid="chip-recording" title={recording.filename}>
          <Icon name="record" filled /> {t('chips.recording')}{' '}
          <Elapsed since={recording.startedAt} clockOffset={clockOffset} />
        </li>
      )}
      {park && (
        <li className="chip chip-park" data-testid="chip-park">
          <Icon name="hold" /> {parkLabel} <Elapsed since={park.parkedAt} clockOffset={clockOffset} />
        </li>
      )}
      {threeWay && (
        <li className="chip chip-threeway" data-testid="chip-threeway" data-leg={threeWay.state}>
          {t('chips.threeWay', { number: threeWay.number, state: t(`chips.leg.${threeWay.state}`) })}
        </li>
      )}
      {playback && (
        <li className="chip chip-playback" data-testid="chip-playback" data-playback={playback.state}>
          <Icon name="audio" />
          {playback.state === 'playing' ? t('chips.playback', { file: playback.file }) : t('chips.playbackPaused', { file: playback.file })}
        </li>
      )}
    </ul>
  );
}
