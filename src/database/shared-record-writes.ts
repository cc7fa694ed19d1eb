import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The shared records a write changed: speakers, and organisations (by id). */
export interface SharedRecords {
  speakerIds?: readonly string[];
  organisationIds?: readonly string[];
}

/** What follows a change to shared records, in the writing transaction: `action` says what happened. */
export type SharedRecordFollower = (manager: EntityManager, records: SharedRecords, action: string) => Promise<void>;

/**
 * Where writes to shared records (speakers, organisations) say what they changed, in their transaction, for those
 * who show them to follow (the published events: EventPublisher) without the records knowing who they are.
 */
@Injectable()
export class SharedRecordWrites {
  private readonly followers: SharedRecordFollower[] = [];

  follow(follower: SharedRecordFollower): void {
    this.followers.push(follower);
  }

  async changed(manager: EntityManager, records: SharedRecords, action: string): Promise<void> {
    for (const follower of this.followers) await follower(manager, records, action);
  }
}
