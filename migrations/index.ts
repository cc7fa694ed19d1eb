import { InitialSchema1764000000000 } from './1764000000000-InitialSchema.js';

/** Every migration, oldest first. New migrations are added here as well as written to this folder. */
export const MIGRATIONS = [InitialSchema1764000000000];
