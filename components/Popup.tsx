import { useEffect, useState } from 'preact/hooks';
import type { LookupResponse } from '@/lib/messages';

export interface PopupProps {
  lookup: (number: string) => Promise<LookupResponse>;
}

export function Popup({ lookup }: PopupProps) {
  const [number, setNumber] = useState('');
  const [answer, setAnswer] = useState<string>('');

  useEffect(() => {
    if (number.trim() === '') return setAnswer('');
    let current = true;
    lookup(number).then((response) => {
      if (!current) return;
      const result = response.ok ? response.results[0] : undefined;
      setAnswer(
        result && result.kind !== 'invalid' ? `${result.place} · ${result.treatAs}` : 'That is not a phone number.',
      );
    });
    return () => {
      current = false;
    };
  }, [number, lookup]);

  return (
    <main>
      <h1>Consent Guard</h1>
      <label>
        Number
        <input value={number} onInput={(e) => setNumber(e.currentTarget.value)} data-testid="lookup-input" />
      </label>
      <output data-testid="lookup-answer">{answer}</output>
    </main>
  );
}
