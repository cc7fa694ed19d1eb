export default async function globalTeardown() {
  await globalThis.__AGENDA_TEST_PG__?.stop();
}
