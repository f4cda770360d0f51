// api-reference.md §2.8: start or stop the agent's conference recording, or ask whether it records.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';

/**
 * While a recording runs, the agent screen keeps its recording_id in external_recording;
 * otherwise the column holds '' or a pending command (START…, STOP). Only a positive
 * number counts as a recording id (spec: "numerically > 0" / "rid < 1").
 */
function recordingId(rid: string): number {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(rid) ? Number(rid) : 0;
  return n > 0 ? n : 0;
}

export const recording = defineFunction({
  name: 'recording',
  params: [
    ...agentParams,
    { name: 'value', required: true, values: ['START', 'STOP', 'STATUS'] },
    { name: 'stage', format: 'filename suffix for START, cut to 14 characters' },
  ],
  async run(ctx) {
    const { alt_user, stage } = ctx.p;
    let value = ctx.p.value;
    const known = value.includes('START') || value.includes('STOP') || value.includes('STATUS');
    if (!known || (ctx.agentUser.length < 1 && alt_user.length < 2)) {
      return ctx.line('ERROR', 'recording not valid', `${value}|${ctx.agentUser}`);
    }
    if (!(await requirePermission(ctx))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const rid = agent.external_recording;
    const where = `${agent.server_ip}|${agent.conf_exten}|${agent.status}`;

    if (value === 'STATUS') {
      const id = rid === 'START' || rid === 'STOP' ? 0 : recordingId(rid);
      if (id > 0) {
        const rec = await ctx.db.selectFrom('recording_log').select(['filename', 'server_ip', 'start_time'])
          .where('recording_id', '=', id).executeTakeFirst();
        const logFields = rec ? `${rec.filename}|${rec.server_ip}|${rec.start_time ?? ''}` : '||';
        return ctx.line('NOTICE', 'recording active', `${ctx.agentUser}|${rid}|${logFields}|${where}`);
      }
      return ctx.line('NOTICE', 'not recording', `${ctx.agentUser}|||||${where}`);
    }

    if (value.includes('STOP') && (rid === 'STOP' || recordingId(rid) < 1)) {
      return ctx.fail('stop recording error', `${ctx.agentUser}|${rid}||||${where}`);
    }
    if (value.includes('START') && stage.length > 0) {
      // The suffix is appended raw (only quotes, `\` and `;` were removed), cut to 14 characters.
      value += [...stage].slice(0, 14).join('');
      ctx.logValue = value;
    }
    // external_recording is VARCHAR(20): writeAgentCommand cuts it, the reply shows it whole.
    await writeAgentCommand(ctx, ctx.agentUser, { external_recording: value });
    await ctx.line('SUCCESS', 'recording function sent', `${ctx.agentUser}|${value}||||${where}`);
  },
});
