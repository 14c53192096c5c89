import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Popup } from '@/components/Popup';
import { answerOf } from '@/lib/answer';
import { classify } from '@/lib/classify';
import { DEFAULT_SETTINGS } from '@/lib/settings';

const answer = (input: string) => ({ ok: true as const, results: [answerOf(classify(input), DEFAULT_SETTINGS)] });

describe('<Popup>', () => {
  it('shows the answer for a typed number', async () => {
    const lookup = vi.fn(async (input: string) => answer(input));
    render(<Popup lookup={lookup} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: '415 555 0134' } });
    await waitFor(() => expect(screen.getByTestId('lookup-answer').textContent).toBe('CA · all-party'));
    expect(lookup).toHaveBeenCalledWith('415 555 0134');
  });

  it('says calmly when the input is not a number', async () => {
    const lookup = async (input: string) => answer(input);
    render(<Popup lookup={lookup} />);
    fireEvent.input(screen.getByTestId('lookup-input'), { target: { value: 'abc' } });
    await waitFor(() => expect(screen.getByTestId('lookup-answer').textContent).toBe('That is not a phone number.'));
  });
});
