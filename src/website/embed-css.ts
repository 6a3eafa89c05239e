import { strongEtag } from '../common/http-caching';

/*
 * The embeds' opt-in stylesheet (`?style=default` links it; GET /embed/embed.css serves it).
 * Kept as a constant in a module rather than a .css file: tsc does not copy .css into dist/, and
 * finding the file again from dist/src/website/ (where dist/package.json, which tsc copies, hides
 * the project root) would break as soon as a deployment ships dist/ alone. A constant is in every
 * build, ts-jest's included, and is read once.
 *
 * Everything is under `lectern-` classes, so it styles nothing of the host page. Colours are set on
 * the card and the wall themselves (background included), so their contrast holds on any page:
 * text 17:1, secondary text 7:1, links 6.4:1 in light colours, 15:1, 9:1 and 9.9:1 in the dark
 * ones `prefers-color-scheme: dark` picks (WCAG AA asks 4.5:1), and rules at least 3:1.
 */
export const EMBED_CSS = `.lectern-speaker,
.lectern-speaker-wall {
  --lectern-text: #1a1a1a;
  --lectern-muted: #595959;
  --lectern-link: #0b57d0;
  --lectern-background: #ffffff;
  --lectern-rule: #8c8c8c;
  color: var(--lectern-text);
  background: var(--lectern-background);
  line-height: 1.5;
  overflow-wrap: anywhere;
  box-sizing: border-box;
  max-width: 100%;
}

@media (prefers-color-scheme: dark) {
  .lectern-speaker,
  .lectern-speaker-wall {
    --lectern-text: #ececec;
    --lectern-muted: #b8b8b8;
    --lectern-link: #9ec1ff;
    --lectern-background: #161616;
    --lectern-rule: #767676;
  }
}

.lectern-speaker *,
.lectern-speaker-wall * {
  box-sizing: border-box;
}

.lectern-speaker {
  display: block;
  padding: 1rem;
  border: 1px solid var(--lectern-rule);
  border-radius: 0.5rem;
}

.lectern-speaker a {
  color: var(--lectern-link);
  text-decoration: underline;
  text-underline-offset: 0.15em;
}

.lectern-speaker a:focus-visible {
  outline: 2px solid var(--lectern-link);
  outline-offset: 2px;
}

.lectern-speaker__photo {
  display: block;
  max-width: 100%;
  height: auto;
  max-height: 16rem;
  margin: 0 0 0.75rem;
  border-radius: 0.25rem;
  object-fit: cover;
}

.lectern-speaker__name {
  margin: 0;
  font-size: 1.375rem;
  line-height: 1.25;
}

.lectern-speaker__affiliation {
  margin: 0.25rem 0 0;
  color: var(--lectern-muted);
}

.lectern-speaker__bio {
  margin-top: 0.75rem;
}

.lectern-speaker__bio > :first-child {
  margin-top: 0;
}

.lectern-speaker__bio > :last-child {
  margin-bottom: 0;
}

.lectern-speaker__links {
  display: flex;
  flex-wrap: wrap;
  gap: 0.25rem 1rem;
  margin: 0.75rem 0 0;
  padding: 0;
  list-style: none;
}

.lectern-speaker__sessions {
  margin-top: 1rem;
}

.lectern-speaker__sessions-heading {
  margin: 0 0 0.25rem;
  font-size: 1rem;
  text-transform: uppercase;
  letter-spacing: 0.05em;
  color: var(--lectern-muted);
}

.lectern-sessions {
  margin: 0;
  padding: 0;
  list-style: none;
}

.lectern-session {
  padding: 0.625rem 0;
  border-top: 1px solid var(--lectern-rule);
  color: var(--lectern-muted);
}

.lectern-session:last-child {
  padding-bottom: 0;
}

.lectern-session__title {
  display: block;
  font-weight: 600;
  color: var(--lectern-text);
}

/* The title has a line of its own: the separator written after it for plain text is not needed. */
.lectern-session__title + .lectern-session__sep {
  display: none;
}

.lectern-session[data-status='cancelled'] .lectern-session__title {
  text-decoration: line-through;
}

.lectern-session__add {
  display: block;
  margin-top: 0.25rem;
}

/* The links have a line of their own too. */
.lectern-session__add > .lectern-session__sep:first-child {
  display: none;
}

/* Lines break between the links, not inside a name ("Google Kalender"). */
.lectern-session__add a {
  white-space: nowrap;
}

.lectern-speaker-wall {
  padding: 1rem;
}

.lectern-speaker-wall__heading {
  margin: 0 0 1rem;
  font-size: 1.5rem;
  line-height: 1.25;
}

.lectern-speaker-wall__list {
  display: grid;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr));
  gap: 1rem;
  margin: 0;
  padding: 0;
  list-style: none;
}

.lectern-speaker-wall__item {
  min-width: 0;
}
`;

export const EMBED_CSS_ETAG = strongEtag(EMBED_CSS);
