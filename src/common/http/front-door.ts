import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * An answer given before Fastify sees a request, with its body when `bodyFirst` asked for it: true when it
 * answered, false to let Fastify have the request (and the body, as if unread).
 */
export interface EarlyAnswer {
  bodyFirst(req: IncomingMessage): boolean;
  answer(req: IncomingMessage, res: ServerResponse, body?: Buffer): boolean;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/** Bodies read by the front door and handed on to Fastify, which reads them again from here. */
const replayed = new WeakMap<IncomingMessage, Buffer>();

/** The body the front door read before passing the request on, if it did. */
export const replayedBody = (req: IncomingMessage): Buffer | undefined => replayed.get(req);

/**
 * Puts `early` in front of Fastify on its HTTP server: every request is offered to it first (once its body is
 * read, for those `bodyFirst` picks), and whatever it does not answer goes to Fastify as before (a body read is
 * given to Fastify's parsing from memory). Its timeouts, keep-alive and shutdown are the server's, and stay. For
 * what can be answered from memory with nothing to decide (response-cache/response-cache.service.ts), Fastify's
 * routing, hooks and reply cost more than the answer. (A second server Fastify opens to listen on `localhost`'s
 * other address keeps Fastify alone: slower, not different.)
 */
export function openFrontDoor(fastify: FastifyInstance, early: EarlyAnswer): void {
  const listeners = fastify.server.listeners('request') as Listener[];
  if (listeners.length !== 1) throw new Error(`expected Fastify's one request listener, found ${listeners.length}`);
  const [handle] = listeners;
  fastify.addHook('preParsing', (request, _reply, payload, done) => {
    const body = replayed.get(request.raw);
    done(null, body ? Readable.from([body]) : payload);
  });
  // A failure here is the front door's, not the request's: Fastify answers it, unless an answer has begun.
  const answered = (req: IncomingMessage, res: ServerResponse, body?: Buffer): boolean => {
    try {
      return early.answer(req, res, body);
    } catch (error) {
      logger.error(error);
      if (!res.headersSent) return false;
      res.destroy();
      return true;
    }
  };
  fastify.server.removeListener('request', handle);
  fastify.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (!early.bodyFirst(req)) {
      if (!answered(req, res)) handle(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A client gone before its body ends has nothing to be answered.
    req.once('error', () => req.destroy());
    req.once('end', () => {
      const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
      if (answered(req, res, body)) return;
      replayed.set(req, body);
      handle(req, res);
    });
  });
}

const logger = new Logger('FrontDoor');
