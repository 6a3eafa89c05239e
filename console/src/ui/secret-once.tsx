import { useState } from 'preact/hooks';
import { Status } from './controls';

/**
 * A secret the server shows this once (a token's, a webhook's signing secret): to be copied now,
 * and gone when its dialog closes. The texts are the screen's own.
 */
export function SecretOnce({
  secret,
  texts,
  onDone,
}: {
  secret: string;
  texts: { intro: string; label?: string; copy: string; copied: string; done: string };
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div>
      <p>{texts.intro}</p>
      <p>
        {texts.label && <span class="secret-label">{texts.label} </span>}
        <code class="secret" data-secret>
          {secret}
        </code>
      </p>
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          await navigator.clipboard.writeText(secret);
          setCopied(true);
        }}
      >
        {texts.copy}
      </button>{' '}
      <button type="button" onClick={onDone}>
        {texts.done}
      </button>
      <Status>{copied ? texts.copied : null}</Status>
    </div>
  );
}
