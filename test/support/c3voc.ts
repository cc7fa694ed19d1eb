import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

/** The c3voc schedule formats' validators (docs/formats/c3voc/), for the frab schedule tests. */

export const c3voc = (path: string) => fileURLToPath(new URL(`../../docs/formats/c3voc/${path}`, import.meta.url));
const XSD = c3voc('schedule.xml.xsd');

/** The c3voc JSON Schema declares draft-06: ajv needs that meta-schema added (ajv docs, "JSON Schema draft-06"). */
function scheduleValidator() {
  const require = createRequire(import.meta.url);
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  addFormats.default(ajv);
  // Annotations of the c3voc schema that no JSON Schema draft defines, and its one custom format.
  ajv.addVocabulary(['$oneOf', '$todo']);
  ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
  return ajv.compile(JSON.parse(readFileSync(c3voc('schedule.schema.json'), 'utf8')));
}
export const validateJson = scheduleValidator();

/** xmllint (libxml2) validating against the c3voc XSD: whether the document is valid, and xmllint's report. */
export function validateXml(xml: string): { valid: boolean; report: string } {
  const run = spawnSync('xmllint', ['--noout', '--schema', XSD, '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw run.error; // no xmllint: npm test installs it (test/support/prerequisites.mjs)
  return { valid: run.status === 0, report: run.stderr.trim() };
}

/** An XPath 1.0 expression evaluated by xmllint on the document. */
export const xpath = (xml: string, expression: string): string =>
  execFileSync('xmllint', ['--xpath', expression, '-'], { input: xml, stdio: 'pipe' }).toString().trim();
