// Function name -> module. Adding a function is one module and one line here.
import type { AgentApiFunction } from './function.js';
import { version } from './functions/version.js';
import { brewCoffee, coffee, makeCoffee, startCoffee } from './functions/coffee.js';
import { webserver } from './functions/webserver.js';
import { externalPause } from './functions/external-pause.js';

const all: AgentApiFunction[] = [
  version, coffee, startCoffee, makeCoffee, brewCoffee, webserver,
  // agent control (issue 4)
  externalPause,
  // call control (issue 5)
  // screen effects (issue 6)
];

export const functions: ReadonlyMap<string, AgentApiFunction> = new Map(all.map((f) => [f.name, f]));

export function isImplemented(name: string): boolean {
  return functions.has(name);
}
