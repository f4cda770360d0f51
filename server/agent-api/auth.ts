// Source check and authentication (api-reference.md §1.5), with decisions.md's change:
// the failure line keeps its field layout but carries no password and no SQL.
import { sql } from 'kysely';
import type { ApiContext } from './context.js';
import { vicidialPassHash } from './password.js';
import { parseDateTime } from '../clock.js';

type AuthMessage = 'GOOD' | 'BAD' | 'LOCK' | 'ERRSERVERS' | 'IPBLOCK';

const LOCK_COUNT = 10;
const LOCK_SECONDS = 900;

const toEpoch = (datetime: string | null | undefined) => Math.floor(parseDateTime(datetime) / 1000);

function ipMatches(entries: string[], ip: string): boolean {
  const classC = ip.replace(/\.\d+$/, '.x');
  return entries.some((e) => e === ip || e === classC);
}

async function ipListHas(ctx: ApiContext, listId: string, ip: string): Promise<boolean> {
  const rows = await ctx.db.selectFrom('vicidial_ip_list_entries').select('ip_address').where('ip_list_id', '=', listId).execute();
  return ipMatches(rows.map((r) => r.ip_address), ip);
}

/** user_authorization(user, pass, '', 0, 0, 0, 1, 'api'). */
type UserRow = Awaited<ReturnType<typeof readUser>>;

function readUser(ctx: ApiContext) {
  return ctx.db.selectFrom('vicidial_users')
    .select(['user', 'pass', 'pass_hash', 'user_level', 'active', 'failed_login_count', 'last_login_date', 'ignore_ip_list', 'user_group', 'vdc_agent_api_access'])
    .where('user', '=', ctx.p.user).executeTakeFirst();
}

async function checkCredentials(ctx: ApiContext, row: UserRow): Promise<AuthMessage> {
  const { pass } = ctx.p;
  const { db, settings, clock } = ctx;
  if (!row) return 'BAD';

  const lockWindowOver = toEpoch(row.last_login_date) < clock.epoch - LOCK_SECONDS;
  const passwordOk = settings.pass_hash_enabled === '1'
    ? row.pass_hash !== '' && row.pass_hash === vicidialPassHash(pass, settings.pass_key, settings.pass_cost)
    : row.pass === pass;
  const good = passwordOk && Number(row.user_level) > 0 && row.active === 'Y'
    && (Number(row.failed_login_count) < LOCK_COUNT || lockWindowOver);

  if (!good) {
    const ip = ctx.request.remoteIp;
    if (Number(row.failed_login_count) < LOCK_COUNT) {
      await db.updateTable('vicidial_users').set({
        failed_login_count: sql`failed_login_count + 1`,
        failed_login_attempts_today: sql`failed_login_attempts_today + 1`,
        failed_login_count_today: sql`failed_login_count_today + 1`,
        failed_last_ip_today: ip,
        failed_last_type_today: '01cBAD',
      }).where('user', '=', row.user).execute();
      return 'BAD';
    }
    if (lockWindowOver) {
      await db.updateTable('vicidial_users').set({
        last_login_date: clock.nowTime,
        failed_login_count: 1,
        failed_login_attempts_today: sql`failed_login_attempts_today + 1`,
        failed_login_count_today: sql`failed_login_count_today + 1`,
        failed_last_ip_today: ip,
        failed_last_type_today: '02cBAD',
      }).where('user', '=', row.user).execute();
      return 'BAD';
    }
    await db.updateTable('vicidial_users').set({
      failed_login_attempts_today: sql`failed_login_attempts_today + 1`,
      failed_last_type_today: '03cLOCK',
    }).where('user', '=', row.user).execute();
    return 'LOCK';
  }

  let problem: AuthMessage | undefined;
  const servers = await db.selectFrom('servers').select(sql<number>`count(*)`.as('n'))
    .where('active', '=', 'Y').where('active_asterisk_server', '=', 'Y').executeTakeFirst();
  if (!servers || Number(servers.n) < 1) problem = 'ERRSERVERS';

  if (!problem && Number(settings.allow_ip_lists) > 0 && row.ignore_ip_list !== '1') {
    const ip = ctx.request.remoteIp;
    if (settings.system_ip_blacklist && (await ipListHas(ctx, settings.system_ip_blacklist, ip))) problem = 'IPBLOCK';
    if (!problem) {
      const group = await db.selectFrom('vicidial_user_groups').select('api_ip_list').where('user_group', '=', row.user_group).executeTakeFirst();
      if (group?.api_ip_list && !(await ipListHas(ctx, group.api_ip_list, ip))) problem = 'IPBLOCK';
    }
  }
  if (problem) {
    await db.updateTable('vicidial_users').set({
      failed_login_attempts_today: sql`failed_login_attempts_today + 1`,
      failed_last_type_today: `04c${problem}`,
    }).where('user', '=', row.user).execute();
    return problem;
  }
  // A successful API authentication changes nothing (user_update=0; oracle gen.lock1).
  return 'GOOD';
}

/**
 * §1.5 steps 1–5. Returns true when the request may go on; otherwise the error line has
 * been printed and logged and the request has exited.
 */
export async function authenticate(ctx: ApiContext): Promise<boolean> {
  if (ctx.p.source.length < 2) {
    await ctx.fail('Invalid Source', ctx.p.source);
    return false;
  }
  const row = await readUser(ctx);
  const message = await checkCredentials(ctx, row);
  // `user` is unique: the count of API-enabled rows with this user is 0 or 1.
  const authApi = row?.vdc_agent_api_access === '1' ? 1 : 0;
  const auth = message === 'GOOD' ? 1 : 0;
  if (ctx.p.user.length < 2 || ctx.p.pass.length < 2 || !auth || !authApi) {
    // decisions.md: same layout as the real line, without the password or the SQL.
    const details = `|${ctx.p.user}||${auth}|${authApi}|${message}|`;
    ctx.print(`ERROR: Invalid Username/Password: ${details}\n`);
    await ctx.log({ result: 'ERROR', reason: 'Invalid Username/Password', data: details.slice(1) });
    ctx.exit();
    return false;
  }
  const active = await ctx.db.selectFrom('system_settings').select(sql<number>`count(*)`.as('n'))
    .where('vdc_agent_api_active', '=', '1').executeTakeFirst();
  if (Number(active?.n ?? 0) < 1) {
    ctx.print('ERROR: System API NOT ACTIVE\n');
    await ctx.log({ result: 'ERROR', reason: 'System API NOT ACTIVE', data: '' });
    ctx.exit();
    return false;
  }
  return true;
}
