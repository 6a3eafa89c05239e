import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { FrabCollector } from './frab-events';
import { ImportContext } from './import-context';
import { IMPORT_DEPTH_MAX } from './import-limits';
import { ImportedProgramme, ImportFormat } from './imported-programme';
import { checkSize, decodeReferences, text, tooDeep, unreadable, Warnings, zoneOf } from './parse-support';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  // Entities off: no DTD is read, nothing is expanded; the predefined references are decoded after.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
  isArray: (name, jpath) =>
    name === 'track' ? jpath === 'schedule.conference.track' : ['day', 'room', 'event', 'person', 'link'].includes(name),
});

/**
 * Refuses, before any parsing, what a schedule never needs and an attack does: a DTD (entity
 * expansion, external entities), a document beyond the size limit, nesting beyond the depth limit.
 */
export function refuseHostileXml(document: string): void {
  checkSize(document);
  if (/<!DOCTYPE/i.test(document))
    throw unreadable('', 'the document has a DOCTYPE; DTDs are not read (no entities, no external references)');
  if (/<!ENTITY/i.test(document)) throw unreadable('', 'the document declares an ENTITY; entities are not read');
  let depth = 0;
  const tags = /<(\/?)([A-Za-z_][^\s/>]*)[^>]*?(\/?)>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
  for (let match = tags.exec(document); match; match = tags.exec(document)) {
    if (!match[2]) continue;
    if (match[1]) depth--;
    else if (!match[3] && ++depth > IMPORT_DEPTH_MAX) throw tooDeep();
  }
}

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value]) as Node[];
const str = (value: unknown) => decodeReferences(text(value));

/** frab's and pretalx's `schedule.xml`. */
export function parseScheduleXml(document: string, context: ImportContext): ImportedProgramme {
  refuseHostileXml(document);
  const valid = XMLValidator.validate(document, { allowBooleanAttributes: true });
  if (valid !== true) throw unreadable(`line ${valid.err.line}, column ${valid.err.col}`, `not well-formed XML (${valid.err.msg})`);
  const root = parser.parse(document) as Node;
  const schedule = root.schedule as Node | undefined;
  if (!schedule || typeof schedule !== 'object')
    throw unreadable('schedule', 'the document is XML but not a schedule (no <schedule> root)');
  const warnings = new Warnings();
  const conference = (schedule.conference ?? {}) as Node;
  const zone = zoneOf(conference.time_zone_name, 'conference/time_zone_name', warnings);
  if (!zone) warnings.add('conference', `no time zone, times without an offset are read in ${context.timeZone}`);
  const collector = new FrabCollector(warnings, ImportFormat.SCHEDULE_XML, zone, zone ?? context.timeZone, context.defaultLocale);
  for (const track of list(conference.track)) collector.track(str(track['#text'] ?? track['@name'] ?? track), track['@color']);
  const days = list(schedule.day);
  if (days.length === 0) warnings.add('schedule', 'no days, nothing to import');
  days.forEach((day, d) => {
    const dayPath = `day[${str(day['@index']) || d + 1}]`;
    const date = str(day['@date']) || null;
    if (!day['@end']) warnings.add(dayPath, 'no end, not needed for an import');
    for (const room of list(day.room)) {
      const roomName = str(room['@name']);
      const roomPath = `${dayPath}/room[${roomName}]`;
      const key = collector.room(roomName, room['@guid'], undefined, roomPath);
      list(room.event).forEach((event, e) => {
        const path = `${roomPath}/event[${str(event['@id']) || str(event['@guid']) || e + 1}]`;
        const persons = list((event.persons as Node | undefined)?.person).map((person) => ({
          id: person['@id'],
          guid: person['@guid'],
          name: str(person['#text'] ?? person),
          role: str(person['@role']) || undefined,
        }));
        collector.event(
          {
            path,
            id: str(event['@id']),
            guid: str(event['@guid']),
            date: str(event.date),
            start: str(event.start),
            duration: str(event.duration),
            title: str(event.title),
            type: str(event.type),
            language: str(event.language),
            abstract: str(event.abstract),
            description: str(event.description),
            track: str(event.track),
            persons,
          },
          key,
          date,
        );
      });
    }
  });
  return collector.result();
}
