// Pure helpers of the console (unit-tested in reply.test.ts): reading reply lines, the
// parameters a call sends, and the equivalent curl command with the password masked.
import type { ConsoleFunction } from '../../contract/supervisor.js';

export type ReplyKind = 'SUCCESS' | 'NOTICE' | 'ERROR' | 'plain';
export type Outcome = ReplyKind | 'empty';

export interface ReplyLine {
  kind: ReplyKind;
  text: string;
}

/** The body's lines, each with its result word; a body without a final newline keeps its last line. */
export function replyLines(body: string): ReplyLine[] {
  const lines = body.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((text) => {
    const m = /^(SUCCESS|NOTICE|ERROR):/.exec(text);
    return { kind: (m?.[1] as ReplyKind | undefined) ?? 'plain', text };
  });
}

/** The worst result word of a reply: an ERROR anywhere wins, then NOTICE, then SUCCESS. */
export function outcome(body: string): Outcome {
  const kinds = replyLines(body).map((l) => l.kind);
  if (kinds.length === 0) return 'empty';
  for (const k of ['ERROR', 'NOTICE', 'SUCCESS'] as const) if (kinds.includes(k)) return k;
  return 'plain';
}

export const MASK = '********';

/** The parameter naming the agent a call is about, when there is one to fill from the selection. */
export function targetParam(fn: ConsoleFunction, values: Record<string, string>): string | null {
  if (fn.params.some((p) => p.name === 'agent_user')) return 'agent_user';
  if (fn.name === 'send_notification' && values.recipient_type === 'USER') return 'recipient';
  return null;
}

export interface CallRequest {
  user: string;
  pass: string;
  source: string;
  fn: ConsoleFunction;
  values: Record<string, string>;
}

/** The form's parameters in the declared order; empty fields are not sent, a checked flag is sent as 1. */
export function callParams({ user, pass, source, fn, values }: CallRequest): URLSearchParams {
  const params = new URLSearchParams({ source, user, pass, function: fn.name });
  for (const p of fn.params) {
    const v = values[p.name] ?? '';
    if (v !== '') params.set(p.name, v);
  }
  return params;
}

/** The same call as a shell command an integrator can paste, with the password masked. */
export function curlCommand(origin: string, path: string, params: URLSearchParams): string {
  const masked = new URLSearchParams(params);
  if (masked.has('pass')) masked.set('pass', MASK);
  // Form encoding leaves no quote in the body ('%27'), so single quotes hold it for a shell.
  const body = masked.toString();
  return `curl -sS -X POST '${origin}${path}' --data '${body}'`;
}
