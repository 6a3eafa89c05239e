import { ComponentChildren } from 'preact';
import { LocalisedText } from '../../common/localisation';
import { inFormat, TextFormat } from '../../common/rich-text';
import { Appearance } from '../../sessions/appearance.entity';
import { languageName, PageContext, textOf } from '../../site/site-context';
import { Speaker } from '../../speakers/speaker.entity';
import { ProfileChange } from '../profile/profile-change.entity';
import { AppearanceForm, BIO_LOCALES, FieldErrors, ProfileForm, UnavailabilityForm } from '../profile/profile-forms';
import { ChangedField } from '../profile/profile.service';
import { SpeakerUnavailability } from '../profile/unavailability.entity';
import { CsrfField, renderPortalPage, withCsrfQuery } from './portal-layout';
import { DateTime } from 'luxon';

/** Everything the profile page shows of the signed-in speaker. */
export interface ProfilePageData {
  speaker: Speaker;
  appearances: Appearance[];
  changes: { change: ProfileChange; fields: ChangedField[] }[];
  unavailability: SpeakerUnavailability[];
  /** The zone periods are shown and entered in by default: the speaker's own conference's, else UTC. */
  zone: string;
  /** The zones the speaker's conferences are in, to enter a period in. */
  zones: string[];
}

/** What the forms show: the values to edit, and after a refusal what was typed with the errors beside it. */
export interface ProfilePageForms {
  profile: ProfileForm;
  profileErrors?: FieldErrors;
  /** The bio previews to show, as the public site would render them. */
  preview?: boolean;
  photoErrors?: FieldErrors;
  appearance?: { id: number; values: AppearanceForm; errors: FieldErrors };
  unavailability?: { values: UnavailabilityForm; errors: FieldErrors };
  /** A message after a change was kept: `saved`, `pending`, `photo`, `appearance`, `unavailability`, `removed`. */
  notice?: string;
}

/** The speaker's own profile page: every form works without script; each field has its label and its error beside it. */
export function profilePage(context: PageContext, csrf: string, data: ProfilePageData, forms: ProfilePageForms): string {
  const { t } = context;
  const refused = [forms.profileErrors, forms.photoErrors, forms.appearance?.errors, forms.unavailability?.errors].some(
    (errors) => errors && Object.keys(errors).length > 0,
  );
  return renderPortalPage(
    { context, csrf, current: 'profile' },
    refused ? `${t('portalProfile.refusedTitle')}: ${t('portalProfile.title')}` : t('portalProfile.title'),
    <div class="portal-profile">
      <h1>{t('portalProfile.title')}</h1>
      {forms.notice && (
        <p class="notice" role="status">
          {t(`portalProfile.notice.${forms.notice}`)}
        </p>
      )}
      {refused && (
        <p class="notice field-error" role="alert">
          {t('portalProfile.refused')}
        </p>
      )}
      <ProfileSection context={context} csrf={csrf} data={data} forms={forms} />
      <PhotoSection context={context} csrf={csrf} speaker={data.speaker} errors={forms.photoErrors ?? {}} />
      <AppearancesSection context={context} csrf={csrf} appearances={data.appearances} edited={forms.appearance} />
      <AvailabilitySection context={context} csrf={csrf} data={data} edited={forms.unavailability} />
      <ChangesSection context={context} changes={data.changes} />
    </div>,
  );
}

/** A labelled field with its error beside it (announced with the field: aria-describedby). */
function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (described: { id: string; 'aria-invalid'?: 'true'; 'aria-describedby'?: string }) => ComponentChildren;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <span class="hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({ id, ...(error ? { 'aria-invalid': 'true' } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Bio text rendered exactly as the public site renders it (Markdown, raw HTML off, safe links). */
function BioPreview({ context, bio }: { context: PageContext; bio: Record<string, string> }) {
  const written = BIO_LOCALES.filter((locale) => bio[locale]?.trim());
  return (
    <section class="portal-preview" aria-labelledby="preview-heading">
      <h3 id="preview-heading">{context.t('portalProfile.preview')}</h3>
      {written.length === 0 && <p>{context.t('portalProfile.previewEmpty')}</p>}
      {written.map((locale) => (
        <div>
          <h4>{languageName(locale, context.language)}</h4>
          <div class="rich-text" lang={locale} dangerouslySetInnerHTML={{ __html: inFormat(bio[locale], TextFormat.HTML)! }} />
        </div>
      ))}
    </section>
  );
}

