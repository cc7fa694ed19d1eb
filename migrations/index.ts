import { InitialSchema1764000000000 } from './1764000000000-InitialSchema.js';
import { Webhooks1764000100000 } from './1764000100000-Webhooks.js';
import { PublishedSpeakers1764000200000 } from './1764000200000-PublishedSpeakers.js';
import { EntityMetadata1764000300000 } from './1764000300000-EntityMetadata.js';
import { EventChanges1764000400000 } from './1764000400000-EventChanges.js';
import { RecordVersions1765000200000 } from './1765000200000-RecordVersions.js';
import { EdgeLimits1765000400000 } from './1765000400000-EdgeLimits.js';
import { SharedRecordChanges1765000500000 } from './1765000500000-SharedRecordChanges.js';
import { PublicationListViews1765000600000 } from './1765000600000-PublicationListViews.js';
import { SpeakerInvitations1765001000000 } from './1765001000000-SpeakerInvitations.js';
import { RoomsAndSessionDetails1765001100000 } from './1765001100000-RoomsAndSessionDetails.js';
import { PublicationSchedules1765001200000 } from './1765001200000-PublicationSchedules.js';
import { SpeakerProfileProposals1765001300000 } from './1765001300000-SpeakerProfileProposals.js';
import { PreviewLinks1765001400000 } from './1765001400000-PreviewLinks.js';
import { AgendaItemSequences1765001500000 } from './1765001500000-AgendaItemSequences.js';

/** Every migration, oldest first. New migrations are added here as well as written to this folder. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  Webhooks1764000100000,
  PublishedSpeakers1764000200000,
  EntityMetadata1764000300000,
  EventChanges1764000400000,
  RecordVersions1765000200000,
  EdgeLimits1765000400000,
  SharedRecordChanges1765000500000,
  PublicationListViews1765000600000,
  SpeakerInvitations1765001000000,
  RoomsAndSessionDetails1765001100000,
  PublicationSchedules1765001200000,
  SpeakerProfileProposals1765001300000,
  PreviewLinks1765001400000,
  AgendaItemSequences1765001500000,
];
