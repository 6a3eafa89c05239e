import { useMutation, useQuery } from '@urql/preact';
import { useRoute } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { catalogue, useTexts } from '../i18n';
import type { ImportColumn, ImportFormat, ImportProgrammeInput, MissingSessions } from '../schema.generated';
import { CheckboxField, Field, ProblemList, SelectField, Status, TextAreaField, TextField, problemFor } from '../ui/controls';
import { problemsOf } from '../ui/errors';
import { Page } from '../ui/page';
import {
  ExchangeDocument,
  ExchangeExportsDocument,
  ExchangeExportsQuery,
  ImportCountsFieldsFragment,
  ImportProgrammeDocument,
  ImportReportFieldsFragment,
} from './operations.generated';

const texts = catalogue({
  en: {
    title: 'Import and export',
    importHeading: 'Import a programme',
    importIntro:
      'Brings rooms, tracks, speakers and sessions from a schedule document into this conference. Try it first: a dry run tells what the import would do and changes nothing.',
    file: 'Document file',
    fileHint: 'Read in your browser; nothing is sent until you try or import it.',
    document: 'Or paste the document',
    format: 'Format',
    missing: 'Sessions of an earlier import that the document no longer has',
    keep: 'Keep them as they are',
    cancel: 'Cancel them',
    mapping: 'Which column holds what (CSV; the header row’s names)',
    mappingHint: 'The title column is needed; leave the others empty if the sheet has none.',
    tryIt: 'Try it (dry run)',
    importNow: 'Import for real',
    again: 'You changed something since the dry run: try it again to see what the import would do.',
    refused: 'The document was not imported, and nothing was changed:',
    wouldDo: 'What the import would do',
    did: 'What the import did',
    kind: 'Kind',
    created: 'New',
    updated: 'Changed',
    unchanged: 'Unchanged',
    rooms: 'Rooms',
    tracks: 'Tracks',
    speakers: 'Speakers',
    sessions: 'Sessions',
    readAs: 'Read as {{format}}.',
    removedHeading: 'Sessions of earlier imports missing from the document',
    removedCancelled: '{{title}}: cancelled',
    removedKept: '{{title}}: kept as it was',
    suggestionsHeading: 'People who may be speakers you have already',
    suggestionsHint: 'Tick those who are the same person; the import then adds their sessions to that speaker. Try it again after ticking.',
    sameAs: '{{name}} is the speaker {{slug}}',
    warningsHeading: 'Repaired or skipped ({{count}})',
    noWarnings: 'No problems found in the document.',
    where: 'Where in the document',
    what: 'What',
    whole: 'The whole document',
    imported: 'Imported: {{sessions}} sessions new, {{changed}} changed.',
    reading: 'Reading the file…',
    tooLarge:
      'The document ({{size}} MB) is larger than this server takes in one request. Import it with the command line, which reads the file itself, or ask the server’s operator to raise MAX_BODY_BYTES.',
    exportsHeading: 'Exports',
    exportsIntro:
      'The published programme for conference apps and programme tools. These are public addresses: anyone may fetch them, and they follow what the conference publishes.',
    exportsDraft: 'The conference is not published yet: these addresses answer once it is.',
    whichProgramme: 'Which programme the links give',
    followsLatest: 'What readers follow: the latest release',
    followsLive: 'What readers follow: the live programme',
    live: 'The live programme',
    latest: 'The latest release, whichever it is then',
    releaseNumber: 'Release {{version}}: {{name}}',
    scheduleXml: 'Schedule XML (frab/Pentabarf)',
    scheduleXmlHint: 'Giggity, ConfClerk, EventFahrplan, FOSDEM Companion.',
    scheduleJson: 'schedule.json (c3voc, version 1)',
    scheduleJsonHint: 'Speakers in pretalx’s shape.',
    schedule2Json: 'schedule2 JSON (c3voc)',
    schedule2JsonHint: 'Flat events, texts in every language held.',
    xcal: 'xCal (XML calendar, RFC 6321)',
    xcalHint: 'The calendar feed’s events as XML.',
    sessionsCsv: 'Sessions as CSV',
    sessionsCsvHint: 'One row per session.',
    speakersCsv: 'Speakers as CSV',
    speakersCsvHint: 'One row per appearance of a speaker in a session.',
    formatScheduleXml: 'Schedule XML (frab, pretalx, Pentabarf)',
    formatScheduleJson: 'schedule.json (c3voc, pretalx)',
    formatSchedule2Json: 'schedule2 JSON (c3voc)',
    formatSessionize: 'Sessionize (All Data JSON)',
    formatCsv: 'CSV (a spreadsheet, with a column mapping)',
    notFound: 'No conference of yours has this address.',
    loading: 'Loading…',
  },
  sv: {
    title: 'Import och export',
    importHeading: 'Importera ett program',
    importIntro:
      'Hämtar salar, spår, talare och pass från ett schemadokument till den här konferensen. Prova först: en provkörning visar vad importen skulle göra och ändrar ingenting.',
    file: 'Dokumentfil',
    fileHint: 'Läses i din webbläsare; inget skickas förrän du provar eller importerar.',
    document: 'Eller klistra in dokumentet',
    format: 'Format',
    missing: 'Pass från en tidigare import som dokumentet inte längre har',
    keep: 'Behåll dem som de är',
    cancel: 'Ställ in dem',
    mapping: 'Vilken kolumn som innehåller vad (CSV; rubrikradens namn)',
    mappingHint: 'Titelkolumnen behövs; lämna de andra tomma om bladet saknar dem.',
    tryIt: 'Prova (provkörning)',
    importNow: 'Importera på riktigt',
    again: 'Du har ändrat något sedan provkörningen: prova igen för att se vad importen skulle göra.',
    refused: 'Dokumentet importerades inte, och ingenting ändrades:',
    wouldDo: 'Det här skulle importen göra',
    did: 'Det här gjorde importen',
    kind: 'Slag',
    created: 'Nya',
    updated: 'Ändrade',
    unchanged: 'Oförändrade',
    rooms: 'Salar',
    tracks: 'Spår',
    speakers: 'Talare',
    sessions: 'Pass',
    readAs: 'Läst som {{format}}.',
    removedHeading: 'Pass från tidigare importer som saknas i dokumentet',
    removedCancelled: '{{title}}: inställt',
    removedKept: '{{title}}: behålls som det var',
    suggestionsHeading: 'Personer som kan vara talare du redan har',
    suggestionsHint: 'Kryssa för dem som är samma person; importen lägger då deras pass på den talaren. Prova igen efteråt.',
    sameAs: '{{name}} är talaren {{slug}}',
    warningsHeading: 'Rättat eller överhoppat ({{count}})',
    noWarnings: 'Inga problem hittades i dokumentet.',
    where: 'Var i dokumentet',
    what: 'Vad',
    whole: 'Hela dokumentet',
    imported: 'Importerat: {{sessions}} nya pass, {{changed}} ändrade.',
    reading: 'Läser filen …',
    tooLarge:
      'Dokumentet ({{size}} MB) är större än servern tar emot i en begäran. Importera det från kommandoraden, som läser filen själv, eller be serverns driftansvariga att höja MAX_BODY_BYTES.',
    exportsHeading: 'Exporter',
    exportsIntro:
      'Det publicerade programmet för konferensappar och programverktyg. Adresserna är offentliga: vem som helst kan hämta dem, och de följer det konferensen publicerar.',
    exportsDraft: 'Konferensen är inte publicerad än: adresserna svarar när den är det.',
    whichProgramme: 'Vilket program länkarna ger',
    followsLatest: 'Det läsarna följer: den senaste versionen',
    followsLive: 'Det läsarna följer: det levande programmet',
    live: 'Det levande programmet',
    latest: 'Den senaste versionen, vilken det än är då',
    releaseNumber: 'Version {{version}}: {{name}}',
    scheduleXml: 'Schema-XML (frab/Pentabarf)',
    scheduleXmlHint: 'Giggity, ConfClerk, EventFahrplan, FOSDEM Companion.',
    scheduleJson: 'schedule.json (c3voc, version 1)',
    scheduleJsonHint: 'Talare i pretalx form.',
    schedule2Json: 'schedule2-JSON (c3voc)',
    schedule2JsonHint: 'Platta händelser, texter på alla språk som finns.',
    xcal: 'xCal (kalender i XML, RFC 6321)',
    xcalHint: 'Kalenderflödets händelser som XML.',
    sessionsCsv: 'Pass som CSV',
    sessionsCsvHint: 'En rad per pass.',
    speakersCsv: 'Talare som CSV',
    speakersCsvHint: 'En rad per talares medverkan i ett pass.',
    formatScheduleXml: 'Schema-XML (frab, pretalx, Pentabarf)',
    formatScheduleJson: 'schedule.json (c3voc, pretalx)',
    formatSchedule2Json: 'schedule2-JSON (c3voc)',
    formatSessionize: 'Sessionize (All Data-JSON)',
    formatCsv: 'CSV (ett kalkylblad, med kolumnmappning)',
    notFound: 'Ingen av dina konferenser har den här adressen.',
    loading: 'Laddar …',
  },
  nb: {
    title: 'Import og eksport',
    importHeading: 'Importer et program',
    importIntro:
      'Henter rom, spor, foredragsholdere og økter fra et programdokument inn i denne konferansen. Prøv først: en prøvekjøring viser hva importen ville gjort, og endrer ingenting.',
    file: 'Dokumentfil',
    fileHint: 'Leses i nettleseren din; ingenting sendes før du prøver eller importerer.',
    document: 'Eller lim inn dokumentet',
    format: 'Format',
    missing: 'Økter fra en tidligere import som dokumentet ikke lenger har',
    keep: 'Behold dem som de er',
    cancel: 'Avlys dem',
    mapping: 'Hvilken kolonne som inneholder hva (CSV; navnene i overskriftsraden)',
    mappingHint: 'Tittelkolonnen trengs; la de andre stå tomme hvis arket ikke har dem.',
    tryIt: 'Prøv (prøvekjøring)',
    importNow: 'Importer på ordentlig',
    again: 'Du har endret noe siden prøvekjøringen: prøv igjen for å se hva importen ville gjort.',
    refused: 'Dokumentet ble ikke importert, og ingenting ble endret:',
    wouldDo: 'Dette ville importen gjort',
    did: 'Dette gjorde importen',
    kind: 'Slag',
    created: 'Nye',
    updated: 'Endret',
    unchanged: 'Uendret',
    rooms: 'Rom',
    tracks: 'Spor',
    speakers: 'Foredragsholdere',
    sessions: 'Økter',
    readAs: 'Lest som {{format}}.',
    removedHeading: 'Økter fra tidligere importer som mangler i dokumentet',
    removedCancelled: '{{title}}: avlyst',
    removedKept: '{{title}}: beholdt som den var',
    suggestionsHeading: 'Personer som kan være foredragsholdere du allerede har',
    suggestionsHint: 'Kryss av for dem som er samme person; importen legger da øktene deres på den foredragsholderen. Prøv igjen etterpå.',
    sameAs: '{{name}} er foredragsholderen {{slug}}',
    warningsHeading: 'Rettet eller hoppet over ({{count}})',
    noWarnings: 'Ingen problemer funnet i dokumentet.',
    where: 'Hvor i dokumentet',
    what: 'Hva',
    whole: 'Hele dokumentet',
    imported: 'Importert: {{sessions}} nye økter, {{changed}} endret.',
    reading: 'Leser filen …',
    tooLarge:
      'Dokumentet ({{size}} MB) er større enn serveren tar imot i én forespørsel. Importer det fra kommandolinjen, som leser filen selv, eller be serverens driftsansvarlige om å øke MAX_BODY_BYTES.',
    exportsHeading: 'Eksporter',
    exportsIntro:
      'Det publiserte programmet for konferanseapper og programverktøy. Adressene er offentlige: hvem som helst kan hente dem, og de følger det konferansen publiserer.',
    exportsDraft: 'Konferansen er ikke publisert ennå: adressene svarer når den er det.',
    whichProgramme: 'Hvilket program lenkene gir',
    followsLatest: 'Det leserne følger: den siste versjonen',
    followsLive: 'Det leserne følger: det levende programmet',
    live: 'Det levende programmet',
    latest: 'Den siste versjonen, hvilken det enn er da',
    releaseNumber: 'Versjon {{version}}: {{name}}',
    scheduleXml: 'Program-XML (frab/Pentabarf)',
    scheduleXmlHint: 'Giggity, ConfClerk, EventFahrplan, FOSDEM Companion.',
    scheduleJson: 'schedule.json (c3voc, versjon 1)',
    scheduleJsonHint: 'Foredragsholdere i pretalx’ form.',
    schedule2Json: 'schedule2-JSON (c3voc)',
    schedule2JsonHint: 'Flate hendelser, tekster på alle språk som finnes.',
    xcal: 'xCal (kalender i XML, RFC 6321)',
    xcalHint: 'Kalenderstrømmens hendelser som XML.',
    sessionsCsv: 'Økter som CSV',
    sessionsCsvHint: 'Én rad per økt.',
    speakersCsv: 'Foredragsholdere som CSV',
    speakersCsvHint: 'Én rad per foredragsholders deltakelse i en økt.',
    formatScheduleXml: 'Program-XML (frab, pretalx, Pentabarf)',
    formatScheduleJson: 'schedule.json (c3voc, pretalx)',
    formatSchedule2Json: 'schedule2-JSON (c3voc)',
    formatSessionize: 'Sessionize (All Data-JSON)',
    formatCsv: 'CSV (et regneark, med kolonnetilordning)',
    notFound: 'Ingen av konferansene dine har denne adressen.',
    loading: 'Laster …',
  },
});

