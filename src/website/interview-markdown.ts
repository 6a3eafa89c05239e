import { stringify } from 'yaml';
import { InterviewView } from './website-views';

/**
 * An interview as a page of a static site (Hugo, Jekyll, Eleventy): YAML front matter with what
 * such sites list and sort by, then each question as a heading and its answer as written (the
 * texts are Markdown already). In a panel, each answer starts with who gave it.
 */
export function interviewMarkdown(interview: InterviewView): string {
  const frontMatter = withoutEmpty({
    title: interview.title,
    date: interview.publishedOn,
    lead: interview.lead,
    speakers: interview.speakers.map((speaker) => speaker.name),
    conference: interview.conference?.name,
    locale: interview.locale,
    slug: interview.slug,
    author: interview.author,
    source: interview.sourceUrl,
  });
  const panel = interview.speakers.length > 1;
  const items = interview.items.map((item) => {
    const heading = `## ${oneLine(item.question ?? '')}`;
    const answer = item.answer ?? '';
    const by = panel && item.answeredBy ? `**${item.answeredBy.name}:** ` : '';
    return `${heading}\n\n${by}${answer}`.trimEnd();
  });
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n\n${items.join('\n\n')}\n`;
}

/** A heading is one line: a question written over several reads as one. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

function withoutEmpty(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value != null && value !== ''));
}
