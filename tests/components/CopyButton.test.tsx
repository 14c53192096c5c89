import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyButton } from '@/components/popup/CopyButton';

const TEXT = 'Hi, this is Dana calling from Acme.';
const execCommand = (result: boolean | Error) => {
  const fn = vi.fn(() => {
    if (result instanceof Error) throw result;
    return result;
  });
  Object.defineProperty(document, 'execCommand', { value: fn, configurable: true, writable: true });
  return fn;
};

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
});

describe('<CopyButton>', () => {
  it('copies through the clipboard API and says "Copied" in a live region', async () => {
    const writeText = vi.fn(async () => {});
    render(<CopyButton text={TEXT} writeText={writeText} />);
    fireEvent.click(screen.getByTestId('copy-button'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith(TEXT);
    expect(screen.getByTestId('copy-status').getAttribute('aria-live')).toBe('polite');
  });

  it('uses navigator.clipboard by default', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CopyButton text={TEXT} />);
    fireEvent.click(screen.getByTestId('copy-button'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith(TEXT);
  });

  it('falls back to a selected read-only textarea and execCommand where the clipboard refuses', async () => {
    let selected = '';
    const exec = vi.fn(() => {
      const area = document.activeElement as HTMLTextAreaElement;
      selected = area.value.slice(area.selectionStart, area.selectionEnd);
      return area.readOnly;
    });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true, writable: true });
    render(<CopyButton text={TEXT} writeText={() => Promise.reject(new DOMException('denied', 'NotAllowedError'))} />);
    fireEvent.click(screen.getByTestId('copy-button'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Copied'));
    expect(exec).toHaveBeenCalledWith('copy');
    expect(selected).toBe(TEXT);
    expect(document.querySelectorAll('textarea')).toHaveLength(0);
  });

  it('asks for Ctrl+C with the text selected where execCommand fails too', async () => {
    execCommand(false);
    render(<CopyButton text={TEXT} writeText={() => Promise.reject(new Error('refused'))} />);
    fireEvent.click(screen.getByTestId('copy-button'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Press Ctrl+C to copy'));
    const area = screen.getByTestId('copy-fallback') as HTMLTextAreaElement;
    expect(area.readOnly).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(area));
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe(TEXT);
  });

  it('asks for Ctrl+C where execCommand throws', async () => {
    execCommand(new Error('not supported'));
    render(<CopyButton text={TEXT} writeText={() => Promise.reject(new Error('refused'))} />);
    fireEvent.click(screen.getByTestId('copy-button'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Press Ctrl+C to copy'));
  });

  it('forgets "Copied" when the text changes', async () => {
    const { rerender } = render(<CopyButton text={TEXT} writeText={async () => {}} />);
    fireEvent.click(screen.getByTestId('copy-button'));
    await waitFor(() => expect(screen.getByTestId('copy-status').textContent).toBe('Copied'));
    rerender(<CopyButton text="Another text" writeText={async () => {}} />);
    expect(screen.getByTestId('copy-status').textContent).toBe('');
  });
});
