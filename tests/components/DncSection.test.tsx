import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { DncSection } from '@/components/options/DncSection';
import type { DncApi, DncStatus, ImportOutcome } from '@/utils/dnc-import';

function fakeApi(outcome: (onProgress: (f: number) => void) => Promise<ImportOutcome>) {
  let status: DncStatus = { list: null, policyCount: 0, policySalt: false, notices: [] };
  const api: DncApi = {
    status: vi.fn(async () => status),
    importFile: vi.fn(async (file: File, onProgress: (f: number) => void) => {
      const result = await outcome(onProgress);
      status = {
        ...status,
        list: { count: result.count, name: file.name, importedAt: '2026-12-02T17:00:00Z', invalid: result.invalid },
      };
      return result;
    }),
    clear: vi.fn(async () => {
      status = { ...status, list: null };
    }),
  };
  return api;
}

const pick = (name: string) => {
  const input = screen.getByTestId('dnc-file') as HTMLInputElement;
  const file = new File(['Phone\n212-555-0123\n'], name, { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
};

describe('<DncSection>', () => {
  it('shows progress while the worker imports (the input is disabled), then the list and what was not a number', async () => {
    let finish: (o: ImportOutcome) => void = () => {};
    const api = fakeApi(
      (onProgress) =>
        new Promise((resolve) => {
          onProgress(0.4);
          finish = resolve;
        }),
    );
    render(<DncSection api={api} />);
    await screen.findByText('No list imported.');
    pick('dnc.csv');
    await screen.findByText(/Importing… 40%/);
    expect((screen.getByTestId('dnc-file') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('dnc-progress').querySelector('progress')?.value).toBe(40);
    finish({ count: 2, numbers: 3, invalid: 1, invalidExamples: ['555-0199'] });
    await screen.findByText('2 numbers in your list (from dnc.csv).');
    expect(screen.getByTestId('dnc-progress').textContent).toBe(
      '1 cells were not phone numbers (for example: 555-0199).',
    );
    expect((screen.getByTestId('dnc-file') as HTMLInputElement).disabled).toBe(false);
    expect(screen.getByTestId('dnc-status').dataset.count).toBe('2');
  });

  it('a failed import says why and keeps no list; removing a list asks the store', async () => {
    const failing = fakeApi(async () => {
      throw new Error('the import worker failed');
    });
    render(<DncSection api={failing} />);
    await screen.findByText('No list imported.');
    pick('bad.csv');
    await screen.findByText('The import failed: the import worker failed');
    expect(screen.queryByTestId('dnc-clear')).toBeNull();
  });

  it('the remove button clears the list', async () => {
    const api = fakeApi(async () => ({ count: 1, numbers: 1, invalid: 0, invalidExamples: [] }));
    render(<DncSection api={api} />);
    await screen.findByText('No list imported.');
    pick('one.csv');
    fireEvent.click(await screen.findByTestId('dnc-clear'));
    await screen.findByText('No list imported.');
    expect(api.clear).toHaveBeenCalledTimes(1);
  });

  it('says what the organisation pushed and that the national registry is not checked', async () => {
    const api = fakeApi(async () => ({ count: 0, numbers: 0, invalid: 0, invalidExamples: [] }));
    api.status = async () => ({ list: null, policyCount: 3, policySalt: true, notices: ['n1'] });
    render(<DncSection api={api} />);
    await screen.findByText("Your organisation's list: 3 numbers.");
    screen.getByText("Imports are hashed with your organisation's salt.");
    screen.getByText(/national Do-Not-Call registry and litigator lists are not checked/);
    expect(screen.getByRole('alert').textContent).toBe('n1');
  });
});
