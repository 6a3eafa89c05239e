/**
 * The public schemas of the schedule formats (../shared/schedule-formats) and validators that come
 * with `npm install`: xmllint-wasm (libxml2 built to WebAssembly) for the XSD, ajv for the JSON
 * schemas; and an independent XML parser to read the exports back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';
import { XMLParser } from 'fast-xml-parser';
import { validateXML } from 'xmllint-wasm';

export const SCHEDULE_FORMATS = '/work/shared/schedule-formats';
const XSD = readFileSync(join(SCHEDULE_FORMATS, 'schedule.xml.xsd'), 'utf8');

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
addFormats(ajv);
ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
export const validV1 = ajv.compile(JSON.parse(readFileSync(join(SCHEDULE_FORMATS, 'schedule.schema.json'), 'utf8')));
export const validV2 = ajv.compile(JSON.parse(readFileSync(join(SCHEDULE_FORMATS, 'schedule2.schema.json'), 'utf8')));

/** Reads schedule.xml and xCal with the lists apps expect as lists, attributes as `@name`. */
export const scheduleXmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  isArray: (name, jpath) =>
    name === 'track' ? jpath === 'schedule.conference.track' : ['day', 'room', 'event', 'person', 'vevent'].includes(name),
});

/** What libxml2 finds wrong with a schedule.xml against c3voc's XSD (none: valid). */
export async function xsdErrors(document: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'schedule.xml', contents: document }],
    schema: [{ fileName: 'schedule.xml.xsd', contents: XSD }],
  });
  return result.errors.map((error) => error.rawMessage);
}

/** What ajv finds wrong with a document against one of the JSON schemas (none: valid). */
export function jsonErrors(validate: typeof validV1, document: unknown): unknown[] {
  return validate(document) ? [] : (validate.errors ?? []);
}

/** Every event of a schedule.xml, flattened, with the day it is under. */
export function xmlEvents(document: string) {
  const parsed = scheduleXmlParser.parse(document);
  return (parsed.schedule.day as any[]).flatMap((day) =>
    ((day.room as any[]) ?? []).flatMap((room) =>
      ((room.event as any[]) ?? []).map((event) => ({ ...event, day, roomName: room['@name'], roomGuid: room['@guid'] })),
    ),
  );
}
