// Recording, parking, 3-way legs and playback as chips in the status bar (SCREEN.md): each
// in words and with its own colour, the recording with its file name (cut, agent-screen.md
// §3.14) and id, the hold with its time on park, the 3-way leg with its state.
import { useTranslation } from 'react-i18next';
import type { AgentSnapshot } from '../../contract/agent.js';
import { shortFilename } from '../calls/transfer.js';
import { Elapsed } from './Elapsed.js';
import { Icon } from './Icon.js';
import '../calls/calls.css';

export function StatusChips({ snapshot, clockOffset }: { snapshot: AgentSnapshot; clockOffset: number }) {
  const { t } = useTranslation('calls');
  const { recording, park, threeWay, playback } = snapshot;
  const parkLabel = park?.kind === 'ivr' ? t('chips.parkedIvr') : park?.kind === 'xfer' ? t('chips.parkedXfer') : t('chips.parked');
  return (
    <ul className="chips" aria-live="polite">
      {recording && (
        <li
          className="chip chip-recording"
          data-testid="chip-recording"
          data-recording-id={recording.id}
          title={t('chips.recordingTitle', { id: recording.id, filename: recording.filename })}
        >
          <Icon name="record" filled /> <span className="chip-word">{t('chips.recording')}</span> <Elapsed since={recording.startedAt} clockOffset={clockOffset} />
          <span className="chip-detail mono" data-testid="chip-recording-file">{shortFilename(recording.filename)}</span>
          <span className="chip-detail" data-testid="chip-recording-id">{t('chips.recordingId', { id: recording.id })}</span>
        </li>
      )}
      {park && (
        <li className="chip chip-park" data-testid="chip-park" data-park={park.kind}>
          <Icon name="hold" /> {parkLabel}
          <span className="chip-sep" aria-hidden="true">·</span>
          <span className="chip-detail">
            <span className="chip-word">{t('chips.onPark')}</span> <Elapsed since={park.parkedAt} clockOffset={clockOffset} testId="chip-park-time" />
          </span>
        </li>
      )}
      {threeWay && (
        <li className="chip chip-threeway" data-testid="chip-threeway" data-leg={threeWay.state}>
          <span className="leg-dot" aria-hidden="true" />
          {t('chips.threeWay', { number: threeWay.number })}
          <span className="chip-sep" aria-hidden="true">·</span>
          <span className="chip-detail">{t(`chips.leg.${threeWay.state}`)}</span>
        </li>
      )}
      {playback && (
        <li className="chip chip-playback" data-testid="chip-playback" data-playback={playback.state} title={playback.file}>
          <Icon name={playback.state === 'playing' ? 'audio' : 'hold'} />
          {playback.state === 'playing' ? t('chips.playing') : t('chips.paused')}
          <span className="chip-detail mono">{playback.file}</span>
        </li>
      )}
    </ul>
  );
}
