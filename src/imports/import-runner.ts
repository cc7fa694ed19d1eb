import 'reflect-metadata';
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import cliProgress from 'cli-progress';
import { ImportCliModule } from './import-cli.module.js';
import { type AppConfig } from '../config/app-config.js';
import { loadConfig } from '../config/load-config.js';
import { DatabaseLifecycle } from '../database/database-lifecycle.service.js';
import { resolveDatabase } from '../database/resolve-database.js';
import { EventDocumentImportService } from './documents/event-document-import.service.js';
import type { EventView } from '../events/domain/event-view.js';
import { isFrabSchedule } from './frab/frab-conversion.js';
import { ScheduleImportService } from './frab/schedule-import.service.js';
import { SLUG_PATTERN } from '../common/validation/fields.js';
import { OperatorError } from '../common/errors/operator-error.js';

/**
 * `npm run import -- <file>... [--slug SLUG] [--publish]`: imports frab/c3voc schedule.json files and event
 * documents straight into the database, as an administrator action (no token; revisions have no author).
 * import-cli.ts is the thin entry; this is the part the tests run.
 */

export const USAGE = `Usage: npm run import -- <file>... [--slug SLUG] [--publish]

Imports frab/c3voc schedule.json files (pretalx, frab) and event documents (exportEvent's JSON) into the
database: each file creates or replaces the event with its slug, in one transaction.

  --slug SLUG   the event's slug (one file only); default: the schedule's acronym, or the document's slug
  --publish     publish each imported event; default: keep its publication state (a new event is a draft)

Needs database access (DATABASE_URL, or the embedded PostgreSQL when unset), not a token.`;

export interface ImportCliOptions {
  slug?: string;
  publish?: boolean;
  /** Default: loadConfig() from the environment. */
  config?: AppConfig;
}

export interface ImportOutput {
  /** Where the progress bar goes (drawn only on a terminal). */
  progress: NodeJS.WritableStream;
  log(line: string): void;
  error(line: string): void;
}

export interface ImportedFile {
  file: string;
  kind: 'schedule' | 'document';
  slug: string;
  version: number;
  items: number;
  speakers: number;
  publicationState: string;
}

export interface ImportResult {
  imported: ImportedFile[];
  failed: { file: string; message: string }[];
  exitCode: number;
}

/** A bad command line: the message is what to print, `exitCode` what to exit with (0 for --help). */
export class UsageError extends OperatorError {
  constructor(message: string, exitCode = 2) {
    super(message, exitCode);
  }
}

/** Reads the command line: files, `--slug SLUG` (or `--slug=SLUG`), `--publish`. */
export function parseImportArgs(argv: readonly string[]): { files: string[]; slug?: string; publish: boolean } {
  const files: string[] = [];
  let slug: string | undefined;
  let publish = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--publish') publish = true;
    else if (arg === '--slug') slug = argv[++i];
    else if (arg.startsWith('--slug=')) slug = arg.slice('--slug='.length);
    else if (arg === '--help' || arg === '-h') throw new UsageError(USAGE, 0);
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}\n\n${USAGE}`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError(USAGE);
  if (slug !== undefined && !SLUG_PATTERN.test(slug)) {
    throw new UsageError('--slug must be lowercase letters and digits in words joined by "-"');
  }
  if (slug !== undefined && files.length > 1) throw new UsageError('--slug needs exactly one file');
  return { files, slug, publish };
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Imports each file in turn (each all or nothing); a bad file is reported and the others still go in. */
export async function runImport(
  files: readonly string[],
  options: ImportCliOptions,
  output: ImportOutput,
): Promise<ImportResult> {
  for (const file of files) {
    await access(file).catch(() => {
      throw new UsageError(`${file}: no such file`);
    });
  }
  const config = options.config ?? loadConfig();
  const embedded = await resolveDatabase(config);
  try {
    const app = await NestFactory.createApplicationContext(ImportCliModule.forRoot(config), {
      logger: false,
      abortOnError: false,
    });
    try {
      await reached(app.get(DatabaseLifecycle));
      return await importAll(app, files, options, output);
    } finally {
      await app.close();
    }
  } finally {
    await embedded?.stop();
  }
}

/** The database reached and migrated, or an error after a while: a command does not wait for it forever. */
async function reached(lifecycle: DatabaseLifecycle, withinMs = 30_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new OperatorError(`The database did not answer within ${withinMs / 1000} s`)),
      withinMs,
    );
  });
  try {
    await Promise.race([lifecycle.started, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function importAll(
  app: INestApplicationContext,
  files: readonly string[],
  options: ImportCliOptions,
  output: ImportOutput,
): Promise<ImportResult> {
  const schedules = app.get(ScheduleImportService);
  const documents = app.get(EventDocumentImportService);
  const publish = options.publish ?? false;
  const result: ImportResult = { imported: [], failed: [], exitCode: 0 };
  const bar = new cliProgress.SingleBar(
    {
      stream: output.progress,
      format: '{phase} |{bar}| {value}/{total} {unit} | {file}',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );

  for (const [n, file] of files.entries()) {
    const name = `${basename(file)}${files.length > 1 ? ` (${n + 1}/${files.length})` : ''}`;
    bar.start(1, 0, { phase: 'parsing', unit: 'file', file: name });
    try {
      const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
      let event: EventView;
      let kind: ImportedFile['kind'];
      if (isFrabSchedule(parsed)) {
        kind = 'schedule';
        const imported = await schedules.write(parsed, {
          slug: options.slug,
          publish,
          authorId: null,
          onProgress: (phase, done, total) => {
            bar.setTotal(total);
            bar.update(done, { phase, unit: phase === 'reading' ? 'entries' : 'items' });
          },
        });
        event = imported.event;
        bar.stop();
        for (const warning of imported.warnings) output.log(`  note: ${warning}`);
      } else if (typeof parsed === 'object' && parsed !== null && 'agenda' in parsed) {
        kind = 'document';
        bar.update(0, { phase: 'saving', unit: 'document' });
        const document = options.slug ? { ...parsed, slug: options.slug } : parsed;
        event = await documents.importDocument(document, { publish, authorId: null });
        bar.update(1);
        bar.stop();
      } else {
        throw new Error('is neither a frab/c3voc schedule.json nor an event document');
      }
      const done: ImportedFile = {
        file,
        kind,
        slug: event.slug,
        version: event.version,
        items: event.agenda.length,
        speakers: event.speakers.length,
        publicationState: event.publicationState,
      };
      result.imported.push(done);
      output.log(
        `${file}: ${done.slug} version ${done.version}, ${done.items} agenda items, ${done.speakers} speakers ` +
          `(${done.publicationState.toLowerCase()})`,
      );
    } catch (error) {
      bar.stop();
      result.failed.push({ file, message: message(error) });
      output.error(`${file}: ${message(error)}`);
    }
  }
  result.exitCode = result.failed.length > 0 ? 1 : 0;
  return result;
}
