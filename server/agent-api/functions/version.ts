// api-reference.md §2.1: no auth, no source needed.
import { defineFunction } from '../function.js';

export const VERSION = '2.14-82';
export const BUILD = '250122-1010';

export const version = defineFunction({
  name: 'version',
  noAuth: true,
  params: [],
  async run(ctx) {
    const line = `VERSION: ${VERSION}|BUILD: ${BUILD}|DATE: ${ctx.clock.nowTime}|EPOCH: ${ctx.clock.epoch}`;
    ctx.print(`${line}\n`);
    await ctx.log({ result: 'SUCCESS', reason: '', data: line });
    ctx.exit();
  },
});