type Key = Parameters<typeof texts>[1];

const FORMATS: { value: ImportFormat; label: Key }[] = [
  { value: 'SCHEDULE_XML', label: 'formatScheduleXml' },
  { value: 'SCHEDULE_JSON', label: 'formatScheduleJson' },
  { value: 'SCHEDULE2_JSON', label: 'formatSchedule2Json' },
  { value: 'SESSIONIZE', label: 'formatSessionize' },
  { value: 'CSV', label: 'formatCsv' },
];

/** The CSV columns, in the order a sheet usually has them. */
const COLUMNS: ImportColumn[] = ['title', 'start', 'end', 'duration', 'room', 'track', 'speakers', 'format', 'language', 'abstract', 'id'];

type Exports = NonNullable<ExchangeExportsQuery['conference']>['exports'];
const EXPORTS: (keyof Omit<Exports, '__typename'>)[] = [
  'scheduleXml',
  'scheduleJson',
  'schedule2Json',
  'xcal',
  'sessionsCsv',
  'speakersCsv',
];

/** A guess at the format from the file's name and first characters; the organiser can choose another. */
function guessFormat(name: string, text: string): ImportFormat | null {
  const start = text.trimStart();
  if (/\.csv$/i.test(name)) return 'CSV';
  if (/\.xml$/i.test(name) || start.startsWith('<')) return 'SCHEDULE_XML';
  if (!start.startsWith('{')) return null;
  if (/"conference"\s*:/.test(start) && /"days"\s*:/.test(start)) return 'SCHEDULE_JSON';
  if (/"sessions"\s*:/.test(start) && /"speakers"\s*:/.test(start) && /"rooms"\s*:/.test(start)) return 'SESSIONIZE';
  return null;
}

