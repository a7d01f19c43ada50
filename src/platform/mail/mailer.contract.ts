import { expect, it } from 'vitest';
import type { Mailer } from './mailer.js';

export interface Received {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string | undefined;
  /** The Message-ID header as it arrived (`<id@domain>`). */
  messageId: string | undefined;
  /** The files it carried: the MIME type without its parameters, the content decoded as UTF-8. */
  attachments: { filename: string; contentType: string; content: string }[];
}

/**
 * What every Mailer must do, whatever it sends to. Each implementation's test calls this with
 * a way to read back what arrived (the SMTP server's inbox, the outbox table).
 */
export function mailerContract(
  setup: () => {
    mailer: Mailer;
    /** What the recipient got (for the outbox: what the development mailbox shows). */
    received: () => Promise<Received[]>;
    /** Everything the mailer keeps at rest. */
    stored: () => Promise<unknown>;
    /** Seals one-time secrets the way MailService does (FieldEncryption, mailSecretsPurpose). */
    seal: (secrets: string[]) => string;
  },
) {
  it('delivers a plain-text message to its recipient', async () => {
    const { mailer, received } = setup();
    const { messageId } = await mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'ada@example.org',
      subject: 'Your booking',
      text: 'See you on Saturday.',
      messageId: '<booking-1@codeacademy123.com>',
    });
    expect(messageId).toBe('<booking-1@codeacademy123.com>');
    const message = (await received()).find((m) => m.subject === 'Your booking');
    expect(message).toMatchObject({
      to: 'ada@example.org',
      text: 'See you on Saturday.',
      messageId: '<booking-1@codeacademy123.com>',
    });
    expect(message?.from).toContain('info@codeacademy123.com');
  });

  it('names where mail goes, for the start-up log line, with no address or credentials in it', () => {
    expect(setup().mailer.name).toMatch(/^[a-z][\w-]*$/);
  });

  it('keeps accents and the HTML alternative intact', async () => {
    const { mailer, received } = setup();
    await mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'rene@example.fr',
      subject: 'Votre réservation à l’atelier « Git » ✓',
      text: 'À samedi, René !',
      html: '<p>À samedi, <strong>René</strong> !</p>',
      messageId: '<booking-2@codeacademy123.com>',
    });
    const message = (await received()).find((m) => m.to === 'rene@example.fr');
    expect(message?.subject).toBe('Votre réservation à l’atelier « Git » ✓');
    expect(message?.text.trim()).toBe('À samedi, René !');
    expect(message?.html).toContain('<strong>René</strong>');
  });

  it('delivers a mail with its attachment: name, type and text intact, apart from the text', async () => {
    const { mailer, received } = setup();
    const document =
      '<!doctype html><html lang="fr"><meta charset="utf-8"><title>CGV</title><p>Délai de rétractation : quatorze jours « pleins » ✓</p></html>';
    await mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'hedy@example.org',
      subject: 'Votre commande et ses conditions',
      text: 'Les conditions acceptées sont jointes.',
      attachments: [
        {
          filename: 'conditions-generales-de-vente-0123456789.html',
          contentType: 'text/html; charset=utf-8',
          content: document,
        },
        { filename: 'notes.txt', contentType: 'text/plain; charset=utf-8', content: 'Ligne 1\nLigne 2 — fin' },
      ],
      messageId: '<attached-1@codeacademy123.com>',
    });
    const message = (await received()).find((m) => m.subject === 'Votre commande et ses conditions');
    expect(message?.text.trim()).toBe('Les conditions acceptées sont jointes.');
    expect(message?.html).toBeUndefined();
    expect(message?.attachments).toEqual([
      { filename: 'conditions-generales-de-vente-0123456789.html', contentType: 'text/html', content: document },
      { filename: 'notes.txt', contentType: 'text/plain', content: 'Ligne 1\nLigne 2 — fin' },
    ]);
    await mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'hedy@example.org',
      subject: 'Sans pièce jointe',
      text: 'Rien de joint.',
      messageId: '<attached-2@codeacademy123.com>',
    });
    expect((await received()).find((m) => m.subject === 'Sans pièce jointe')?.attachments).toEqual([]);
  });

  it('delivers the real text to the recipient, whatever it keeps of a message with one-time secrets', async () => {
    const { mailer, received, stored, seal } = setup();
    await mailer.send({
      from: 'Code Academy <info@codeacademy123.com>',
      to: 'grace@example.org',
      subject: 'Confirm your address',
      text: 'Open https://shop.example/verify?token=SECRET123 within a day.',
      messageId: '<verify-1@codeacademy123.com>',
      storedCopy: {
        text: 'Open https://shop.example/verify?token={{one-time-secret:0}} within a day.',
        sealedSecrets: seal(['SECRET123']),
        secretsExpireAt: '2999-01-01T00:00:00.000Z',
      },
    });
    const message = (await received()).find((m) => m.subject === 'Confirm your address');
    expect(message?.text).toBe('Open https://shop.example/verify?token=SECRET123 within a day.');
    // No copy this mailer keeps holds the secret in plain text.
    expect(JSON.stringify(await stored())).not.toContain('SECRET123');
  });
}
