/** The generated `search` column of speakers and published_speakers: honorific, name and job title, unstemmed. */
export const SPEAKER_SEARCH_EXPRESSION = `to_tsvector('simple', coalesce(honorific, '') || ' ' || name || ' ' || coalesce(job_title, ''))`;