function ProfileSection({
  context,
  csrf,
  data,
  forms,
}: {
  context: PageContext;
  csrf: string;
  data: ProfilePageData;
  forms: ProfilePageForms;
}) {
  const { t, addresses } = context;
  const values = forms.profile;
  const errors = forms.profileErrors ?? {};
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('portalProfile.profileHeading')}</h2>
      <p>
        {t('portalProfile.publicAt')} <a href={addresses.page(`/speakers/${data.speaker.slug}`)}>{t('portalProfile.publicLink')}</a>
      </p>
      <form method="post" action={addresses.page('/me/profile')} class="portal-form" novalidate>
        <CsrfField token={csrf} />
        {errors.form && <p class="field-error">{errors.form}</p>}
        <Field id="name" label={t('portalProfile.name')} error={errors.name}>
          {(a) => <input {...a} name="name" type="text" value={values.name} required autocomplete="name" />}
        </Field>
        <Field id="otherNames" label={t('portalProfile.otherNames')} hint={t('portalProfile.otherNamesHint')} error={errors.otherNames}>
          {(a) => <textarea {...a} name="otherNames" rows={3} value={values.otherNames} />}
        </Field>
        <fieldset>
          <legend>{t('portalProfile.bio')}</legend>
          <p class="hint">{t('portalProfile.bioHint')}</p>
          {BIO_LOCALES.map((locale) => (
            <Field
              id={`bio-${locale}`}
              label={t('portalProfile.bioIn', { language: languageName(locale, context.language) })}
              error={errors[`bio.${locale}`]}
            >
              {(a) => <textarea {...a} name={`bio.${locale}`} lang={locale} rows={8} value={values.bio[locale]} />}
            </Field>
          ))}
        </fieldset>
        {forms.preview && <BioPreview context={context} bio={values.bio} />}
        <fieldset>
          <legend>{t('portalProfile.links')}</legend>
          <p class="hint">{t('portalProfile.linksHint')}</p>
          {values.links.map((link, row) => (
            <div class="link-row">
              <Field id={`link${row}Label`} label={t('portalProfile.linkLabel', { number: row + 1 })} error={errors[`link${row}Label`]}>
                {(a) => <input {...a} name={`link${row}Label`} type="text" value={link.label} />}
              </Field>
              <Field id={`link${row}Url`} label={t('portalProfile.linkUrl', { number: row + 1 })} error={errors[`link${row}Url`]}>
                {(a) => <input {...a} name={`link${row}Url`} type="url" value={link.url} inputmode="url" />}
              </Field>
            </div>
          ))}
        </fieldset>
        <div class="portal-actions">
          <button type="submit" name="action" value="preview">
            {t('portalProfile.previewButton')}
          </button>
          <button type="submit" name="action" value="save">
            {t('portalProfile.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

function PhotoSection({ context, csrf, speaker, errors }: { context: PageContext; csrf: string; speaker: Speaker; errors: FieldErrors }) {
  const { t, addresses } = context;
  return (
    <section aria-labelledby="photo-heading">
      <h2 id="photo-heading">{t('portalProfile.photoHeading')}</h2>
      {speaker.photoUrl && /^https?:/i.test(speaker.photoUrl) ? (
        <img
          class="photo"
          src={speaker.photoUrl}
          alt={textOf(context, speaker.photoAlt).text ?? speaker.name}
          width={speaker.photoWidth ?? 160}
          height={speaker.photoHeight ?? 160}
        />
      ) : (
        <p>{t('portalProfile.noPhoto')}</p>
      )}
      <form
        method="post"
        action={withCsrfQuery(addresses.page('/me/photo'), csrf)}
        enctype="multipart/form-data"
        class="portal-form"
        novalidate
      >
        {errors.form && <p class="field-error">{errors.form}</p>}
        {/* Before the file: multipart fields are read in order, and the alt text goes with the image. */}
        <Field id="photo-alt" label={t('portalProfile.photoAlt')} hint={t('portalProfile.photoAltHint')} error={errors.alt}>
          {(a) => <input {...a} name="alt" type="text" />}
        </Field>
        <Field id="photo" label={t('portalProfile.photo')} hint={t('portalProfile.photoHint')} error={errors.photo}>
          {(a) => <input {...a} name="photo" type="file" accept="image/jpeg,image/png,image/webp" required />}
        </Field>
        <button type="submit">{t('portalProfile.upload')}</button>
      </form>
    </section>
  );
}

function AppearancesSection({
  context,
  csrf,
  appearances,
  edited,
}: {
  context: PageContext;
  csrf: string;
  appearances: Appearance[];
  edited: ProfilePageForms['appearance'];
}) {
  const { t, addresses } = context;
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('portalProfile.sessionsHeading')}</h2>
      {appearances.length === 0 && <p>{t('portalProfile.noSessions')}</p>}
      {appearances.map((appearance) => {
        const session = appearance.session!;
        const conference = session.conference!;
        const values =
          edited?.id === appearance.id ? edited.values : { title: appearance.title ?? '', organisation: appearance.organisation ?? '' };
        const errors = edited?.id === appearance.id ? edited.errors : {};
        const prefix = `appearance-${appearance.id}`;
        const title = textOf(context, session.title as LocalisedText).text ?? '';
        return (
          <article class="portal-appearance" aria-labelledby={`${prefix}-heading`}>
            <h3 id={`${prefix}-heading`}>{title}</h3>
            <p>
              {conference.name}
              {session.startsAt && (
                <>
                  {', '}
                  <time datetime={session.startsAt.toISOString()}>
                    {DateTime.fromJSDate(session.startsAt, { zone: conference.timeZone })
                      .setLocale(context.language)
                      .toFormat('d LLL yyyy HH:mm')}{' '}
                    ({conference.timeZone})
                  </time>
                </>
              )}
            </p>
            <form method="post" action={addresses.page(`/me/appearances/${appearance.id}`)} class="portal-form" novalidate>
              <CsrfField token={csrf} />
              {errors.form && <p class="field-error">{errors.form}</p>}
              <Field id={`${prefix}-title`} label={t('portalProfile.jobTitle')} error={errors.title}>
                {(a) => <input {...a} name="title" type="text" value={values.title} autocomplete="organization-title" />}
              </Field>
              <Field id={`${prefix}-organisation`} label={t('portalProfile.organisation')} error={errors.organisation}>
                {(a) => <input {...a} name="organisation" type="text" value={values.organisation} autocomplete="organization" />}
              </Field>
              <button type="submit">{t('portalProfile.proposeAppearance', { session: title })}</button>
            </form>
          </article>
        );
      })}
    </section>
  );
}

