import { expect, it } from 'vitest';
import type { Mailer } from './mailer.js';

export interface Received {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | undefined;
}

/**
 * What every Mailer must do, whatever it sends to. Each implementation's test calls this with
 * a way to read back what arrived (the SMTP server's inbox, the outbox table).
 */
export function mailerContract(setup: () => { mailer: Mailer; received: () => Promise<Received[]> }) {
  it('delivers a plain-text message to its recipient', async () => {
    const { mailer, received } = setup();
    const { messageId } = await mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'ada@example.org',
      subject: 'Your booking',
      text: 'See you on Saturday.',
    });
    expect(messageId).toMatch(/^<.+>$/);
    const message = (await received()).find((m) => m.subject === 'Your booking');
    expect(message).toMatchObject({ to: 'ada@example.org', text: 'See you on Saturday.' });
    expect(message?.from).toContain('info@codeacademy123.com');
  });

  it('keeps accents and the HTML alternative intact', async () => {
    const { mailer, received } = setup();
    await mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'rene@example.fr',
      subject: 'Votre réservation à l’atelier « Git » ✓',
      text: 'À samedi, René !',
      html: '<p>À samedi, <strong>René</strong> !</p>',
    });
    const message = (await received()).find((m) => m.to === 'rene@example.fr');
    expect(message?.subject).toBe('Votre réservation à l’atelier « Git » ✓');
    expect(message?.text.trim()).toBe('À samedi, René !');
    expect(message?.html).toContain('<strong>René</strong>');
  });
}
