import { get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import Fastify from 'fastify';
import { clientAddress, trustProxy } from '../src/common/http/client-address.js';
import { loadConfig } from '../src/config/load-config.js';

const ask = (port: number, localAddress: string, xff: string | undefined): Promise<string> =>
  new Promise((resolve, reject) => {
    const headers = xff === undefined ? {} : { 'x-forwarded-for': xff };
    get({ host: '127.0.0.1', port, path: '/', localAddress, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });

/** The front door counts a hit under the address Fastify's `request.ip` would give, whatever TRUST_PROXY says. */
describe('clientAddress', () => {
  const forwarded = [undefined, '203.0.113.7', '203.0.113.7, 127.0.0.2', '198.51.100.1, 203.0.113.7, 127.0.0.1'];
  // Loopback is all of 127.0.0.0/8: a client can come from any of these.
  const from = ['127.0.0.1', '127.0.0.9', '127.1.2.3'];

  it.each(['false', 'true', '1', '2', '127.0.0.1', '127.0.0.2, 127.0.0.9', '127.0.0.0/8'])(
    'reads the address as Fastify does with TRUST_PROXY=%s',
    async (setting) => {
      const trust = trustProxy(loadConfig({ ...process.env, TRUST_PROXY: setting }).TRUST_PROXY);
      const address = clientAddress(trust);
      const fastify = Fastify({ trustProxy: trust });
      fastify.get('/', (request) => JSON.stringify({ fastify: request.ip, door: address(request.raw) }));
      await fastify.listen({ host: '127.0.0.1', port: 0 });
      const { port } = fastify.server.address() as AddressInfo;
      const seen = new Set<string>();
      for (const xff of forwarded) {
        for (const local of from) {
          const { fastify: expected, door } = JSON.parse(await ask(port, local, xff)) as Record<string, string>;
          expect({ xff, local, door }).toEqual({ xff, local, door: expected });
          seen.add(expected);
        }
      }
      await fastify.close();
      // Not one address for all: each setting is tried with what it would believe.
      expect(seen.size).toBeGreaterThan(1);
    },
  );
});
