// Bench only (bench/, issue #8): a bare route on the same Fastify server, the ceiling the
// Agent API mix is compared with. Registered only when config.benchRoute (BENCH_BARE_ROUTE=1).
import type { FastifyInstance } from 'fastify';

export async function benchRoute(app: FastifyInstance): Promise<void> {
  app.get('/bench/bare', async (_req, reply) => reply.header('Content-Type', 'text/plain; charset=utf-8').send('OK\n'));
}
