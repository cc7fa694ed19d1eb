import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { Controller, Get, Header, NotFoundException, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

const require = createRequire(import.meta.url);

/** Where an installed package lives (their `exports` do not list these asset files). */
function packageFile(pkg: string, file: string): string {
  const entry = require.resolve(pkg);
  const marker = `${sep}node_modules${sep}${pkg}${sep}`;
  return join(entry.slice(0, entry.lastIndexOf(marker) + marker.length), file);
}

/** The files GraphiQL needs, from npm packages: nothing is loaded from a CDN. */
const ASSETS: Record<string, { pkg: string; file: string; type: string }> = {
  'graphiql.min.css': { pkg: 'graphiql', file: 'graphiql.min.css', type: 'text/css; charset=utf-8' },
  'graphiql.min.js': { pkg: 'graphiql', file: 'graphiql.min.js', type: 'text/javascript; charset=utf-8' },
  'react.production.min.js': {
    pkg: 'react',
    file: 'umd/react.production.min.js',
    type: 'text/javascript; charset=utf-8',
  },
  'react-dom.production.min.js': {
    pkg: 'react-dom',
    file: 'umd/react-dom.production.min.js',
    type: 'text/javascript; charset=utf-8',
  },
};

const cache = new Map<string, Buffer>();

@Controller('graphiql')
export class PlaygroundController {
  @Get(':file')
  @Header('Cache-Control', 'public, max-age=86400')
  asset(@Param('file') file: string, @Res() reply: FastifyReply) {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException();
    let body = cache.get(file);
    if (!body) {
      body = readFileSync(packageFile(asset.pkg, asset.file));
      cache.set(file, body);
    }
    return reply.type(asset.type).send(body);
  }
}
