// Source check and authentication (api-reference.md §1.5), with decisions.md's change:
// the failure line keeps its field layout but carries no password and no SQL.
import { sql } from 'kysely';
import type { ApiContext } from './context.js';
import { passwordMatches, type PasswordSettings } from './password.js';
import type { Db } from '../agents/db.js';
import type { Clock } from '../clock.js';
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

export interface CredentialCheck {
  db: Db;
  settings: PasswordSettings;
  clock: Clock;
  ip: string;
  /**
   * VICIdial's user_update: a good login refreshes last_login_date and last_ip and clears
   * failed_login_count (agent screen logins). The API passes false (§1.5, oracle gen.lock1).
   */
  userUpdate: boolean;
}

export interface CredentialRow {
  user: string;
  pass: string;
  pass_hash: string;
  user_level: number | string | null;
  active: string;
  failed_login_count: number | string | null;
  last_login_date: string | null;
}

/**
 * The password and lockout part of user_authorization (§1.5): 10 failures lock the user for
 * 15 minutes, for the API and the agent screen alike (one set of counters). The password is
 * always hashed, for unknown and locked users too, so every answer costs the same time.
 */
export async function checkPassword(c: CredentialCheck, row: CredentialRow | undefined, pass: string): Promise<'GOOD' | 'BAD' | 'LOCK'> {
  const { db, clock, ip } = c;
  const passwordOk = await passwordMatches(c.settings, row, pass);
  if (!row) return 'BAD';
  const lockWindowOver = toEpoch(row.last_login_date) < clock.epoch - LOCK_SECONDS;
  const good = passwordOk && Number(row.user_level) > 0 && row.active === 'Y'
    && (Number(row.failed_login_count) < LOCK_COUNT || lockWindowOver);

  if (!good) {
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
  if (c.userUpdate) {
    await db.updateTable('vicidial_users').set({ last_login_date: clock.nowTime, last_ip: ip, failed_login_count: 0 })
      .where('user', '=', row.user).execute();
  }
  return 'GOOD';
}

async function checkCredentials(ctx: ApiContext, row: UserRow): Promise<AuthMessage> {
  const { db, settings, clock } = ctx;
  const result = await checkPassword({ db, settings, clock, ip: ctx.request.remoteIp, userUpdate: false }, row, ctx.p.pass);
  if (result !== 'GOOD' || !row) return result;

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
