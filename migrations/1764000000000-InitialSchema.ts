import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole content model: the working copy editors change (events, agenda_items, session_speakers, ...),
 * the revisions of every saved change, and the published snapshot anonymous readers see
 * (event_publications with its indexed projections, published_appearances).
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        name text,
        role text NOT NULL CONSTRAINT users_role_check CHECK (role IN ('ADMIN', 'EDITOR', 'CONTRIBUTOR')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE sectors (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CONSTRAINT sectors_slug_key UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CONSTRAINT organisations_slug_key UNIQUE,
        name text NOT NULL,
        url text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE speakers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL CONSTRAINT speakers_slug_key UNIQUE,
        honorific text,
        name text NOT NULL,
        job_title text,
        organisation_id uuid CONSTRAINT speakers_organisation_id_fkey REFERENCES organisations (id) ON DELETE SET NULL,
        bio text,
        photo_url text,
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', coalesce(honorific, '') || ' ' || name || ' ' || coalesce(job_title, ''))
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX speakers_organisation_id_idx ON speakers (organisation_id)`);
    await q.query(`CREATE INDEX speakers_name_idx ON speakers (name, id)`);
    await q.query(`CREATE INDEX speakers_search_idx ON speakers USING gin (search)`);

    await q.query(`
      CREATE TABLE events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL,
        title text NOT NULL,
        summary text,
        description text,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        time_zone text NOT NULL,
        venue jsonb,
        attendance_mode text NOT NULL DEFAULT 'IN_PERSON'
          CONSTRAINT events_attendance_mode_check CHECK (attendance_mode IN ('IN_PERSON', 'ONLINE', 'MIXED')),
        status text NOT NULL DEFAULT 'SCHEDULED' CONSTRAINT events_status_check
          CHECK (status IN ('SCHEDULED', 'RESCHEDULED', 'POSTPONED', 'CANCELLED', 'MOVED_ONLINE')),
        audience text,
        job_titles text[] NOT NULL DEFAULT '{}',
        programme_note text,
        version integer NOT NULL DEFAULT 1,
        publication_state text NOT NULL DEFAULT 'DRAFT'
          CONSTRAINT events_publication_state_check CHECK (publication_state IN ('DRAFT', 'PUBLISHED')),
        published_at timestamptz,
        search tsvector NOT NULL DEFAULT ''::tsvector,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT events_time_span_check CHECK (ends_at > starts_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX events_slug_live_key ON events (slug) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX events_starts_at_idx ON events (starts_at, id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX events_updated_at_idx ON events (updated_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX events_search_idx ON events USING gin (search)`);

    await q.query(`
      CREATE TABLE event_sectors (
        event_id uuid NOT NULL CONSTRAINT event_sectors_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        sector_id uuid NOT NULL CONSTRAINT event_sectors_sector_id_fkey REFERENCES sectors (id) ON DELETE RESTRICT,
        position integer NOT NULL,
        CONSTRAINT event_sectors_pkey PRIMARY KEY (event_id, sector_id)
      )`);
    await q.query(`CREATE INDEX event_sectors_sector_id_idx ON event_sectors (sector_id)`);

    await q.query(`
      CREATE TABLE event_speakers (
        event_id uuid NOT NULL CONSTRAINT event_speakers_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        speaker_id uuid NOT NULL CONSTRAINT event_speakers_speaker_id_fkey REFERENCES speakers (id) ON DELETE RESTRICT,
        position integer NOT NULL,
        featured boolean NOT NULL DEFAULT false,
        CONSTRAINT event_speakers_pkey PRIMARY KEY (event_id, speaker_id)
      )`);
    await q.query(`CREATE INDEX event_speakers_speaker_id_idx ON event_speakers (speaker_id)`);

    await q.query(`
      CREATE TABLE agenda_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        event_id uuid NOT NULL CONSTRAINT agenda_items_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        position integer NOT NULL,
        type text NOT NULL CONSTRAINT agenda_items_type_check CHECK (type IN ('REGISTRATION', 'WELCOME', 'KEYNOTE',
          'CASE_STUDY', 'PANEL', 'TALK', 'WORKSHOP', 'QUESTIONS', 'BREAK', 'LUNCH', 'NETWORKING', 'CLOSE', 'OTHER')),
        label text,
        title text NOT NULL,
        starts_at timestamptz,
        ends_at timestamptz,
        track text,
        key_points text[] NOT NULL DEFAULT '{}',
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agenda_items_event_position_key UNIQUE (event_id, position) DEFERRABLE INITIALLY DEFERRED,
        CONSTRAINT agenda_items_time_span_check CHECK (ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at)
      )`);

    await q.query(`
      CREATE TABLE session_speakers (
        agenda_item_id uuid NOT NULL
          CONSTRAINT session_speakers_agenda_item_id_fkey REFERENCES agenda_items (id) ON DELETE CASCADE,
        speaker_id uuid NOT NULL CONSTRAINT session_speakers_speaker_id_fkey REFERENCES speakers (id) ON DELETE RESTRICT,
        position integer NOT NULL,
        role text NOT NULL DEFAULT 'SPEAKER'
          CONSTRAINT session_speakers_role_check CHECK (role IN ('CHAIR', 'SPEAKER', 'PANELLIST', 'MODERATOR')),
        status text NOT NULL DEFAULT 'INVITED'
          CONSTRAINT session_speakers_status_check CHECK (status IN ('INVITED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')),
        CONSTRAINT session_speakers_pkey PRIMARY KEY (agenda_item_id, speaker_id)
      )`);
    await q.query(`CREATE INDEX session_speakers_speaker_id_idx ON session_speakers (speaker_id)`);

    await q.query(`
      CREATE TABLE event_revisions (
        event_id uuid NOT NULL CONSTRAINT event_revisions_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        revision integer NOT NULL,
        action text NOT NULL,
        author_id uuid CONSTRAINT event_revisions_author_id_fkey REFERENCES users (id) ON DELETE SET NULL,
        document jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_revisions_pkey PRIMARY KEY (event_id, revision)
      )`);
    await q.query(`CREATE INDEX event_revisions_author_id_idx ON event_revisions (author_id)`);

    await q.query(`
      CREATE TABLE event_publications (
        event_id uuid PRIMARY KEY CONSTRAINT event_publications_event_id_fkey REFERENCES events (id) ON DELETE CASCADE,
        slug text NOT NULL CONSTRAINT event_publications_slug_key UNIQUE,
        version integer NOT NULL,
        view jsonb NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        status text NOT NULL,
        sector_slugs text[] NOT NULL DEFAULT '{}',
        search tsvector NOT NULL,
        published_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX event_publications_starts_at_idx ON event_publications (starts_at, event_id)`);
    await q.query(
      `CREATE INDEX event_publications_updated_at_idx ON event_publications (updated_at DESC, event_id DESC)`,
    );
    await q.query(`CREATE INDEX event_publications_sector_slugs_idx ON event_publications USING gin (sector_slugs)`);
    await q.query(`CREATE INDEX event_publications_search_idx ON event_publications USING gin (search)`);

    await q.query(`
      CREATE TABLE published_appearances (
        event_id uuid NOT NULL
          CONSTRAINT published_appearances_event_id_fkey REFERENCES event_publications (event_id) ON DELETE CASCADE,
        agenda_item_id uuid NOT NULL,
        speaker_id uuid NOT NULL,
        event_starts_at timestamptz NOT NULL,
        position integer NOT NULL,
        role text NOT NULL,
        status text NOT NULL,
        CONSTRAINT published_appearances_pkey PRIMARY KEY (event_id, agenda_item_id, speaker_id)
      )`);
    await q.query(
      `CREATE INDEX published_appearances_speaker_idx ON published_appearances (speaker_id, event_starts_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'published_appearances',
      'event_publications',
      'event_revisions',
      'session_speakers',
      'agenda_items',
      'event_speakers',
      'event_sectors',
      'events',
      'speakers',
      'organisations',
      'sectors',
      'users',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
