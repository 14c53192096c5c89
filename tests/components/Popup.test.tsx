import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/Popup';

describe('<Popup>', () => {
  it('shows the answer for a typed number', async () => {
    const lookup = vi.fn(async (input: string) => ({
      ok: true as const,
      results: [{ input, e164: '+14155550134', npa: '415' }],
    }));
    render(<Popup lookup={lookup} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: '415 555 0134' } });
    await waitFor(() => expect(screen.getByTestId('lookup-answer').textContent).toBe('+14155550134 · area code 415'));
    expect(lookup).toHaveBeenCalledWith('415 555 0134');
  });

  it('says calmly when the input is not a number', async () => {
    const lookup = async (input: string) => ({ ok: true as const, results: [{ input, e164: null, npa: null }] });
    render(<Popup lookup={lookup} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: 'abc' } });
    await waitFor(() => expect(screen.getByTestId('lookup-answer').textContent).toBe('That is not a phone number.'));
  });
});
