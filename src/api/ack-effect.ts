// POST /agent/effects/:id/ack: the screen has shown this effect.
import { bearer, requestJson } from './http.js';

export function postEffectAck(token: string, effectId: string): Promise<unknown> {
  return requestJson<unknown>(`/agent/effects/${encodeURIComponent(effectId)}/ack`, {
    method: 'POST',
    headers: bearer(token),
  });
}
