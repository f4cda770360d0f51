// api-reference.md §2.2: HTTP 418, no auth, no trailing newline.
import { defineFunction, type AgentApiFunction } from '../function.js';

const teapot = (name: string): AgentApiFunction => defineFunction({
  name,
  noAuth: true,
  params: [],
  async run(ctx) {
    const body = `Coffee: ${ctx.fn}|Error 418 I'm a teapot`;
    ctx.status = 418;
    ctx.print(body);
    await ctx.log({ result: 'ERROR', reason: '', data: body });
    ctx.exit();
  },
});

export const coffee = teapot('coffee');
export const startCoffee = teapot('start_coffee');
export const makeCoffee = teapot('make_coffee');
export const brewCoffee = teapot('brew_coffee');
