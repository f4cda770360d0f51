// The agent's callbacks: their own and their campaign's, reloaded by callbacksreload.
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { callbacksQueryOptions } from './callbacks-query.js';
import { PanelNote } from './PanelNote.js';

export function CallbacksPanel({ token, campaign, reloads, visible }: { token: string; campaign: string; reloads: number; visible: boolean }) {
  const { t } = useTranslation('effects');
  const query = useQuery({ ...callbacksQueryOptions(token), enabled: visible || reloads > 0 });
  const { refetch } = query;
  useEffect(() => {
    if (reloads > 0) void refetch();
  }, [reloads, refetch]);
  const rows = query.data?.callbacks ?? [];
  return (
    <>
      <PanelNote panel="callbacks">
        <h3 className="panel-title">{t('callbacks.title')}</h3>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => void refetch()} disabled={query.isFetching}>
          {t('callbacks.refresh')}
        </button>
      </PanelNote>
      {query.isPending && query.fetchStatus !== 'idle' ? (
        <p className="placeholder">{t('callbacks.loading')}</p>
      ) : query.isError ? (
        <p className="placeholder" role="alert">{t('callbacks.failed')}</p>
      ) : rows.length === 0 ? (
        <p className="placeholder" data-testid="callbacks-empty">{t('callbacks.empty')}</p>
      ) : (
        <table className="callbacks-table" data-testid="callbacks-list">
          <thead>
            <tr>
              <th scope="col">{t('callbacks.when')}</th>
              <th scope="col">{t('callbacks.customer')}</th>
              <th scope="col">{t('callbacks.phone')}</th>
              <th scope="col">{t('callbacks.forWhom')}</th>
              <th scope="col">{t('callbacks.comments')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.callbackId} data-status={c.status}>
                <td>
                  {c.callbackTime ?? ''}
                  {c.status === 'LIVE' && <span className="chip chip-due">{t('callbacks.due')}</span>}
                </td>
                <td>{c.name || t('callbacks.lead', { id: c.leadId })}</td>
                <td>{c.phoneNumber}</td>
                <td>{c.recipient === 'USERONLY' ? t('callbacks.mine') : t('callbacks.anyone', { campaign: c.campaignId || campaign })}</td>
                <td>{c.comments}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