/** "day[1]/room[Hall]/event[x1]: no start" → its place and what is wrong there. */
function splitWarning(warning: string): { place: string; message: string } {
  const at = warning.indexOf(': ');
  return at < 0 ? { place: '', message: warning } : { place: warning.slice(0, at), message: warning.slice(at + 2) };
}

interface Outcome {
  dryRun: boolean;
  /** The input it answered, to tell whether the organiser changed something since. */
  key: string;
  report: ImportReportFieldsFragment;
}

export default function Exchange() {
  const t = useTexts(texts);
  const slug = useRoute().params.slug as string;
  const [{ data, fetching }] = useQuery({ query: ExchangeDocument, variables: { slug } });
  if (fetching && !data) return <p>{t('loading')}</p>;
  const conference = data?.conference;
  if (!conference) return <p role="alert">{t('notFound')}</p>;
  return (
    <Page title={t('title')}>
      <ImportForm conferenceId={conference.id} />
      <ExportLinks slug={conference.slug} draft={conference.status === 'DRAFT'} />
    </Page>
  );
}

function ExportLinks({ slug, draft }: { slug: string; draft: boolean }) {
  const t = useTexts(texts);
  const [release, setRelease] = useState('');
  const [{ data, error }] = useQuery({ query: ExchangeExportsDocument, variables: { slug, release: release || null } });
  const follows = data?.conference?.programmeFollows;
  const [releases, setReleases] = useState<{ version: number; name: string }[]>([]);
  // The choices stay while the links of another choice load.
  useEffect(() => {
    if (data) setReleases(data.scheduleReleases);
  }, [data]);
  const options = [
    { value: '', label: t(follows === 'LATEST_RELEASE' ? 'followsLatest' : 'followsLive') },
    { value: 'live', label: t('live') },
    ...(releases.length ? [{ value: 'latest', label: t('latest') }] : []),
    ...releases.map((each) => ({ value: String(each.version), label: t('releaseNumber', { version: each.version, name: each.name }) })),
  ];
  const exports = data?.conference?.exports;
  return (
    <section aria-labelledby="exchange-exports">
      <h2 id="exchange-exports">{t('exportsHeading')}</h2>
      <p>{t('exportsIntro')}</p>
      {draft && <p class="hint">{t('exportsDraft')}</p>}
      <div class="exchange-release">
        <SelectField label={t('whichProgramme')} value={release} onValue={setRelease} options={options} />
      </div>
      <ProblemList problems={problemsOf(error)} />
      {exports ? (
        <ul class="export-links">
          {EXPORTS.map((key) => (
            <li key={key}>
              <a href={exports[key]}>{t(key)}</a> <span class="hint">{t(`${key}Hint`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        !error && <p>{t('loading')}</p>
      )}
    </section>
  );
}

function ImportForm({ conferenceId }: { conferenceId: string }) {
  const t = useTexts(texts);
  const [document, setDocument] = useState('');
  const [format, setFormat] = useState<ImportFormat>('SCHEDULE_XML');
  const [missing, setMissing] = useState<MissingSessions>('KEEP');
  const [columns, setColumns] = useState<Partial<Record<ImportColumn, string>>>({});
  const [matches, setMatches] = useState<string[]>([]);
  const [reading, setReading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [answer, run] = useMutation(ImportProgrammeDocument);

  const input = (): Omit<ImportProgrammeInput, 'dryRun'> => ({
    conferenceId,
    document,
    format,
    missing,
    ...(format === 'CSV'
      ? {
          mapping: COLUMNS.filter((field) => columns[field]?.trim()).map((field) => ({ field, column: columns[field]!.trim() })),
        }
      : {}),
    ...(matches.length && outcome
      ? {
          speakerMatches: outcome.report.suggestions
            .filter((suggestion) => matches.includes(suggestion.sourceId))
            .map((suggestion) => ({ sourceId: suggestion.sourceId, speakerSlug: suggestion.speakerSlug })),
        }
      : {}),
  });
  const key = JSON.stringify({ ...input(), speakerMatches: matches });
  const current = outcome?.key === key;
  // A body larger than the server takes is refused before GraphQL reads it, so no field is named: the document is to blame.
  const problems =
    answer.error?.response?.status === 413
      ? [{ field: 'document', message: t('tooLarge', { size: (new Blob([document]).size / 1_000_000).toFixed(1) }) }]
      : problemsOf(answer.error);

  const submit = async (dryRun: boolean) => {
    const result = await run({ input: { ...input(), dryRun } });
    if (result.data) setOutcome({ dryRun, key, report: result.data.importProgramme });
    else setOutcome(null);
  };
  const pick = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setReading(true);
    const text = await file.text();
    setReading(false);
    setDocument(text);
    const guessed = guessFormat(file.name, text);
    if (guessed) setFormat(guessed);
  };

  return (
    <section aria-labelledby="exchange-import">
      <h2 id="exchange-import">{t('importHeading')}</h2>
      <p>{t('importIntro')}</p>
      <form
        class="form-grid"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit(true);
        }}
      >
        <Field label={t('file')} hint={t('fileHint')}>
          {(aria) => <input type="file" accept=".xml,.json,.csv,.txt,application/json,text/xml,text/csv" {...aria} onChange={pick} />}
        </Field>
        <SelectField
          label={t('format')}
          value={format}
          onValue={(value) => setFormat(value as ImportFormat)}
          options={FORMATS.map((each) => ({ value: each.value, label: t(each.label) }))}
          problem={problemFor(problems, 'format')}
        />
        <div class="wide">
          <TextAreaField
            label={t('document')}
            value={document}
            onValue={setDocument}
            problem={problemFor(problems, 'document')}
            rows={8}
            spellcheck={false}
            class="exchange-document"
          />
        </div>
        <SelectField
          label={t('missing')}
          value={missing}
          onValue={(value) => setMissing(value as MissingSessions)}
          options={[
            { value: 'KEEP', label: t('keep') },
            { value: 'CANCEL', label: t('cancel') },
          ]}
          problem={problemFor(problems, 'missing')}
        />
        {format === 'CSV' && (
          <fieldset class="wide exchange-mapping">
            <legend>{t('mapping')}</legend>
            <p class="hint">{t('mappingHint')}</p>
            <div class="exchange-columns">
              {COLUMNS.map((field) => (
                <TextField
                  key={field}
                  label={field}
                  value={columns[field] ?? ''}
                  onValue={(value) => setColumns((previous) => ({ ...previous, [field]: value }))}
                />
              ))}
            </div>
            {problemFor(problems, 'mapping') && <p class="problem">{problemFor(problems, 'mapping')?.message}</p>}
          </fieldset>
        )}
        <div class="wide">
          {problems.length > 0 && (
            <div class="problems" role="alert">
              <p>{t('refused')}</p>
              <ul>
                {problems.map((problem, index) => (
                  <li key={index}>{problem.message}</li>
                ))}
              </ul>
            </div>
          )}
          <div class="row-actions">
            <button
              type="submit"
              class={current && outcome?.dryRun ? 'secondary' : undefined}
              disabled={answer.fetching || reading || !document}
            >
              {t('tryIt')}
            </button>
            {current && outcome?.dryRun && (
              <button type="button" disabled={answer.fetching} onClick={() => void submit(false)}>
                {t('importNow')}
              </button>
            )}
          </div>
          <Status>
            {reading
              ? t('reading')
              : outcome && !outcome.dryRun && current
                ? t('imported', {
                    sessions: outcome.report.created.sessions,
                    changed: outcome.report.updated.sessions,
                  })
                : outcome?.dryRun && !current
                  ? t('again')
                  : null}
          </Status>
        </div>
      </form>
      {outcome && (
        <Report
          outcome={outcome}
          matches={matches}
          onMatches={setMatches}
          problem={problemFor(problems, 'speakerMatches')?.message}
          formatName={t(FORMATS.find((each) => each.value === outcome.report.format)?.label ?? 'formatScheduleXml')}
        />
      )}
    </section>
  );
}

function Report({
  outcome,
  matches,
  onMatches,
  problem,
  formatName,
}: {
  outcome: Outcome;
  matches: string[];
  onMatches: (matches: string[]) => void;
  problem?: string;
  formatName: string;
}) {
  const t = useTexts(texts);
  const { report } = outcome;
  const kinds: (keyof Omit<ImportCountsFieldsFragment, '__typename'>)[] = ['rooms', 'tracks', 'speakers', 'sessions'];
  return (
    <section class="exchange-report" aria-labelledby="exchange-report">
      <h3 id="exchange-report">{outcome.dryRun ? t('wouldDo') : t('did')}</h3>
      <p>{t('readAs', { format: formatName })}</p>
      <table class="list exchange-counts">
        <thead>
          <tr>
            <th scope="col">{t('kind')}</th>
            <th scope="col">{t('created')}</th>
            <th scope="col">{t('updated')}</th>
            <th scope="col">{t('unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(kind)}</th>
              <td>{report.created[kind]}</td>
              <td>{report.updated[kind]}</td>
              <td>{report.unchanged[kind]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {report.removed.length > 0 && (
        <>
          <h4>{t('removedHeading')}</h4>
          <ul>
            {report.removed.map((session) => (
              <li key={session.uid}>{t(session.cancelled ? 'removedCancelled' : 'removedKept', { title: session.title })}</li>
            ))}
          </ul>
        </>
      )}

      {report.suggestions.length > 0 && (
        <fieldset class="exchange-suggestions">
          <legend>{t('suggestionsHeading')}</legend>
          <p class="hint">{t('suggestionsHint')}</p>
          {report.suggestions.map((suggestion) => (
            <CheckboxField
              key={suggestion.sourceId}
              label={t('sameAs', { name: suggestion.name, slug: suggestion.speakerSlug })}
              checked={matches.includes(suggestion.sourceId)}
              onChecked={(checked) =>
                onMatches(checked ? [...matches, suggestion.sourceId] : matches.filter((each) => each !== suggestion.sourceId))
              }
            />
          ))}
          {problem && <p class="problem">{problem}</p>}
        </fieldset>
      )}

      {report.warnings.length === 0 ? (
        <p>{t('noWarnings')}</p>
      ) : (
        <>
          <h4>{t('warningsHeading', { count: report.warnings.length })}</h4>
          <table class="list exchange-warnings">
            <thead>
              <tr>
                <th scope="col">{t('where')}</th>
                <th scope="col">{t('what')}</th>
              </tr>
            </thead>
            <tbody>
              {report.warnings.map((warning, index) => {
                const { place, message } = splitWarning(warning);
                return (
                  <tr key={index}>
                    <td>
                      <code>{place || t('whole')}</code>
                    </td>
                    <td>{message}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