function AvailabilitySection({
  context,
  csrf,
  data,
  edited,
}: {
  context: PageContext;
  csrf: string;
  data: ProfilePageData;
  edited: ProfilePageForms['unavailability'];
}) {
  const { t, addresses } = context;
  const values = edited?.values ?? { from: '', until: '', zone: data.zone, note: '' };
  const errors = edited?.errors ?? {};
  const shown = (instant: Date) =>
    DateTime.fromJSDate(instant, { zone: data.zone }).setLocale(context.language).toFormat('d LLL yyyy HH:mm');
  return (
    <section aria-labelledby="availability-heading">
      <h2 id="availability-heading">{t('portalProfile.availabilityHeading')}</h2>
      <p>{t('portalProfile.availabilityIntro')}</p>
      {data.unavailability.length > 0 && (
        <ul class="portal-periods">
          {data.unavailability.map((period) => (
            <li>
              <time datetime={period.startsAt.toISOString()}>{shown(period.startsAt)}</time>
              {' – '}
              <time datetime={period.endsAt.toISOString()}>{shown(period.endsAt)}</time> ({data.zone}){period.note && <> · {period.note}</>}
              <form method="post" action={addresses.page(`/me/unavailability/${period.id}/remove`)} class="portal-inline-form">
                <CsrfField token={csrf} />
                <button type="submit" aria-label={t('portalProfile.removePeriodNamed', { from: shown(period.startsAt) })}>
                  {t('portalProfile.removePeriod')}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form method="post" action={addresses.page('/me/unavailability')} class="portal-form" novalidate>
        <CsrfField token={csrf} />
        {errors.form && <p class="field-error">{errors.form}</p>}
        <Field id="unavailable-from" label={t('portalProfile.from')} error={errors.from}>
          {(a) => <input {...a} name="from" type="datetime-local" value={values.from} required />}
        </Field>
        <Field id="unavailable-until" label={t('portalProfile.until')} error={errors.until}>
          {(a) => <input {...a} name="until" type="datetime-local" value={values.until} required />}
        </Field>
        <Field id="unavailable-zone" label={t('portalProfile.zone')} error={errors.zone}>
          {(a) => (
            <select {...a} name="zone">
              {[...new Set([values.zone, ...data.zones, 'UTC'])].map((zone) => (
                <option value={zone} selected={zone === values.zone}>
                  {zone}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="unavailable-note" label={t('portalProfile.note')} error={errors.note}>
          {(a) => <input {...a} name="note" type="text" value={values.note} />}
        </Field>
        <button type="submit">{t('portalProfile.addPeriod')}</button>
      </form>
    </section>
  );
}

function ChangesSection({ context, changes }: { context: PageContext; changes: ProfilePageData['changes'] }) {
  const { t } = context;
  return (
    <section aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t('portalProfile.changesHeading')}</h2>
      {changes.length === 0 && <p>{t('portalProfile.noChanges')}</p>}
      <ul class="portal-changes">
        {changes.map(({ change, fields }) => (
          <li data-status={change.status}>
            <strong>{t(`portalProfile.status.${change.status}`)}</strong>{' '}
            <time datetime={change.createdAt.toISOString()}>
              {DateTime.fromJSDate(change.createdAt, { zone: 'utc' }).setLocale(context.language).toFormat('d LLL yyyy')}
            </time>
            <ul>
              {fields.map((changed) => (
                <li>
                  {t(`portalProfile.field.${changed.field}`)}
                  {changed.locale && <> ({languageName(changed.locale, context.language)})</>}
                  {': '}
                  <span class="proposed">{changed.after ?? t('portalProfile.removed')}</span>
                </li>
              ))}
            </ul>
            {change.note && (
              <p class="review-note">
                {t('portalProfile.organisersNote')}: {change.note}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
