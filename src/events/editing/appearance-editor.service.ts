import { Injectable } from '@nestjs/common';
import { AgendaEditorService } from './agenda-editor.service.js';
import { requireRole } from '../../auth/roles.js';
import type { Viewer } from '../../auth/viewer.js';
import { BadInputError, NotFoundError } from '../../common/errors/domain-error.js';
import type { DocumentAgendaItem, EventDocument } from '../domain/event-document.js';
import { itemSpeakers, type SessionSpeakerNode } from '../domain/event-graph.js';
import type { ParticipationStatus, SpeakerRole } from '../domain/event-view.js';
import type { SpeakerView } from '../../speakers/speaker-view.js';
import { EventWriter, type SaveOptions } from './event-writer.service.js';
import { SpeakersService } from '../../speakers/speakers.service.js';

interface AppearanceArgs {
  agendaItemId: string;
  speakerId: string;
  expectedVersion?: number | null;
}

function itemOf(doc: EventDocument, itemId: string): DocumentAgendaItem {
  const item = doc.agenda.find((i) => i.id === itemId);
  if (!item) throw new NotFoundError('Agenda item'); // removed since it was looked up
  return item;
}

/** Sets one speaker's status in the item. */
const statusChange =
  (status: ParticipationStatus) =>
  (_doc: EventDocument, item: DocumentAgendaItem, speaker: SpeakerView): void => {
    const appearance = item.speakers?.find((a) => a.speaker === speaker.slug);
    if (!appearance) throw new NotFoundError('That speaker on that agenda item');
    appearance.status = status;
  };

/** Speakers' appearances in agenda items: changes to the event document, through the EventWriter. */
@Injectable()
export class AppearanceEditorService {
  constructor(
    private readonly agenda: AgendaEditorService,
    private readonly writer: EventWriter,
    private readonly speakers: SpeakersService,
  ) {}

  async assign(
    viewer: Viewer | null,
    args: AppearanceArgs & { role: SpeakerRole; status: ParticipationStatus; featured?: boolean | null },
  ): Promise<SessionSpeakerNode> {
    return this.changeAppearance(viewer, 'assign speakers', args, (doc, item, speaker) => {
      item.speakers = item.speakers ?? [];
      if (item.speakers.some((a) => a.speaker === speaker.slug)) {
        throw new BadInputError('speakerId', `${speaker.name} is already assigned to this agenda item`);
      }
      item.speakers.push({ speaker: speaker.slug, role: args.role, status: args.status });
      doc.speakers = doc.speakers ?? [];
      let entry = doc.speakers.find((s) => s.slug === speaker.slug);
      if (!entry) {
        entry = { slug: speaker.slug, name: speaker.name, featured: false };
        doc.speakers.push(entry);
      }
      if (args.featured != null) entry.featured = args.featured;
    });
  }

  setStatus(
    viewer: Viewer | null,
    args: AppearanceArgs & { status: ParticipationStatus },
  ): Promise<SessionSpeakerNode> {
    return this.changeAppearance(viewer, 'change speaker statuses', args, statusChange(args.status));
  }

  /**
   * A speaker's own answer, given through their invitation (src/invitations, which checked the link): the same
   * change as setStatus, authored by no user, with the invitation's own writes `alongside` in its transaction.
   */
  answerInvitation(
    args: AppearanceArgs & { status: ParticipationStatus },
    options: Required<Pick<SaveOptions, 'action' | 'alongside'>>,
  ): Promise<SessionSpeakerNode> {
    // The speaker's own word is public at once where the session is (nothing else of the working copy is).
    return this.apply(args, statusChange(args.status), {
      ...options,
      authorId: null,
      publishAppearance: { agendaItemId: args.agendaItemId.toLowerCase(), speakerId: args.speakerId.toLowerCase() },
    });
  }

  async unassign(viewer: Viewer | null, args: AppearanceArgs): Promise<boolean> {
    await this.changeAppearance(viewer, 'unassign speakers', args, (doc, item, speaker) => {
      const before = item.speakers?.length ?? 0;
      item.speakers = (item.speakers ?? []).filter((a) => a.speaker !== speaker.slug);
      if (item.speakers.length === before) throw new NotFoundError('That speaker on that agenda item');
      const stillAppears = doc.agenda.some((i) => (i.speakers ?? []).some((a) => a.speaker === speaker.slug));
      doc.speakers = (doc.speakers ?? []).filter((s) => s.slug !== speaker.slug || stillAppears || s.featured);
    });
    return true;
  }

  /**
   * One change to one speaker's part in one agenda item: an event-level change (versioned when expectedVersion is
   * given, revised, all or nothing). Answers the appearance afterwards (undefined once it is gone).
   */
  private async changeAppearance(
    viewer: Viewer | null,
    what: string,
    args: AppearanceArgs,
    change: (doc: EventDocument, item: DocumentAgendaItem, speaker: SpeakerView) => void,
  ): Promise<SessionSpeakerNode> {
    const author = requireRole(viewer, 'CONTRIBUTOR', what);
    return this.apply(args, change, { action: 'updated', authorId: author.id });
  }

  private async apply(
    args: AppearanceArgs,
    change: (doc: EventDocument, item: DocumentAgendaItem, speaker: SpeakerView) => void,
    options: SaveOptions,
  ): Promise<SessionSpeakerNode> {
    const itemId = args.agendaItemId.toLowerCase();
    const speaker = await this.load(args.speakerId.toLowerCase());
    const view = await this.writer.change(
      await this.agenda.eventOf(itemId),
      args.expectedVersion ?? null,
      (doc) => change(doc, itemOf(doc, itemId), speaker),
      options,
    );
    return this.appearance(view, itemId, speaker.id);
  }

  private appearance(view: Parameters<AgendaEditorService['itemOf']>[0], itemId: string, speakerId: string) {
    return itemSpeakers(this.agenda.itemOf(view, itemId)).find((a) => a.speaker.id === speakerId)!;
  }

  private async load(id: string): Promise<SpeakerView> {
    const speaker = await this.speakers.findForEditing(id);
    if (!speaker) throw new NotFoundError('Speaker');
    return speaker;
  }
}
