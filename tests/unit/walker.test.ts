// The page walk in slices: stopped at a deadline and resumed, it finds what one whole walk finds.
import { describe, expect, it } from 'vitest';
import { blockNodes, Walker, walk } from '@/lib/page/collect';

const summary = (w: ReturnType<typeof walk>) => ({
  blocks: [...w.blocks.entries()].map(([block, nodes]) => [
    (block as Element).tagName ?? '#root',
    nodes.map((n) => (n.nodeType === 3 ? (n as Text).data : (n as Element).tagName)),
  ]),
  links: w.links.map((l) => l.getAttribute('href')),
  fields: w.fields.length,
  numbered: [...w.numbered].map((block) => (block as Element).textContent),
});

describe('Walker', () => {
  it('a walk cut into many slices equals one whole walk (text by block, breaks, links, fields)', () => {
    const rows = Array.from(
      { length: 600 },
      (_, i) =>
        `<tr><td>Lead ${i}<br>(415) 555-${String(1000 + i)}</td><td><a href="tel:+1212555${String(1000 + i)}">call</a> <input value="x"></td></tr>`,
    ).join('');
    document.body.innerHTML = `<table><tbody>${rows}</tbody></table><script>var x = "(212) 555-0100"</script>`;
    const whole = walk(document.body);
    const sliced = new Walker(document.body);
    let slices = 0;
    // A deadline already past: each step stops at its first clock check.
    while (!sliced.step(0)) slices++;
    expect(slices).toBeGreaterThan(5);
    expect(summary(sliced.walked)).toEqual(summary(whole));
    expect(whole.links.length).toBe(600);
    expect(whole.blocks.size).toBe(1200);
  });

  it('marks the blocks whose text holds seven digits or more, counted across their text nodes', () => {
    document.body.innerHTML =
      '<table><tr><td>(415) <b>55</b></td><td>Call <i>415</i> 555<br>0</td><td>Ref 123456</td><td>２１２５５５０</td></tr></table>';
    const numbered = [...walk(document.body).numbered].map((block) => (block as Element).textContent);
    expect(numbered).toEqual(['Call 415 5550', '２１２５５５０']);
  });

  it('blockNodes keeps inline text and breaks, and leaves nested blocks and scripts out', () => {
    document.body.innerHTML = '<div>Call <b>(415) <i>555</i></b>-0134<br>x<p>inner</p><script>s</script>end</div>';
    const nodes = blockNodes(document.body.firstElementChild as Element);
    expect(nodes.map((n) => (n.nodeType === 3 ? (n as Text).data : (n as Element).tagName))).toEqual([
      'Call ',
      '(415) ',
      '555',
      '-0134',
      'BR',
      'x',
      'end',
    ]);
  });
});
