// The in-group a transfer goes to (transfer_conference §2.24, ra_call_control §2.21):
// `ingroup_choices`, with DEFAULTINGROUP (matched as a substring, as api.php does) resolved
// to the default transfer group of the call's in-group (inbound) or campaign (outbound), and
// it must be an active in-group.
import type { ApiContext } from './context.js';

export interface CallForTransfer {
  call_type: string;
  campaign_id: string;
}

/** The in-group, or undefined after printing `ERROR: ingroup is not valid - <group>`. */
export async function transferGroup(ctx: ApiContext, call: CallForTransfer | undefined): Promise<string | undefined> {
  let group = ctx.p.ingroup_choices;
  if (group.length < 2) {
    await ctx.line('ERROR', 'ingroup is not valid', group);
    return undefined;
  }
  // Any value containing DEFAULTINGROUP is resolved; with no call (or no group or campaign
  // row) there is no default, so the group is empty and refused as `ingroup is not valid - `.
  if (group.includes('DEFAULTINGROUP')) {
    const row = !call ? undefined : call.call_type === 'IN'
      ? await ctx.db.selectFrom('vicidial_inbound_groups').select('default_xfer_group').where('group_id', '=', call.campaign_id).executeTakeFirst()
      : await ctx.db.selectFrom('vicidial_campaigns').select('default_xfer_group').where('campaign_id', '=', call.campaign_id).executeTakeFirst();
    group = row?.default_xfer_group ?? '';
  }
  const active = await ctx.db.selectFrom('vicidial_inbound_groups').select('group_id')
    .where('group_id', '=', group).where('active', '=', 'Y').executeTakeFirst();
  if (!active) {
    await ctx.line('ERROR', 'ingroup is not valid', group);
    return undefined;
  }
  return group;
}
