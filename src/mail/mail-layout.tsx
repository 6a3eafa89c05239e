import { renderToStaticMarkup } from 'preact-render-to-string';

export interface MailContent {
  locale: string;
  subject: string;
  greeting?: string;
  /** Plain text, one paragraph each; line breaks inside one are kept. */
  paragraphs: string[];
  /** The one thing the reader is asked to do: a button in HTML, the address on its own line in text. */
  action?: { label: string; url: string };
  footer?: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * Every mail Lectern sends, in one layout: a plain-text part a person reads as it is, and an HTML
 * part rendered by Preact, which escapes every text it is given, so no caller can inject markup.
 */
export function composeMail(input: MailContent): ComposedMail {
  return { subject: singleLine(input.subject), text: textOf(input), html: htmlOf(input) };
}

function textOf({ greeting, paragraphs, action, footer }: MailContent): string {
  const blocks = [greeting, ...paragraphs, action && `${action.label}:\n${action.url}`].filter((block): block is string => Boolean(block));
  const body = blocks.join('\n\n');
  return `${footer ? `${body}\n\n-- \n${footer}` : body}\n`;
}

const PAGE = 'margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#18181b;';
const CARD = 'max-width:560px;margin:0 auto;padding:24px;background:#ffffff;border-radius:8px;line-height:1.5;';
const BUTTON =
  'display:inline-block;padding:10px 18px;background:#1d4ed8;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600;';
const FOOTER = 'max-width:560px;margin:16px auto 0;font-size:13px;color:#52525b;';

function htmlOf({ locale, subject, greeting, paragraphs, action, footer }: MailContent): string {
  const document = (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width" />
        <title>{singleLine(subject)}</title>
      </head>
      <body style={PAGE}>
        <div style={CARD}>
          {greeting && <p>{greeting}</p>}
          {paragraphs.map((paragraph) => (
            <p style="white-space:pre-line;">{paragraph}</p>
          ))}
          {action && (
            <p>
              <a href={action.url} style={BUTTON}>
                {action.label}
              </a>
            </p>
          )}
          {action && <p style="font-size:13px;color:#52525b;word-break:break-all;">{action.url}</p>}
        </div>
        {footer && <p style={FOOTER}>{footer}</p>}
      </body>
    </html>
  );
  return `<!doctype html>${renderToStaticMarkup(document)}`;
}

/** A header holds one line: a line break in a subject would end it. */
function singleLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
