// api-reference.md §2.12: place a manual-dial call from the agent screen (a number, the
// next lead, or a given lead), directly or through the agent's manual-dial queue.
import { defineFunction, agentParams } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser, writeAgentCommand } from '../blocks.js';
import { fit } from '../../db/fit.js';

const YES_NO = ['YES', 'NO'];

/** groups_alias.caller_id_number must be a usable number: not empty, not numerically below 4. */
function usableCid(cid: string): boolean {
  const t = cid.trim();
  if (t === '') return false;
  const n = Number(t);
  return Number.isNaN(n) || n >= 4;
}

export const externalDial = defineFunction({
  name: 'external_dial',
  params: [
    ...agentParams,
    { name: 'value', format: 'phone number (digits are kept) or MANUALNEXT' },
    { name: 'lead_id', format: 'digits; dials this lead instead of value' },
    { name: 'phone_code' },
    { name: 'search', required: true, values: YES_NO },
    { name: 'preview', required: true, values: YES_NO },
    { name: 'focus', required: true, values: YES_NO },
    { name: 'alt_dial', values: ['MAIN', 'ALT', 'ADDR3', 'SEARCH'] },
    { name: 'vendor_id' },
    { name: 'dial_prefix' },
    { name: 'group_alias' },
    { name: 'outbound_cid' },
    { name: 'dial_ingroup' },
    { name: 'vtiger_callback', values: ['YES', 'NO'] },
  ],
  async run(ctx) {
    const { search, preview, focus, lead_id: leadId, alt_user, vendor_id, dial_prefix } = ctx.p;
    // external_dial keeps digits only, or exactly MANUALNEXT (§2.12).
    let value = ctx.p.value === 'MANUALNEXT' ? 'MANUALNEXT' : ctx.p.value.replace(/[^0-9]/g, '');
    let phoneCode = ctx.p.phone_code;
    let altDial = ctx.p.alt_dial;
    let groupAlias = ctx.p.group_alias;
    let dialIngroup = ctx.p.dial_ingroup;
    const setValue = (v: string) => { value = v; ctx.logValue = v; };
    setValue(value);

    if ((value.length < 2 && leadId.length < 1) || (ctx.agentUser.length < 2 && alt_user.length < 2)
      || search.length < 2 || preview.length < 2 || focus.length < 2) {
      return ctx.line('ERROR', 'external_dial not valid',
        `${value}|${phoneCode}|${search}|${preview}|${focus}|${leadId}|${ctx.agentUser}|${alt_user}`,
        { data: `${phoneCode}|${search}|${preview}|${focus}|${leadId}` });
    }
    if (!(await requirePermission(ctx, `${value}|`))) return;
    await resolveAltUser(ctx);
    const agent = await requireLoggedIn(ctx);
    if (!agent) return;
    const agentUser = ctx.agentUser;

    const campaign = await ctx.db.selectFrom('vicidial_campaigns').select('api_manual_dial')
      .where('campaign_id', '=', agent.campaign_id).executeTakeFirst();
    const queueMode = campaign?.api_manual_dial === 'QUEUE' || campaign?.api_manual_dial === 'QUEUE_AND_AUTOCALL';
    const ready = queueMode || (agent.status === 'PAUSED' && agent.lead_id < 1);

    if (dialIngroup.length > 0) {
      const group = await ctx.db.selectFrom('vicidial_inbound_groups').select('group_id')
        .where('group_id', '=', dialIngroup).executeTakeFirst();
      if (!group) {
        await ctx.line('NOTICE', 'defined dial_ingroup not found', dialIngroup);
        dialIngroup = '';
      }
    }
    // A valid dial_ingroup bypasses the readiness check (oracle dial.31).
    if (!ready && dialIngroup === '') return ctx.line('ERROR', 'agent_user is not paused', agentUser);

    const user = await ctx.db.selectFrom('vicidial_users').select('agentcall_manual')
      .where('user', '=', agentUser).executeTakeFirst();
    if (user?.agentcall_manual !== '1') {
      return ctx.line('ERROR', 'agent_user is not allowed to place manual dial calls', agentUser);
    }

    let cid = '';
    if (groupAlias.length >= 2) {
      const alias = await ctx.db.selectFrom('groups_alias').select('caller_id_number')
        .where('group_alias_id', '=', groupAlias).executeTakeFirst();
      if (!alias) return ctx.fail('group_alias is not valid', `${agentUser}|${groupAlias}`, { data: groupAlias });
      if (!usableCid(alias.caller_id_number)) {
        return ctx.fail('caller_id_number from group_alias is not valid', `${agentUser}|${groupAlias}|${alias.caller_id_number}`,
          { data: `${groupAlias}|${alias.caller_id_number}` });
      }
      cid = alias.caller_id_number;
    }
    const outboundCid = ctx.p.outbound_cid;
    if (outboundCid.length >= 2) {
      const any = ctx.settings.outbound_cid_any;
      if (any !== 'API_ONLY') {
        return ctx.fail('outbound_cid is not allowed on this system', `${agentUser}|${outboundCid}|${any}`, { data: `${outboundCid}|${any}` });
      }
      cid = outboundCid;
      groupAlias = '-FORCE-';
    }

    // Vtiger callbacks (legacy): a leading 99 marks a Vtiger activity id. With the
    // integration on, the activity would be looked up in the external Vtiger database,
    // which this product has no connection to, so no activity can be found there.
    const vtigerId = '';
    if (ctx.p.vtiger_callback.includes('YES') && value.startsWith('99')) {
      setValue(value.slice(2));
      if (ctx.settings.enable_vtiger_integration === '1') {
        return ctx.fail('vtiger callback activity does not exist in vtiger system', value);
      }
    }

    if (leadId.length > 0) {
      const searchPhone = value;
      setValue('');
      phoneCode = '';
      if (altDial === 'SEARCH') {
        const lead = await ctx.db.selectFrom('vicidial_list').select(['phone_number', 'alt_phone', 'address3'])
          .where('lead_id', '=', Number(leadId)).executeTakeFirst();
        const hit = !lead || searchPhone === '' ? ''
          : lead.phone_number === searchPhone ? 'MAIN'
            : lead.alt_phone === searchPhone ? 'ALT'
              : lead.address3 === searchPhone ? 'ADDR3' : '';
        if (!hit) return ctx.fail('phone number lead_id search not found', `${agentUser}|${value}|${leadId}|`, { data: `${value}|${leadId}|` });
        altDial = hit;
      }
      const lead = await ctx.db.selectFrom('vicidial_list').select(['phone_number', 'alt_phone', 'address3', 'phone_code'])
        .where('lead_id', '=', Number(leadId)).executeTakeFirst();
      if (!lead) return ctx.fail('lead_id is not valid', `${agentUser}|${leadId}`, { data: leadId });
      const phone = altDial === 'ALT' ? lead.alt_phone : altDial === 'ADDR3' ? lead.address3 : lead.phone_number;
      setValue(phone.replace(/[^0-9]/g, ''));
      if (value.length < 2) {
        return ctx.fail('phone number is not valid', `${agentUser}|${value}|${leadId}|${altDial}`, { data: `${value}|${leadId}|${altDial}` });
      }
      phoneCode = lead.phone_code;
    }

    const epoch = ctx.clock.epoch;
    const dialString = [value, phoneCode, search, preview, focus, vendor_id, epoch, dial_prefix, groupAlias, cid,
      vtigerId, leadId, altDial, dialIngroup].join('!');
    if (queueMode) {
      const queued = await ctx.db.selectFrom('vicidial_manual_dial_queue').select('mdq_id')
        .where('user', '=', agentUser).where('phone_number', '=', fit('vicidial_manual_dial_queue', { phone_number: value }).phone_number)
        .executeTakeFirst();
      if (queued) return ctx.line('ERROR', 'phone_number is already in this agents manual dial queue', `${agentUser}|${value}`);
      await ctx.db.insertInto('vicidial_manual_dial_queue').values(fit('vicidial_manual_dial_queue', {
        user: agentUser, phone_number: value, entry_time: ctx.clock.nowTime, status: 'READY' as const, external_dial: dialString,
      })).execute();
    } else {
      await writeAgentCommand(ctx, agentUser, { external_dial: dialString });
    }
    const data = `${phoneCode}|${search}|${preview}|${focus}|${vendor_id}|${epoch}|${dial_prefix}|${groupAlias}|${cid}|${altDial}`;
    await ctx.line('SUCCESS', 'external_dial function set', `${value}|${agentUser}|${data}`, { data });
  },
});
