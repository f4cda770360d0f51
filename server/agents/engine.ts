// The server's heartbeat: apply pending commands (at once when the API nudges, and by a
// sweep every `intervalMs` for rows changed by direct SQL or another node), and let the
// switch route queued calls and advance ringing ones. Ticks never overlap.
import type { Database } from '../db/database.js';
import type { Switch } from '../switch/switch.js';
import { agentsWithCommands, applyCommands } from './commands.js';
import { deliverNotifications } from './notify.js';
import { feedManualDialQueue } from './handlers/calls.js';

export interface EngineOptions {
  intervalMs?: number;
  /** Demo call generator: inbound calls per minute spread over these in-groups (empty: all active). */
  generator?: { callsPerMinute: number; ingroups: string[] };
  onError?: (err: unknown) => void;
  /** Start the timer when the app is ready (default true); tests drive tick() themselves. */
  autoStart?: boolean;
}

export class AgentEngine {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly nudged = new Set<string>();
  private lastGenerated = Date.now();
  private lastNotified = 0;
  private fullWanted = false;
  private notifyWanted = false;

  constructor(private readonly database: Database, private readonly sw: Switch, private readonly options: EngineOptions = {}) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs ?? 100);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Apply these agents' commands now (called after an API request commits). */
  nudge(users: Iterable<string>): void {
    for (const u of users) this.nudged.add(u);
    if (this.timer) void this.loop();
  }

  /** Deliver notifications now (called after send_notification commits). */
  nudgeNotifications(): void {
    this.notifyWanted = true;
    if (this.timer) void this.loop();
  }

  /** A full pass (sweep, switch, notifications); exposed for tests that drive time themselves. */
  tick(): Promise<void> {
    this.fullWanted = true;
    return this.loop();
  }

  /**
   * One worker at a time: a nudge applies only the agents it names; the timer's full pass
   * sweeps for commands written behind our back, feeds queued manual dials, moves the
   * switch and delivers notifications. Under load nudges cannot starve the full pass.
   */
  private loop(): Promise<void> {
    if (this.running) return this.running;
    this.running = (async () => {
      while (this.fullWanted || this.nudged.size || this.notifyWanted) {
        if (this.fullWanted) {
          this.fullWanted = false;
          await this.fullPass();
        } else if (this.nudged.size) {
          const users = [...this.nudged];
          this.nudged.clear();
          for (const user of users) await applyCommands(this.database, this.sw, user);
        } else {
          this.notifyWanted = false;
          this.lastNotified = Date.now();
          await deliverNotifications(this.database.db, new Date());
        }
      }
    })().catch((err) => this.options.onError?.(err)).finally(() => { this.running = undefined; });
    return this.running;
  }

  private async fullPass(): Promise<void> {
    const fed = await feedManualDialQueue(this.database.db);
    const users = new Set([...this.nudged, ...fed, ...(await agentsWithCommands(this.database.db))]);
    this.nudged.clear();
    for (const user of users) await applyCommands(this.database, this.sw, user);
    await this.generate();
    await this.database.db.transaction().execute((trx) => this.sw.tick(trx, new Date()));
    if (Date.now() - this.lastNotified >= 250) {
      this.lastNotified = Date.now();
      await deliverNotifications(this.database.db, new Date());
    }
  }

  private async generate(): Promise<void> {
    const g = this.options.generator;
    if (!g || g.callsPerMinute <= 0) return;
    const every = 60_000 / g.callsPerMinute;
    if (Date.now() - this.lastGenerated < every) return;
    this.lastGenerated = Date.now();
    // An empty list means every active in-group (AGENTDIRECT queues are for one agent).
    const groups = g.ingroups.length ? g.ingroups : (await this.database.db.selectFrom('vicidial_inbound_groups').select('group_id')
      .where('active', '=', 'Y').where('group_id', 'not like', 'AGENTDIRECT%').execute()).map((r) => r.group_id);
    if (groups.length === 0) return;
    const ingroup = groups[Math.floor(Math.random() * groups.length)];
    const lead = await this.database.db.selectFrom('vicidial_list').select('lead_id').where('list_id', '=', 101)
      .orderBy('lead_id').offset(Math.floor(Math.random() * 1000)).limit(1).executeTakeFirst();
    await this.database.db.transaction().execute((trx) => this.sw.placeInbound(trx, { ingroup, leadId: lead?.lead_id }))
      .catch((err) => this.options.onError?.(err));
  }
}
