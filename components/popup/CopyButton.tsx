import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

type Status = 'idle' | 'copied' | 'manual';

export interface CopyButtonProps {
  text: string;
  /** Where the text goes; the async clipboard by default (tests hand in a fake). */
  writeText?: (text: string) => Promise<void>;
  /** Called once the text is on the clipboard (the consent log's "copied"). */
  onCopied?: () => void;
}

const clipboardWrite = (text: string) => navigator.clipboard.writeText(text);

/**
 * Copies `text`. Where the clipboard API is refused (no permission, no focus, an old browser), it
 * selects the text in a read-only textarea and tries execCommand('copy'); where that fails too, it
 * leaves the text selected and asks the agent to press Ctrl+C.
 */
export function CopyButton({ text, writeText = clipboardWrite, onCopied }: CopyButtonProps) {
  const [status, setStatus] = useState<Status>('idle');
  const fallback = useRef<HTMLTextAreaElement>(null);

  // A new text is not copied yet.
  useEffect(() => setStatus('idle'), [text]);

  useEffect(() => {
    if (status !== 'manual' || !fallback.current) return;
    fallback.current.focus();
    fallback.current.select();
  }, [status]);

  async function copy() {
    try {
      await writeText(text);
      setStatus('copied');
      onCopied?.();
      return;
    } catch {
      // Refused: try the old way below.
    }
    const area = document.createElement('textarea');
    area.value = text;
    area.readOnly = true;
    area.className = 'visually-hidden';
    const before = document.activeElement as HTMLElement | null;
    document.body.append(area);
    area.focus();
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    before?.focus();
    setStatus(copied ? 'copied' : 'manual');
    if (copied) onCopied?.();
  }

  return (
    <div class="copy">
      <button type="button" class="button" onClick={copy} data-testid="copy-button">
        {t('copy')}
      </button>
      <span class="copy-status" role="status" aria-live="polite" data-testid="copy-status">
        {status === 'copied' ? t('copied') : status === 'manual' ? t('copyManual') : ''}
      </span>
      {status === 'manual' && (
        <textarea
          ref={fallback}
          class="copy-fallback"
          readOnly
          value={text}
          aria-label={t('copyManual')}
          data-testid="copy-fallback"
        />
      )}
    </div>
  );
}
