// The replies of one call, per agent, colour-coded by result word and written exactly as
// the API sent them, with the equivalent curl command; and the history of this console.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outcome, replyLines } from './reply.js';

export interface SentReply {
  /** The agent the call was about ('' when none). */
  agent: string;
  /** The body as received; null when the server could not be reached. */
  body: string | null;
  curl: string;
}

export interface SentCall {
  id: number;
  at: number;
  fn: string;
  replies: SentReply[];
}

export function Replies({ call }: { call: SentCall | null }) {
  const { t } = useTranslation('supervisor');
  if (!call) return <p className="sv-muted" data-testid="sv-no-reply">{t('result.none')}</p>;
  return (
    <ul className="sv-replies" data-testid="sv-replies" data-function={call.fn}>
      {call.replies.map((r, i) => <ReplyItem key={`${call.id}-${i}`} reply={r} />)}
    </ul>
  );
}

function ReplyItem({ reply }: { reply: SentReply }) {
  const { t } = useTranslation('supervisor');
  const [copied, setCopied] = useState(false);
  const kind = reply.body === null ? 'ERROR' : outcome(reply.body);
  const copy = () => {
    void navigator.clipboard?.writeText(reply.curl).then(() => setCopied(true), () => undefined);
  };
  return (
    <li className="sv-reply" data-testid="sv-reply" data-agent={reply.agent} data-outcome={kind}>
      <div className="sv-reply-head">
        <span className="sv-badge" data-kind={kind}>{t(`outcome.${kind}`)}</span>
        <span>{reply.agent ? t('result.agent', { user: reply.agent }) : t('result.noAgent')}</span>
      </div>
      {reply.body === null ? (
        <p className="field-error">{t('result.network')}</p>
      ) : reply.body === '' ? (
        <pre className="sv-line" data-kind="plain">{t('result.empty')}</pre>
      ) : (
        <pre className="sv-body" data-testid="sv-reply-body">
          {replyLines(reply.body).map((line, i) => (
            <span key={i} className="sv-line" data-kind={line.kind}>{line.text}{'\n'}</span>
          ))}
        </pre>
      )}
      <div className="sv-curl">
        <span className="sv-curl-label">{t('result.curl')}</span>
        <button type="button" className="btn btn-quiet btn-small" onClick={copy}>{copied ? t('result.copied') : t('result.copy')}</button>
        <code data-testid="sv-curl">{reply.curl}</code>
      </div>
    </li>
  );
}

export function History({ calls, shown, onShow }: { calls: SentCall[]; shown: number | null; onShow: (id: number) => void }) {
  const { t, i18n } = useTranslation('supervisor');
  const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return (
    <div className="sv-history">
      <h3>{t('history.title')}</h3>
      {calls.length === 0 ? <p className="sv-muted">{t('history.none')}</p> : (
        <ol data-testid="sv-history">
          {calls.map((c) => (
            <li key={c.id}>
              <button type="button" className="sv-history-item" aria-current={c.id === shown} title={t('history.show')} onClick={() => onShow(c.id)}>
                <span className="sv-time">{time.format(c.at)}</span>
                <span className="mono">{c.fn}</span>
                <span className="sv-history-agents">{c.replies.map((r) => r.agent).filter(Boolean).join(', ')}</span>
                <span className="sv-dots">
                  {c.replies.map((r, i) => {
                    const kind = r.body === null ? 'ERROR' : outcome(r.body);
                    return <span key={i} className="sv-badge sv-badge-small" data-kind={kind}>{t(`outcome.${kind}`)}</span>;
                  })}
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
