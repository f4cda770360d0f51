// api-reference.md §2.14: insert a lead into the manual-dial list of the agent's campaign,
// optionally refusing numbers on the system or campaign do-not-call list.
import { defineFunction, agentParams, type ParamDecl } from '../function.js';
import { requireLoggedIn, requirePermission, resolveAltUser } from '../blocks.js';
import type { ParamName } from '../protocol.js';
import { storedLeadValue } from './lead-values.js';

/** The lead columns taken from parameters of the same name, in the order they are written. */
const LEAD_FIELDS = [
  'source_id', 'title', 'first_name', 'middle_initial', 'last_name', 'address1', 'address2', 'address3', 'city',
  'state', 'province', 'postal_code', 'country_code', 'gender', 'date_of_birth', 'alt_phone', 'email',
  'security_phrase', 'comments', 'rank', 'owner',
] as const satisfies readonly ParamName[];

const YES_Y = ['YES', 'Y'];
const checked = (v: string) => v === 'YES' || v === 'Y';

export const externalAddLead = defineFunction({
  name: 'external_add_lead',
  params: [
    ...agentParams,
    { name: 'phone_number', required: true, format: 'digits (value is used instead when sent)' },
    { name: 'value', format: 'the phone number; wins over phone_number' },
    { name: 'phone_code', required: true },
    { name: 'vendor_lead_code' },
    { name: 'vendor_id', format: 'replaces vendor_lead_code when not empty' },
    ...LEAD_FIELDS.map((name): ParamDecl => (name === 'gender' ? { name, values: ['M', 'F', 'U'] }
      : name === 'date_of_birth' ? { name, format: 'YYYY-MM-DD' } : { name })),
    { name: 'gmt_offset_now', format: 'read but not stored' },
    { name: 'dnc_check', values: YES_Y },
    { name: 'campaign_dnc_check', values: YES_Y },
  ],
  async run(ctx) {
    const { alt_user, phone_code: phoneCode } = ctx.p;
    const value = ctx.p.value === '' && ctx.p.phone_number.length >= 2 ? ctx.p.phone_number : ctx.p.value;
    ctx.logValue = value;
    if ((ctx.agentUser.length < 2 && alt_user.length < 2) || phoneCode.length < 1 || value.length < 2) {
      return ctx.fail('external_add_lead not valid', `${value}|${phoneCode}|${ctx.agentUser}|${alt_user}`, { data: `${value}|${phoneCode}` });
    }
    if (!(await requirePermission(ctx, `${value}|`))) return;
    const vendorLeadCode = ctx.p.vendor_id !== '' ? ctx.p.vendor_id : ctx.p.vendor_lead_code;
    await resolveAltUser(ctx);
    if (!(await requireLoggedIn(ctx))) return;
    const agentUser = ctx.agentUser;

    const campaign = await ctx.db.selectFrom('vicidial_live_agents as vla')
      .innerJoin('vicidial_campaigns as c', 'c.campaign_id', 'vla.campaign_id')
      .select(['c.campaign_id', 'c.manual_dial_list_id', 'c.use_other_campaign_dnc'])
      .where('vla.user', '=', agentUser).executeTakeFirst();
    if (!campaign) return ctx.line('ERROR', 'campaign manual dial list undefined', `${value}||${agentUser}`);
    const campaignId = campaign.campaign_id;
    const listId = campaign.manual_dial_list_id;

    let dnc = false;
    if (checked(ctx.p.dnc_check)) {
      const hit = await ctx.db.selectFrom('vicidial_dnc').select('phone_number').where('phone_number', '=', value).executeTakeFirst();
      if (hit) {
        dnc = true;
        await ctx.line('ERROR', 'add_lead PHONE NUMBER IN DNC', `${value}|${agentUser}`, { data: value });
      }
    }
    if (checked(ctx.p.campaign_dnc_check)) {
      const dncCampaign = campaign.use_other_campaign_dnc !== '' ? campaign.use_other_campaign_dnc : campaignId;
      const hit = await ctx.db.selectFrom('vicidial_campaign_dnc').select('phone_number')
        .where('phone_number', '=', value).where('campaign_id', '=', dncCampaign).executeTakeFirst();
      if (hit) {
        dnc = true;
        // The line names the agent's campaign also when another campaign's list was searched (oracle add.09).
        await ctx.line('ERROR', 'add_lead PHONE NUMBER IN CAMPAIGN DNC', `${value}|${campaignId}|${agentUser}`, { data: `${value}|${campaignId}` });
      }
    }
    if (dnc) return;

    const fields: Record<string, string | number> = {
      phone_code: storedLeadValue('phone_code', phoneCode),
      phone_number: storedLeadValue('phone_number', value),
      vendor_lead_code: storedLeadValue('vendor_lead_code', vendorLeadCode),
    };
    for (const name of LEAD_FIELDS) fields[name] = storedLeadValue(name, ctx.p[name]);
    const now = ctx.clock.nowTime;
    const row = {
      ...fields, list_id: listId, status: 'NEW', user: ctx.user, called_since_last_reset: 'N' as const,
      entry_date: now, modify_date: now, last_local_call_time: now,
    };
    let leadId: number | undefined;
    try {
      const res = await ctx.db.insertInto('vicidial_list').values(row as never).executeTakeFirst();
      leadId = res.insertId === undefined ? undefined : Number(res.insertId);
    } catch (err) {
      // The database refused the row. The real server logs its INSERT statement here; ours
      // logs the values it tried to store and the database's reason.
      const tried = Object.entries(row).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',');
      return ctx.line('ERROR', 'lead insertion failed', `${value}|${campaignId}|${listId}|${agentUser}`,
        { data: `${value}|${listId}|${tried}|${(err as Error).message}` });
    }
    if (!leadId) {
      return ctx.line('ERROR', 'lead insertion failed', `${value}|${campaignId}|${listId}|${agentUser}`, { data: `${value}|${listId}|` });
    }
    await ctx.line('SUCCESS', 'lead added', `${value}|${campaignId}|${listId}|${leadId}|${agentUser}`, { data: `${value}|${listId}|${leadId}` });
  },
});
